package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.ExprParser;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Each operator and function of {@code derive:} on a four-row table, blanks included; every
 * expected value is worked out by hand from the rows below.
 *
 * <pre>
 * row  q    p    s       b      d           a                 z
 * 0    2    10   "Cx"    true   2026-01-31  2026-03-01 08:00  2026-03-02 10:30
 * 1    —    5    —       —      —           2026-03-01 08:00  —
 * 2    4    —    " Ab "  false  2026-02-28  2026-03-01 23:00  2026-03-01 22:00
 * 3    0    3    "dz"    true   2024-02-29  2026-01-01 00:00  2026-01-03 12:00
 * </pre>
 */
class DerivedColumnsTest {
  private static final Map<String, ValueType> TYPES =
      Map.of(
          "q", ValueType.NUMBER,
          "p", ValueType.NUMBER,
          "s", ValueType.STRING,
          "b", ValueType.BOOLEAN,
          "d", ValueType.DATE,
          "a", ValueType.DATETIME,
          "z", ValueType.DATETIME);

  private static Table table() {
    BooleanColumn b = BooleanColumn.create("b");
    b.append(true);
    b.appendMissing();
    b.append(false);
    b.append(true);
    DateColumn d = DateColumn.create("d");
    d.append(LocalDate.of(2026, 1, 31));
    d.appendMissing();
    d.append(LocalDate.of(2026, 2, 28));
    d.append(LocalDate.of(2024, 2, 29));
    DateTimeColumn a = DateTimeColumn.create("a");
    a.append(LocalDateTime.of(2026, 3, 1, 8, 0));
    a.append(LocalDateTime.of(2026, 3, 1, 8, 0));
    a.append(LocalDateTime.of(2026, 3, 1, 23, 0));
    a.append(LocalDateTime.of(2026, 1, 1, 0, 0));
    DateTimeColumn z = DateTimeColumn.create("z");
    z.append(LocalDateTime.of(2026, 3, 2, 10, 30));
    z.appendMissing();
    z.append(LocalDateTime.of(2026, 3, 1, 22, 0));
    z.append(LocalDateTime.of(2026, 1, 3, 12, 0));
    return Table.create(
        "t",
        DoubleColumn.create("q", 2, Double.NaN, 4, 0),
        DoubleColumn.create("p", 10, 5, Double.NaN, 3),
        StringColumn.create("s", "Cx", "", " Ab ", "dz"),
        b,
        d,
        a,
        z);
  }

  private static final Table T = table();

  /** The derived column's values, a blank as null. */
  private static List<Object> eval(String expression) {
    Column<?> c = DerivedColumns.evaluate(T, "x", ExprParser.parse(expression, TYPES));
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) out.add(c.isMissing(i) ? null : c.get(i));
    return out;
  }

  private static List<Object> of(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void arithmetic() {
    // 2·10+1 = 21; blank q → blank; blank p → blank; 0·3+1 = 1.
    assertThat(eval("q * p + 1")).isEqualTo(of(21.0, null, null, 1.0));
    // * before -: 2 − 10·2 = −18; 0 − 3·2 = −6.
    assertThat(eval("q - p * 2")).isEqualTo(of(-18.0, null, null, -6.0));
    // 10/2 = 5; row 3 divides by q = 0: blank, not infinity.
    assertThat(eval("p / q")).isEqualTo(of(5.0, null, null, null));
    // Unary minus binds tighter than +: −2+1 = −1, −4+1 = −3, −0+1 = 1.
    assertThat(eval("-q + 1")).isEqualTo(of(-1.0, null, -3.0, 1.0));
    // Left to right: (10 − 2) − 3 = 5, not 10 − (2 − 3) = 11.
    assertThat(eval("p - q - 3")).isEqualTo(of(5.0, null, null, 0.0));
  }

  @Test
  void comparisonsAndThreeValuedLogic() {
    assertThat(eval("q > 1")).isEqualTo(of(true, null, true, false));
    // AND: T∧T = T; blank∧blank = blank; T∧F = F; F∧T = F.
    assertThat(eval("q > 1 AND b")).isEqualTo(of(true, null, false, false));
    // OR: T∨T = T; blank∨blank = blank; T∨F = T; F∨T = T.
    assertThat(eval("q > 1 OR b")).isEqualTo(of(true, null, true, true));
    assertThat(eval("NOT b")).isEqualTo(of(false, null, true, false));
    // Row 1: blank ∨ true = true (q is blank); row 2: false ∨ false = false.
    assertThat(eval("b OR q IS NULL")).isEqualTo(of(true, true, false, true));
    assertThat(eval("q IS NOT NULL")).isEqualTo(of(true, false, true, true));
    // Row 0: 'Cx' = 'Cx' is true, so OR gives true; elsewhere false ∨ NULL and NULL ∨ NULL: blank.
    assertThat(eval("s = 'Cx' OR NULL")).isEqualTo(of(true, null, null, null));
    // Date-times compare in time: 08:00 < next day 10:30; 23:00 > 22:00; 1 Jan < 3 Jan.
    assertThat(eval("a < z")).isEqualTo(of(true, null, false, true));
    assertThat(eval("b = true")).isEqualTo(of(true, null, false, true));
    assertThat(eval("s <> 'dz'")).isEqualTo(of(true, null, true, false));
  }

  @Test
  void inLists() {
    assertThat(eval("s IN ('Cx', 'dz')")).isEqualTo(of(true, null, false, true));
    assertThat(eval("s NOT IN ('Cx')")).isEqualTo(of(false, null, true, true));
    assertThat(eval("q IN (0, 4)")).isEqualTo(of(false, null, true, true));
  }

  @Test
  void caseWhen() {
    // q = 2: not ≥ 4, > 0 → small; blank q: both WHENs blank → ELSE; 4 → big; 0 → none.
    assertThat(eval("CASE WHEN q >= 4 THEN 'big' WHEN q > 0 THEN 'small' ELSE 'none' END"))
        .isEqualTo(of("small", "none", "big", "none"));
    // Without ELSE a row no WHEN takes is blank; row 2 takes p, which is blank.
    assertThat(eval("CASE WHEN q > 1 THEN p END")).isEqualTo(of(10.0, null, null, null));
    // Date-time result: b true → a, else z (row 1: b blank → z, blank).
    assertThat(eval("CASE WHEN b THEN a ELSE z END"))
        .isEqualTo(
            of(
                LocalDateTime.of(2026, 3, 1, 8, 0),
                null,
                LocalDateTime.of(2026, 3, 1, 22, 0),
                LocalDateTime.of(2026, 1, 1, 0, 0)));
  }

  @Test
  void textFunctions() {
    // First non-blank of p, q, 0: 10; 5; q = 4; 3.
    assertThat(eval("coalesce(p, q, 0)")).isEqualTo(of(10.0, 5.0, 4.0, 3.0));
    assertThat(eval("lower(trim(s))")).isEqualTo(of("cx", null, "ab", "dz"));
    assertThat(eval("upper(s) || '-'")).isEqualTo(of("CX-", null, " AB -", "DZ-"));
    assertThat(eval("starts_with(s, 'C')")).isEqualTo(of(true, null, false, false));
    assertThat(eval("contains(s, 'b')")).isEqualTo(of(false, null, true, false));
    assertThat(eval("coalesce(s, 'none')")).isEqualTo(of("Cx", "none", " Ab ", "dz"));
    assertThat(eval("coalesce(d, d)").get(0)).isEqualTo(LocalDate.of(2026, 1, 31));
  }

  @Test
  void datesAndNumbers() {
    // 1 Mar 08:00 → 2 Mar 10:30 = 26.5 h; 23:00 → 22:00 the same day = −1 h; 1 Jan 00:00 → 3 Jan
    // 12:00 = 60 h.
    assertThat(eval("hours_between(a, z)")).isEqualTo(of(26.5, null, -1.0, 60.0));
    // A date counts from its midnight. Row 0: 31 Jan → 1 Mar (28 days of February 2026 + 1) = 29
    // days, + 8 h = 29 1/3. Row 2: 28 Feb → 1 Mar 23:00 = 1 day 23 h = 1 23/24. Row 3: 29 Feb 2024
    // → 1 Mar 2025 = 366 days, → 1 Jan 2026 = + 306 (31+30+31+30+31+31+30+31+30+31) = 672.
    List<Object> days = eval("days_between(d, a)");
    assertThat((Double) days.get(0)).isCloseTo(29 + 1 / 3.0, within(1e-9));
    assertThat(days.get(1)).isNull();
    assertThat((Double) days.get(2)).isCloseTo(1 + 23 / 24.0, within(1e-9));
    assertThat(days.get(3)).isEqualTo(672.0);
    assertThat(eval("year(d) * 100 + month(d)")).isEqualTo(of(202601.0, null, 202602.0, 202402.0));
    assertThat(eval("day(z)")).isEqualTo(of(2.0, null, 1.0, 3.0));
    // |2−3| = 1, |4−3| = 1, |0−3| = 3.
    assertThat(eval("abs(q - 3)")).isEqualTo(of(1.0, null, 1.0, 3.0));
    // 10/4 = 2.5 → 3 (half away from zero), 5/4 = 1.25 → 1, 3/4 = 0.75 → 1.
    assertThat(eval("round(p / 4)")).isEqualTo(of(3.0, 1.0, null, 1.0));
    assertThat(eval("round(-2.5)")).isEqualTo(of(-3.0, -3.0, -3.0, -3.0));
  }

  @Test
  void theResultColumnHasTheExpressionsType() {
    assertThat(DerivedColumns.evaluate(T, "x", ExprParser.parse("q + 1", TYPES)))
        .isInstanceOf(DoubleColumn.class);
    assertThat(DerivedColumns.evaluate(T, "x", ExprParser.parse("q > 1", TYPES)))
        .isInstanceOf(BooleanColumn.class);
    assertThat(DerivedColumns.evaluate(T, "x", ExprParser.parse("lower(s)", TYPES)))
        .isInstanceOf(StringColumn.class);
    assertThat(DerivedColumns.evaluate(T, "x", ExprParser.parse("coalesce(d, d)", TYPES)))
        .isInstanceOf(DateColumn.class);
  }

  @Test
  void onlyTheDerivedColumnsReadAreComputedWithThoseTheyRead() {
    // net reads gross (derived above it); unused is read by nothing: not computed.
    Map<String, ValueType> types = new java.util.LinkedHashMap<>(TYPES);
    Map<String, ColumnDef> columns = new java.util.LinkedHashMap<>();
    for (String[] d :
        new String[][] {{"gross", "q * p"}, {"net", "gross - 1"}, {"unused", "p / q"}}) {
      var e = ExprParser.parse(d[1], types);
      types.put(d[0], e.type());
      columns.put(
          d[0],
          new ColumnDef(
              d[0],
              null,
              e.type(),
              List.of(),
              "seconds",
              '.',
              false,
              new ColumnDef.Lookup(null, Map.of(), List.of(), null, new ColumnDef.Derived(d[1], e)),
              null));
    }
    SourceDef source =
        new SourceDef(
            "t",
            "t.csv",
            null,
            null,
            null,
            0,
            null,
            ',',
            java.time.ZoneOffset.UTC,
            java.util.Set.of(),
            java.util.Set.of(),
            java.util.Set.of(),
            columns,
            java.util.Set.of(),
            null,
            null,
            List.of(),
            List.of());
    Table t = T.copy();
    DerivedColumns.add(source, t, java.util.Set.of("net"));
    assertThat(t.columnNames()).contains("gross", "net").doesNotContain("unused");
    // 2·10 − 1 = 19.
    assertThat(t.doubleColumn("net").getDouble(0)).isEqualTo(19.0);
  }
}
