package dev.journeykpi.types.formula;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.ExprParser;
import dev.journeykpi.config.ValueType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A formula's value for one period and group, from the values of the KPIs it names: SQL's rules for
 * a missing value (it makes what it touches missing, coalesce and IS NULL see it, AND/OR are
 * three-valued), no value on a division by zero, a reason whenever there is no value.
 */
class FormulaEvaluatorTest {
  private static final Map<String, ValueType> KPIS =
      Map.of("a", ValueType.NUMBER, "b", ValueType.NUMBER, "c", ValueType.NUMBER);

  /** a = 6, b = 4, c has no value. */
  private static FormulaEvaluator.Result eval(String expr) {
    Map<String, Double> values = new HashMap<>();
    values.put("a", 6.0);
    values.put("b", 4.0);
    values.put("c", null);
    return FormulaEvaluator.evaluate(ExprParser.parse(expr, KPIS), values);
  }

  private static String text(String expr) {
    FormulaEvaluator.Result r = eval(expr);
    return r.value() + " " + r.numerator() + "/" + r.denominator() + " " + r.notes().english();
  }

  @Test
  void arithmeticAndATopLevelDivisionsParts() {
    // (6 - 4) / 4 = 0.5, its numerator 2 and denominator 4; 6 * 4 + 1 = 25 has no parts.
    assertThat(text("(a - b) / b")).isEqualTo("0.5 2.0/4.0 ");
    assertThat(text("a * b + 1")).isEqualTo("25.0 null/null ");
    // -6 + 4 = -2; round(6 / 4) = round(1.5) = 2 (half away from zero); round(-1.5) = -2.
    assertThat(text("-a + b")).isEqualTo("-2.0 null/null ");
    assertThat(text("round(a / b)")).isEqualTo("2.0 null/null ");
    assertThat(text("round(-a / b)")).isEqualTo("-2.0 null/null ");
    assertThat(text("abs(b - a)")).isEqualTo("2.0 null/null ");
  }

  @Test
  void aMissingValueIsNamedAndCoalesceSeesIt() {
    // c has no value: c + a has none, and says so; coalesce(c, 0) + a = 0 + 6 = 6.
    assertThat(text("c + a"))
        .isEqualTo("null null/null no value: c gave none for this period and group");
    assertThat(text("coalesce(c, 0) + a")).isEqualTo("6.0 null/null ");
    // The parts of a division are still reported: a is 6, c none.
    assertThat(text("a / c"))
        .isEqualTo("null 6.0/null no value: c gave none for this period and group");
    assertThat(text("CASE WHEN c IS NULL THEN a ELSE b END")).isEqualTo("6.0 null/null ");
  }

  @Test
  void divisionByZeroHasNoValueNeverAnInfinity() {
    // b - 4 = 0: a / 0 has no value, the divisor named as written; also when nested in a sum.
    assertThat(text("a / (b - 4)"))
        .isEqualTo("null 6.0/0.0 no value: b - 4 is 0 (a division by zero)");
    assertThat(text("1 + a / (b - b)"))
        .isEqualTo("null null/null no value: b - b is 0 (a division by zero)");
    // CASE guards it: no ELSE and no branch taken gives no value, with its own reason.
    assertThat(text("CASE WHEN b - 4 <> 0 THEN a / (b - 4) END"))
        .isEqualTo("null null/null no value: the formula gives none for these values");
  }

  @Test
  void andOrAreThreeValued() {
    // c > 1 is unknown: false AND unknown is false (so ELSE), true OR unknown is true (so THEN).
    assertThat(text("CASE WHEN a < 1 AND c > 1 THEN 1 ELSE 2 END")).isEqualTo("2.0 null/null ");
    assertThat(text("CASE WHEN a > 1 OR c > 1 THEN 1 ELSE 2 END")).isEqualTo("1.0 null/null ");
    // unknown AND true is unknown: not taken.
    assertThat(text("CASE WHEN c > 1 AND a > 1 THEN 1 ELSE 2 END")).isEqualTo("2.0 null/null ");
    assertThat(text("CASE WHEN a IN (1, 6) THEN 1 ELSE 2 END")).isEqualTo("1.0 null/null ");
  }

  @Test
  void aResultTooLargeHasNoValue() {
    // 6 × 10^300 × 10^300 overflows to an infinity, which is never shown.
    String big = "1" + "0".repeat(300);
    assertThat(text("a * " + big + " * " + big))
        .isEqualTo("null null/null no value: the result is too large to show");
  }
}
