package dev.journeykpi.calc;

import dev.journeykpi.config.TargetDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.Status;
import dev.journeykpi.model.Target;
import java.time.LocalDate;

/**
 * Evaluates a value against its target: green, amber or red, or none when there is no target or no
 * value. Pure; the rules are those of {@link TargetDef}.
 */
public final class TargetStatus {
  /** The target as it applies in one period, with the amber band around it. */
  public record Applied(
      TargetDef.Kind kind, double low, double high, double amberLow, double amberHigh) {
    /** The target as numbers, for the result row. */
    public Target target() {
      return switch (kind) {
        case MIN -> Target.atLeast(low);
        case MAX -> Target.atMost(high);
        case RANGE -> Target.between(low, high);
      };
    }

    /** The machine text of {@link #target()}. */
    public String text() {
      return target().machineText();
    }

    public Status of(Double value) {
      if (value == null || value.isNaN()) return Status.NONE;
      double v = value;
      if (v >= low && v <= high) return Status.GREEN;
      if (v >= amberLow && v <= amberHigh) return Status.AMBER;
      return Status.RED;
    }
  }

  private TargetStatus() {}

  /** The target for a period; null when the KPI has none. */
  public static Applied in(TargetDef t, Period p) {
    if (t == null) return null;
    double low = t.low();
    double high = t.high();
    Double periodValue = periodValue(t, p);
    if (periodValue != null) {
      if (t.kind() == TargetDef.Kind.MIN) low = periodValue;
      else high = periodValue;
    }
    double inf = Double.POSITIVE_INFINITY;
    double width = high - low;
    return switch (t.kind()) {
      case MIN -> new Applied(t.kind(), low, inf, low - band(t, low, Math.abs(low)), inf);
      case MAX -> new Applied(t.kind(), -inf, high, -inf, high + band(t, high, Math.abs(high)));
      case RANGE ->
          new Applied(t.kind(), low, high, low - band(t, low, width), high + band(t, high, width));
    };
  }

  /**
   * How far beyond the bound amber reaches: a threshold keeps its distance from the default bound
   * (so it moves with a per-period bound); a percentage band is of {@code base} (the target, or a
   * range's width).
   */
  private static double band(TargetDef t, double bound, double base) {
    if (t.amber() != null)
      return Math.abs(t.kind() == TargetDef.Kind.MIN ? t.low() - t.amber() : t.amber() - t.high());
    if (t.band() != null) return t.band();
    if (t.bandPercent() != null) return base * t.bandPercent() / 100;
    return 0;
  }

  /** The period's own value, else (for a month) its quarter's, else its year's. */
  private static Double periodValue(TargetDef t, Period p) {
    if (t.byPeriod().isEmpty()) return null;
    Double v = t.byPeriod().get(p.label());
    if (v != null) return v;
    LocalDate s = p.start();
    if (p.grain() == Period.Grain.MONTH) {
      v = t.byPeriod().get(s.getYear() + "-Q" + ((s.getMonthValue() - 1) / 3 + 1));
      if (v != null) return v;
    }
    if (p.grain() == Period.Grain.MONTH || p.grain() == Period.Grain.QUARTER)
      return t.byPeriod().get(String.valueOf(s.getYear()));
    return null;
  }
}
