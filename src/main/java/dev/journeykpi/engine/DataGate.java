package dev.journeykpi.engine;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.report.Visible;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether what was read can be reported at all, asked by every job before it writes: a source of
 * which no row could be used, that has no data rows at all (its header only), or whose dates do not
 * reach the period, gives a scorecard (or a lead list) of zeros that looks like a quiet month.
 */
final class DataGate {
  private DataGate() {}

  /**
   * The reasons not to write anything, as data errors; the sources other sources outlast are warned
   * about on {@code err} at once (all of them with {@code allowEmptyPeriod}).
   */
  static List<String> unusable(
      List<QualityReport> quality,
      List<Period> periods,
      boolean allowEmptyPeriod,
      PrintWriter err) {
    List<String> unusable = new ArrayList<>(QualityGate.noRowUsed(quality));
    // An export of a header and no row gives a count of 0 for any period, even a future one: an
    // export cut short or made with the wrong filter, unless the period truly had no activity.
    for (String line : QualityGate.noDataRows(quality)) {
      if (allowEmptyPeriod)
        err.println("kpi: warning: " + Visible.lines(line) + "; its KPIs have no rows");
      else unusable.add(line);
    }
    // So would a period the export does not reach (last month's run on an export nobody refreshed).
    if (unusable.isEmpty()) {
      QualityGate.Unreached u =
          QualityGate.periodNotReached(quality, periods.get(periods.size() - 1), allowEmptyPeriod);
      for (String w : u.warnings()) err.println("kpi: warning: " + Visible.lines(w));
      err.flush();
      unusable.addAll(u.errors());
    }
    return unusable;
  }

  /**
   * Which periods {@code --period last} found, and why: {@code kpi: --period last: 2026-10, the
   * last month the data covers (its dates reach 2026-11-03)}.
   */
  static String lastPeriodLine(List<Period> periods, List<QualityReport> quality) {
    Period last = periods.get(periods.size() - 1);
    String grain =
        switch (last.grain()) {
          case WEEK -> "week";
          case QUARTER -> "quarter";
          case YEAR -> "year";
          default -> "month";
        };
    String which =
        periods.size() == 1
            ? last.label()
            : periods.get(0).label() + " to " + last.label() + " (" + periods.size() + " periods)";
    return "kpi: --period "
        + (grain.equals("month") ? "last" : "last-" + grain)
        + ": "
        + which
        + ", the last "
        + grain
        + " the data covers to its end (its dates reach "
        + DataEnd.of(quality)
        + ")";
  }

  /** Each reason on stderr, saying that nothing was written (the previous outputs stay). */
  static void refuse(List<String> unusable, PrintWriter err) {
    for (String u : unusable)
      err.println("kpi: data error: " + Visible.lines(u) + "; no output written");
    err.flush();
  }
}
