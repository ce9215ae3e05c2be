package dev.journeykpi.report;

import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.VariantComparison;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The A/B comparisons ({@code compare:}) in the tidy outputs: nine columns after the others, on the
 * row of each variant in each period (empty on every other row), present only when the scorecard
 * has comparisons — so a definition without {@code compare:} keeps its CSV and JSON byte for byte.
 * Columns on the variant's own row rather than rows of their own: a row is still one KPI, one
 * period and one group, and a script filters the variants by a non-empty {@code control}.
 */
final class ComparisonColumns {
  static final List<String> NAMES =
      List.of(
          "control",
          "difference",
          "lift",
          "difference_low",
          "difference_high",
          "p_value",
          "p_holm",
          "test",
          "test_note");

  private final Map<String, VariantComparison> byRow = new HashMap<>();

  /** The KPIs with comparisons: no other row builds a key. */
  private final java.util.Set<String> kpis = new java.util.HashSet<>();

  ComparisonColumns(Scorecard card) {
    for (VariantComparison c : card.comparisons()) {
      byRow.put(key(c.kpi(), c.period(), c.dims()), c);
      kpis.add(c.kpi());
    }
  }

  /** A row's place: its KPI, its period and its breakdown's labels, each under its column. */
  private static String key(String kpi, String period, Map<String, String> dims) {
    StringBuilder b = new StringBuilder(kpi).append('\u0000').append(period);
    new java.util.TreeMap<>(dims)
        .forEach((column, label) -> b.append('\u0000').append(column).append('=').append(label));
    return b.toString();
  }

  /**
   * The comparison shown on a row: its KPI's, its period's, its group's (the variant within the
   * same group of the other breakdown columns); null for none.
   */
  VariantComparison of(ResultRow r) {
    if (byRow.isEmpty() || r.dims().isEmpty() || !kpis.contains(r.kpi())) return null;
    return byRow.get(key(r.kpi(), r.period(), r.dims()));
  }

  /** The row's nine cells as text ({@link ValueFormat#plain} numbers; empty without one). */
  List<String> cells(ResultRow r) {
    VariantComparison c = of(r);
    List<String> out = new ArrayList<>(NAMES.size());
    if (c == null) {
      for (int i = 0; i < NAMES.size(); i++) out.add("");
      return out;
    }
    out.add(c.control());
    for (Double v : numbers(c)) out.add(ValueFormat.plain(v));
    out.add(c.method());
    out.add(note(c));
    return out;
  }

  /** difference, lift, its interval, p and Holm's p, in the columns' order. */
  static List<Double> numbers(VariantComparison c) {
    return java.util.Arrays.asList(
        c.difference(), c.lift(), c.low(), c.high(), c.p(), c.pAdjusted());
  }

  /** Why there is no test, in English, or "" when there is one. */
  static String note(VariantComparison c) {
    if (c.missing() == null) return "";
    return switch (c.missing()) {
      case NO_CONTROL_ROWS -> "no row of the period has the control";
      case NO_VALUE -> "the variant or the control has no value";
      case TOO_FEW_VALUES -> "too few values (two a side at least)";
      case NO_SPREAD -> "no variation within either group: no interval";
    };
  }
}
