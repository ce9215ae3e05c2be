package dev.journeykpi.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the tidy result every KPI produces: a KPI's value for one period and one combination
 * of breakdown values. A breakdown dimension whose value is {@link #TOTAL} is aggregated over;
 * {@link #BLANK} stands for rows that had no value in that column. {@code target} is null when the
 * KPI has none; {@code status} is null when there is no target or no value (never {@link
 * Status#NONE}). {@code notes} say how the value was made, as codes with arguments; {@link #note()}
 * writes them in English, for CSV, JSON and scripts. {@code interval} is the value's confidence
 * interval when {@code kpi report --confidence} asked for one and the value is a share of counted
 * rows (issue 20); null otherwise.
 */
public record ResultRow(
    String kpi,
    String label,
    String period,
    Map<String, String> dims,
    Double value,
    String unit,
    Double numerator,
    Double denominator,
    long n,
    Target target,
    Status status,
    Double previous,
    Double delta,
    Double deltaRelative,
    Boolean complete,
    Notes notes,
    Interval interval) {
  public static final String TOTAL = "(total)";
  public static final String BLANK = "(blank)";

  public ResultRow {
    if (status == Status.NONE) status = null;
    if (notes == null) notes = Notes.NONE;
    // One dimension (the usual breakdown) in an immutable one-entry map: a third of the memory of a
    // copied LinkedHashMap, which a breakdown with 1,000,000 groups noticed.
    dims =
        dims.isEmpty()
            ? Map.of()
            : dims.getClass() == ONE
                ? dims
                : dims.size() == 1
                    ? one(dims.entrySet().iterator().next())
                    : Collections.unmodifiableMap(new LinkedHashMap<>(dims));
  }

  /** A row without an interval: every row but those {@code --confidence} gives one. */
  public ResultRow(
      String kpi,
      String label,
      String period,
      Map<String, String> dims,
      Double value,
      String unit,
      Double numerator,
      Double denominator,
      long n,
      Target target,
      Status status,
      Double previous,
      Double delta,
      Double deltaRelative,
      Boolean complete,
      Notes notes) {
    this(
        kpi,
        label,
        period,
        dims,
        value,
        unit,
        numerator,
        denominator,
        n,
        target,
        status,
        previous,
        delta,
        deltaRelative,
        complete,
        notes,
        null);
  }

  /**
   * A confidence interval of a share, as fractions like the value ({@code 0.317} to {@code 0.861}).
   *
   * @param level the confidence in percent (95)
   */
  public record Interval(double low, double high, double level) {}

  /** This row with its value's confidence interval and, when its sample is small, that note. */
  public ResultRow withInterval(Interval i, Notes more) {
    return new ResultRow(
        kpi,
        label,
        period,
        dims,
        value,
        unit,
        numerator,
        denominator,
        n,
        target,
        status,
        previous,
        delta,
        deltaRelative,
        complete,
        notes.plus(more),
        i);
  }

  /** The class of Map.of(k, v): immutable already, so not copied. */
  private static final Class<?> ONE = Map.of("", "").getClass();

  private static Map<String, String> one(Map.Entry<String, String> e) {
    return e.getKey() == null || e.getValue() == null
        ? Collections.singletonMap(e.getKey(), e.getValue())
        : Map.of(e.getKey(), e.getValue());
  }

  public boolean isTotal() {
    return dims.values().stream().allMatch(TOTAL::equals);
  }

  /**
   * This row compared with the same KPI and breakdown in an earlier period: {@code delta} is in the
   * value's own scale (for a rate, a difference of fractions: 0.025 is 2.5 percentage points);
   * {@code deltaRelative} is the change as a fraction of the earlier value, for everything but
   * rates.
   */
  public ResultRow comparedWith(Double earlier) {
    Double d = value == null || earlier == null ? null : value - earlier;
    Double rel = d == null || unit.equals("%") || earlier == 0 ? null : d / Math.abs(earlier);
    return copy(earlier, d, rel, complete, notes);
  }

  /**
   * This row with its period's coverage: null reason means complete; a reason goes first in the
   * notes. Public for {@code calc.KpiRunner}, which knows a period's coverage only after measuring
   * its rows.
   */
  public ResultRow withCoverage(Note incompleteBecause) {
    Notes all = incompleteBecause == null ? notes : notes.after(incompleteBecause);
    return copy(previous, delta, deltaRelative, incompleteBecause == null, all);
  }

  /**
   * This row with {@code more} notes after its own (the engine's findings about the definition).
   */
  public ResultRow withNotes(Notes more) {
    if (more.isEmpty()) return this;
    return copy(previous, delta, deltaRelative, complete, notes.plus(more));
  }

  /** This row's measured parts with another comparison, coverage and notes. */
  // complete stays a Boolean: null (a KPI over no period's rows, time: none) must survive a copy.
  private ResultRow copy(
      Double previous, Double delta, Double deltaRelative, Boolean complete, Notes notes) {
    return new ResultRow(
        kpi,
        label,
        period,
        dims,
        value,
        unit,
        numerator,
        denominator,
        n,
        target,
        status,
        previous,
        delta,
        deltaRelative,
        complete,
        notes,
        interval);
  }

  /**
   * The notes in English, joined by "; " ("" when none): what CSV and JSON print and scripts read.
   */
  public String note() {
    return notes.english();
  }
}
