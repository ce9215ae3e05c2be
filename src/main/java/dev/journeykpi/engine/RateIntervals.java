package dev.journeykpi.engine;

import dev.journeykpi.calc.Wilson;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.types.KpiKinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kpi report --confidence} and a KPI's {@code confidence:}: a Wilson interval on every row
 * whose value is a share of counted things, and a note on those whose denominator is too small to
 * read (issue 20).
 *
 * <p>A share is a row in % with a whole numerator and denominator, 0 ≤ numerator ≤ denominator and
 * a denominator above 0, of a KPI whose type counts its numerator among its denominator ({@link
 * dev.journeykpi.types.KpiKind#ratesAreShares}): ratios and the rate presets, top-box scores, SLA
 * attainment, no-repeat rates, funnel step and conversion rates, stalled re-engagement, churn,
 * reactivation, repeat and cohort rates. Not a turnover, a customer retention rate or a formula;
 * not a mean, a count or an NPS.
 */
final class RateIntervals {
  /**
   * Below this denominator a share is marked as too small to read, the common rule of thumb for a
   * sample: at 30, a 50 % share's 95 % interval still runs from 33 % to 67 % (15/30: centre 0.5,
   * half-width 1.959964 ÷ 1.128049 × √(0.008333 + 0.001067) = 0.168).
   */
  static final int SMALL_SAMPLE = 30;

  private RateIntervals() {}

  /**
   * The card with an interval on every share of a KPI that asks for one: at the KPI's own {@code
   * confidence:} level, else at the run's {@code --confidence} ({@code runLevel}, null when not
   * given); the card itself when no KPI asks.
   */
  static Scorecard apply(Scorecard card, Double runLevel) {
    if (runLevel == null && card.definition().kpis().stream().allMatch(k -> k.confidence() == null))
      return card;
    Map<String, Double> levels = new HashMap<>(); // NaN: no interval for the KPI's rows
    Map<String, Boolean> shares = new HashMap<>();
    boolean ownLevels = false;
    List<ResultRow> rows = new ArrayList<>(card.rows().size());
    for (ResultRow r : card.rows()) {
      double level =
          levels.computeIfAbsent(
              r.kpi(),
              id -> {
                Double own = card.definition().requireKpi(id).confidence();
                return own != null ? own : runLevel != null ? runLevel : Double.NaN;
              });
      boolean share =
          shares.computeIfAbsent(
              r.kpi(),
              id -> {
                KpiDef k = card.definition().requireKpi(id);
                return KpiKinds.of(k).ratesAreShares(k);
              });
      if (!share || Double.isNaN(level) || !isShare(r)) {
        rows.add(r);
        continue;
      }
      double[] i = Wilson.interval(r.numerator(), r.denominator(), Wilson.z(level));
      Notes small =
          r.denominator() < SMALL_SAMPLE
              ? Notes.of(Note.of(Note.Code.SMALL_SAMPLE, (long) r.denominator().doubleValue()))
              : Notes.NONE;
      rows.add(r.withInterval(new ResultRow.Interval(i[0], i[1], level), small));
    }
    for (String id : levels.keySet())
      ownLevels |= card.definition().requireKpi(id).confidence() != null;
    if (runLevel == null && !ownLevels) return card;
    return card.withIntervals(rows, runLevel, ownLevels);
  }

  /** A row in % whose numerator and denominator are counts, the first among the second. */
  static boolean isShare(ResultRow r) {
    Double k = r.numerator();
    Double n = r.denominator();
    return "%".equals(r.unit())
        && r.value() != null
        && k != null
        && n != null
        && n > 0
        && k >= 0
        && k <= n
        && k == Math.rint(k)
        && n == Math.rint(n);
  }
}
