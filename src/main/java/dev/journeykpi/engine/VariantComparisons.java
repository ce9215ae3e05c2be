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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * {@code compare:} (issue 20): in each period, every variant of a KPI's compared column against its
 * control — each group measured by the KPI's own measurer (so its value is the scorecard's), and
 * the difference tested by the method the KPI's type names. The p-values of one period are then
 * adjusted together by Holm over every variant of every KPI with {@code compare:} in the run: a
 * reader who scans them all for "significant" is protected as a whole, not comparison by
 * comparison.
 *
 * <p>Rows with a blank compared column are no variant (they are in the total, as in any breakdown).
 */
final class VariantComparisons {
  /** The confidence of the intervals when {@code --confidence} does not name one. */
  static final double DEFAULT_LEVEL = 95;

  private VariantComparisons() {}

  static List<VariantComparison> of(
      List<KpiDef> kpis,
      Function<String, Table> tables,
      List<Period> periods,
      KpiRunner runner,
      Double confidence) {
    double level = confidence == null ? DEFAULT_LEVEL : confidence;
    List<VariantComparison> out = new ArrayList<>();
    for (KpiDef k : kpis) {
      if (k.compare() == null) continue;
      Table table = tables.apply(k.source());
      for (Period p : periods) out.addAll(ofPeriod(k, table, p, runner, level));
    }
    return holm(out, periods);
  }

  /** Each variant of the KPI against its control over the rows dated in the period. */
  private static List<VariantComparison> ofPeriod(
      KpiDef k, Table table, Period p, KpiRunner runner, double level) {
    PeriodRowsKind<?> kind = (PeriodRowsKind<?>) KpiKinds.of(k);
    CompareDef.Test test = kind.comparison(k.spec());
    Measurer measurer = kind.measurerOf(k, runner);
    Map<List<String>, int[]> groups = runner.groupRows(k, table, p);
    String controlKey = TextKey.of(k.compare().control());
    int[] controlRows = null;
    String controlLabel = k.compare().control();
    for (Map.Entry<List<String>, int[]> g : groups.entrySet()) {
      if (TextKey.of(g.getKey().get(0)).equals(controlKey)) {
        controlRows = g.getValue();
        controlLabel = g.getKey().get(0);
      }
    }
    Sample control = controlRows == null ? null : new Sample(measurer, table, controlRows);
    List<VariantComparison> out = new ArrayList<>();
    for (Map.Entry<List<String>, int[]> g : groups.entrySet()) {
      String label = g.getKey().get(0);
      if (label.equals(controlLabel) || label.equals(ResultRow.BLANK)) continue;
      Sample variant = new Sample(measurer, table, g.getValue());
      out.add(compared(k, p, test, level, controlLabel, control, label, variant));
    }
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
      Sample variant) {
    Missing missing = null;
    Difference d = null;
    if (control == null) {
      missing = Missing.NO_CONTROL_ROWS;
    } else if (control.measure.value() == null || variant.measure.value() == null) {
      missing = Missing.NO_VALUE;
    } else {
      d = tested(test, level, variant, control);
      if (d == null) missing = Missing.TOO_FEW_VALUES;
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
        missing);
  }

  /** The test of the KPI's type; null when it has nothing to go on (too few values, no spread). */
  private static Difference tested(
      CompareDef.Test test, double level, Sample variant, Sample control) {
    return switch (test.method()) {
      case NEWCOMBE -> {
        Measure v = variant.measure;
        Measure c = control.measure;
        yield v.numerator() == null
                || v.denominator() == null
                || c.numerator() == null
                || c.denominator() == null
                || !(v.denominator() > 0 && c.denominator() > 0)
            ? null
            : Newcombe.of(
                v.numerator(), v.denominator(), c.numerator(), c.denominator(), Wilson.z(level));
      }
      case WELCH -> {
        double[] v = variant.values();
        double[] c = control.values();
        yield Welch.of(v, v.length, c, c.length, level);
      }
      case NPS -> {
        long[] v = npsCounts(variant.values());
        long[] c = npsCounts(control.values());
        yield NpsDifference.of(v[0], v[1], v[2], c[0], c[1], c[2], Wilson.z(level));
      }
      case BOOTSTRAP -> {
        double[] v = variant.values();
        double[] c = control.values();
        yield v.length == 0 || c.length == 0
            ? null
            : Bootstrap.of(v, v.length, c, c.length, test.statistic(), level);
      }
    };
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
