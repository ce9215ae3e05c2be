package dev.journeykpi.engine;

import dev.journeykpi.calc.Bootstrap;
import dev.journeykpi.calc.Difference;
import dev.journeykpi.calc.Holm;
import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.calc.Newcombe;
import dev.journeykpi.calc.NpsDifference;
import dev.journeykpi.calc.Welch;
import dev.journeykpi.calc.Wilson;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.VariantComparison;
import dev.journeykpi.model.VariantComparison.Missing;
import dev.journeykpi.types.KpiKinds;
import dev.journeykpi.types.PeriodRowsKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * {@code compare:} (issue 20): in each period, every variant of a KPI's compared column against its
 * control — within each group of the KPI's other breakdown columns when it has some (in channel
 * Email, B against A; in channel Zalo, B against A) — each group measured by the KPI's own measurer
 * (so its value is the scorecard's), and the difference tested by the method the KPI's type names.
 * The p-values of one period are then adjusted together by Holm over every variant of every KPI
 * with {@code compare:} in the run: a reader who scans them all for "significant" is protected as a
 * whole, not comparison by comparison.
 *
 * <p>Rows with a blank compared column are no variant (they are in the total, as in any breakdown).
 */
final class VariantComparisons {
  /**
   * The confidence of the intervals when neither the KPI's {@code confidence:} nor {@code
   * --confidence} names one.
   */
  static final double DEFAULT_LEVEL = 95;

  private VariantComparisons() {}

  static List<VariantComparison> of(
      List<KpiDef> kpis,
      Function<String, Table> tables,
      List<Period> periods,
      KpiRunner runner,
      Double confidence) {
    List<VariantComparison> out = new ArrayList<>();
    for (KpiDef k : kpis) {
      if (k.compare() == null) continue;
      double level = level(k, confidence);
      Table table = tables.apply(k.source());
      for (Period p : periods) out.addAll(ofPeriod(k, table, p, runner, level));
    }
    return holm(out, periods);
  }

  /**
   * The level of a KPI's comparison intervals: its own {@code confidence:}, else the run's {@code
   * --confidence}, else 95 %.
   */
  static double level(KpiDef k, Double runLevel) {
    if (k.confidence() != null) return k.confidence();
    return runLevel == null ? DEFAULT_LEVEL : runLevel;
  }

  /**
   * Each variant of the KPI against its control over the rows dated in the period, within each
   * group of its other breakdown columns (all of them at once when the compared column is its only
   * breakdown).
   */
  private static List<VariantComparison> ofPeriod(
      KpiDef k, Table table, Period p, KpiRunner runner, double level) {
    PeriodRowsKind<?> kind = (PeriodRowsKind<?>) KpiKinds.of(k);
    CompareDef.Test test = kind.comparison(k.spec());
    Measurer measurer = kind.measurerOf(k, runner);
    int at = k.by().indexOf(k.compare().by());
    // The breakdown's groups (in display order) sorted into the groups of the other columns, in
    // the order the first of each appears.
    Map<List<String>, Map<String, int[]>> within = new LinkedHashMap<>();
    for (Map.Entry<List<String>, int[]> g : runner.groupRows(k, table, p).entrySet()) {
      List<String> others = new ArrayList<>(g.getKey());
      String label = others.remove(at);
      within.computeIfAbsent(others, x -> new LinkedHashMap<>()).put(label, g.getValue());
    }
    Predicate<String> isControl = controlMatcher(k.compare().control(), table, k.compare().by());
    List<VariantComparison> out = new ArrayList<>();
    for (Map.Entry<List<String>, Map<String, int[]>> w : within.entrySet()) {
      Map<String, String> group = new LinkedHashMap<>();
      for (int i = 0, j = 0; i < k.by().size(); i++)
        if (i != at) group.put(k.by().get(i), w.getKey().get(j++));
      Comparing c = new Comparing(k, p, test, level, measurer, table, group);
      out.addAll(c.variants(w.getValue(), isControl));
    }
    return out;
  }

  /** One group's variants against its control: the KPI's test, in one period. */
  private record Comparing(
      KpiDef k,
      Period p,
      CompareDef.Test test,
      double level,
      Measurer measurer,
      Table table,
      Map<String, String> group) {
    List<VariantComparison> variants(Map<String, int[]> groups, Predicate<String> isControl) {
      // Every spelling of the control is the control ('A' and 'a' alike, as filters match texts):
      // their rows pooled, so that no spelling is left out or compared as a variant of itself.
      List<String> controlLabels = new ArrayList<>();
      List<int[]> controlParts = new ArrayList<>();
      for (Map.Entry<String, int[]> g : groups.entrySet()) {
        if (isControl.test(g.getKey())) {
          controlLabels.add(g.getKey());
          controlParts.add(g.getValue());
        }
      }
      int[] controlRows = controlParts.isEmpty() ? null : pooled(controlParts);
      // One spelling: the data's; several: the definition's, which names them all.
      String controlLabel =
          controlLabels.size() == 1 ? controlLabels.get(0) : k.compare().control();
      Sample control = controlRows == null ? null : new Sample(measurer, table, controlRows);
      List<VariantComparison> out = new ArrayList<>();
      for (Map.Entry<String, int[]> g : groups.entrySet()) {
        String label = g.getKey();
        if (controlLabels.contains(label) || label.equals(ResultRow.BLANK)) continue;
        Sample variant = new Sample(measurer, table, g.getValue());
        out.add(compared(k, p, test, level, controlLabel, control, label, variant, group));
      }
      return out;
    }
  }

  /**
   * Whether a group's label is the control: on a number column by value (a control written "5.0" is
   * the group labelled 5), otherwise as filters compare texts (trimmed, NFC, without case).
   */
  static Predicate<String> controlMatcher(String control, Table table, String column) {
    String key = TextKey.of(control);
    // A group's label is compared by the data's value: a control "(total)" is the group the data
    // names so, labelled '(total) to keep it apart from kpi's total (model.BreakdownLabel).
    Predicate<String> asText =
        label -> TextKey.of(dev.journeykpi.model.BreakdownLabel.shown(label)).equals(key);
    if (!table.containsColumn(column) || !(table.column(column) instanceof NumericColumn<?>))
      return asText;
    Double wanted = number(control);
    if (wanted == null) return asText;
    return label -> wanted.equals(number(label)) || asText.test(label);
  }

  private static Double number(String text) {
    try {
      double v = Double.parseDouble(text.trim());
      return v == 0 ? 0.0 : v; // -0 is 0
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The rows of several groups as one ascending array (groups share no row). */
  private static int[] pooled(List<int[]> parts) {
    if (parts.size() == 1) return parts.get(0);
    int[] out = parts.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    java.util.Arrays.sort(out);
    return out;
  }

  /** A group's measure, and its values when the test needs them. */
  private static final class Sample {
    final Measure measure;
    final Measurer measurer;
    final Table table;
    final int[] rows;

    Sample(Measurer measurer, Table table, int[] rows) {
      this.measurer = measurer;
      this.table = table;
      this.rows = rows;
      this.measure = measurer.measure(table, rows);
    }

    double[] values() {
      return measurer.values(table, rows);
    }
  }

  private static VariantComparison compared(
      KpiDef k,
      Period p,
      CompareDef.Test test,
      double level,
      String controlLabel,
      Sample control,
      String label,
      Sample variant,
      Map<String, String> group) {
    Missing missing = null;
    Difference d = null;
    if (control == null) {
      missing = Missing.NO_CONTROL_ROWS;
    } else if (control.measure.value() == null || variant.measure.value() == null) {
      missing = Missing.NO_VALUE;
    } else {
      Tested t = tested(test, level, variant, control);
      d = t.difference();
      missing = t.missing();
    }
    Double controlValue = control == null ? null : control.measure.value();
    Double lift =
        d == null || controlValue == null || controlValue == 0
            ? null
            : d.difference() / Math.abs(controlValue);
    return new VariantComparison(
        k.id(),
        p.label(),
        k.compare().by(),
        controlLabel,
        label,
        k.unit(),
        controlValue,
        variant.measure.value(),
        control == null ? 0 : control.measure.n(),
        variant.measure.n(),
        d == null ? null : d.difference(),
        lift,
        d == null ? null : d.low(),
        d == null ? null : d.high(),
        d == null ? null : d.p(),
        null,
        test.method().machineText(),
        level,
        missing,
        group);
  }

  /** A test's difference, or why there is none. */
  private record Tested(Difference difference, Missing missing) {
    static Tested of(Difference d, Missing otherwise) {
      return d == null ? new Tested(null, otherwise) : new Tested(d, null);
    }
  }

  /**
   * The test of the KPI's type, or why it has nothing to go on: fewer than two values on a side (a
   * mean's or the bootstrap's), or no variation within either group (every value of each side the
   * same, or every NPS answer of each side in one class): then no standard error, and every
   * resample of the bootstrap is the sample itself, so no interval can be drawn.
   */
  private static Tested tested(CompareDef.Test test, double level, Sample variant, Sample control) {
    return switch (test.method()) {
      case NEWCOMBE -> {
        Measure v = variant.measure;
        Measure c = control.measure;
        yield Tested.of(
            v.numerator() == null
                    || v.denominator() == null
                    || c.numerator() == null
                    || c.denominator() == null
                    || !(v.denominator() > 0 && c.denominator() > 0)
                ? null
                : Newcombe.of(
                    v.numerator(),
                    v.denominator(),
                    c.numerator(),
                    c.denominator(),
                    Wilson.z(level)),
            Missing.TOO_FEW_VALUES);
      }
      case WELCH -> {
        double[] v = variant.values();
        double[] c = control.values();
        Missing why = tooFewOrFlat(v, c);
        yield why != null
            ? new Tested(null, why)
            : Tested.of(Welch.of(v, v.length, c, c.length, level), Missing.NO_SPREAD);
      }
      case NPS -> {
        // NpsDifference refuses only a side without answers (a NO_VALUE already) or no spread.
        long[] v = npsCounts(variant.values());
        long[] c = npsCounts(control.values());
        yield Tested.of(
            NpsDifference.of(v[0], v[1], v[2], c[0], c[1], c[2], Wilson.z(level)),
            Missing.NO_SPREAD);
      }
      case BOOTSTRAP -> {
        double[] v = variant.values();
        double[] c = control.values();
        Missing why = tooFewOrFlat(v, c);
        yield why != null
            ? new Tested(null, why)
            : new Tested(Bootstrap.of(v, v.length, c, c.length, test.statistic(), level), null);
      }
    };
  }

  /**
   * Welch's guard, for the bootstrap too: fewer than two values on a side, or each side's values
   * all equal (constant within each group, whether or not the two constants differ); null when the
   * values can be tested.
   */
  static Missing tooFewOrFlat(double[] variant, double[] control) {
    if (variant.length < 2 || control.length < 2) return Missing.TOO_FEW_VALUES;
    return flat(variant) && flat(control) ? Missing.NO_SPREAD : null;
  }

  private static boolean flat(double[] v) {
    for (double x : v) if (x != v[0]) return false;
    return true;
  }

  /** Promoters (9–10), passives (7–8) and detractors (0–6), as the NPS measure counts them. */
  private static long[] npsCounts(double[] scores) {
    long[] out = new long[3];
    for (double s : scores) out[s >= 9 ? 0 : s <= 6 ? 2 : 1]++;
    return out;
  }

  /** Each period's p-values adjusted together by Holm, over every KPI's variants. */
  private static List<VariantComparison> holm(List<VariantComparison> all, List<Period> periods) {
    List<VariantComparison> out = new ArrayList<>(all);
    for (Period p : periods) {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < out.size(); i++)
        if (out.get(i).period().equals(p.label()) && out.get(i).p() != null) at.add(i);
      double[] raw = at.stream().mapToDouble(i -> out.get(i).p()).toArray();
      double[] adjusted = Holm.adjust(raw);
      for (int j = 0; j < at.size(); j++)
        out.set(at.get(j), out.get(at.get(j)).adjusted(adjusted[j]));
    }
    return out;
  }
}
