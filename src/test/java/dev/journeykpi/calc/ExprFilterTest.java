package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Filter;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A filter's {@code expr:} (issue 16): an expression of the derive grammar, true or false per row,
 * combined with the other conditions, {@code not:} and groups; a row where it is blank is kept by
 * neither it nor its {@code not}. Every mask is worked out by hand from the five rows below.
 */
class ExprFilterTest {
  @TempDir Path dir;

  /*
   * row | name          | owner         | code | closed           | wait | limit
   *   0 | Đặng Văn An   | đặng văn an   | C123 | 2026-01-05 09:00 |    5 |    10
   *   1 | đặng thị bình | X             | c77  | 2026-01-05 23:00 |   12 |    10
   *   2 | Lê Văn Cường  | Lê Văn Cường  | A9   | (blank)          |   10 |    10
   *   3 | (blank)       | (blank)       |      | 2026-01-08 00:00 |      |     3
   *   4 | NGUYỄN ĐẶNG   | (blank)       | XC   | 2026-01-08 00:00 |    4 |
   */
  private static Table table() {
    return Table.create(
        "t",
        StringColumn.create(
            "name", "Đặng Văn An", "đặng thị bình", "Lê Văn Cường", "", "NGUYỄN ĐẶNG"),
        StringColumn.create("owner", "đặng văn an", "X", "Lê Văn Cường", "", ""),
        StringColumn.create("code", "C123", "c77", "A9", "", "XC"),
        DateColumn.create(
            "opened",
            LocalDate.of(2026, 1, 5),
            LocalDate.of(2026, 1, 6),
            LocalDate.of(2026, 1, 7),
            null,
            LocalDate.of(2026, 1, 8)),
        DateTimeColumn.create(
            "closed",
            LocalDateTime.of(2026, 1, 5, 9, 0),
            LocalDateTime.of(2026, 1, 5, 23, 0),
            null,
            LocalDateTime.of(2026, 1, 8, 0, 0),
            LocalDateTime.of(2026, 1, 8, 0, 0)),
        DoubleColumn.create("wait", 5, 12, 10, Double.NaN, 4),
        DoubleColumn.create("limit", 10, 10, 10, 3, Double.NaN));
  }

  /** The where: of a count KPI over a source declaring the table's columns. */
  private Filter where(String where) throws IOException {
    Path f = dir.resolve("f.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              name: Name
              owner: Owner
              code: Code
              opened: { column: Opened, type: date }
              closed: { column: Closed, type: datetime }
              wait: { column: Wait, type: number }
              limit: { column: Limit, type: number }
        kpis:
          - id: k
            type: count
            source: t
            time: none
            where: %s
        """
            .formatted(where));
    return KpiKinds.load(List.of(f)).kpis().get(0).where();
  }

  private boolean[] mask(String where) throws IOException {
    return FilterCompiler.mask(table(), where(where));
  }

  private static boolean[] rows(int... kept) {
    boolean[] m = new boolean[5];
    for (int r : kept) m[r] = true;
    return m;
  }

  @Test
  void aRowWhoseExpressionIsBlankIsNotKept() throws IOException {
    // wait * 2 > limit: 10 > 10 F; 24 > 10 T; 20 > 10 T; blank wait; blank limit.
    assertThat(mask("{ expr: \"wait * 2 > limit\" }")).isEqualTo(rows(1, 2));
    // Its not keeps the false row only: rows 3 and 4 are blank either way, as in SQL.
    assertThat(mask("{ not: { expr: \"wait * 2 > limit\" } }")).isEqualTo(rows(0));
  }

  @Test
  void andOrNotInsideFollowSqlsThreeValuedLogic() throws IOException {
    // starts_with inside an expression sees the text as it is (case counts): C123 starts with C
    // (NOT: F), c77, A9, XC do not (NOT: T), row 3 blank. AND with wait * 2 > limit (F T T ? ?):
    // 0 F∧F = F; 1 T∧T = T; 2 T∧T = T; 3 ?∧? = ?; 4 ?∧T = ?.
    assertThat(mask("{ expr: \"wait * 2 > limit AND NOT starts_with(code, 'C')\" }"))
        .isEqualTo(rows(1, 2));
    // lower() first to ignore case: c123, c77 start with c.
    assertThat(mask("{ expr: \"starts_with(lower(code), 'c')\" }")).isEqualTo(rows(0, 1));
    // wait > 100 OR limit = 3: 0, 1, 2 F∨F = F; 3 ?∨T = T; 4 F∨? = ?.
    assertThat(mask("{ expr: \"wait > 100 OR limit = 3\" }")).isEqualTo(rows(3));
    // Its not: the three false rows; row 4 stays out.
    assertThat(mask("{ not: { expr: \"wait > 100 OR limit = 3\" } }")).isEqualTo(rows(0, 1, 2));
    // IS NULL judges every row: closed is blank in row 2 only.
    assertThat(mask("{ expr: \"closed IS NULL\" }")).isEqualTo(rows(2));
    // Texts compare as written: only row 2 has name = owner exactly (row 0 differs in case), where
    // the filter's { name: { eq: { column: owner } } } ignores case and keeps rows 0 and 2.
    assertThat(mask("{ expr: \"name = owner\" }")).isEqualTo(rows(2));
  }

  @Test
  void combinesWithTheOtherConditionsAndGroups() throws IOException {
    // wait >= 5: T T T ? F; code starts with c, without case: rows 0, 1. Both: rows 0, 1.
    assertThat(mask("{ expr: \"wait >= 5\", code: { starts_with: c } }")).isEqualTo(rows(0, 1));
    // limit < 5 is true in row 3 only (row 4 blank); or code A9 (row 2).
    assertThat(mask("{ any_of: [ { expr: \"limit < 5\" }, { code: A9 } ] }")).isEqualTo(rows(2, 3));
    // all_of [wait >= 5, hours from closed to 2026-01-06 00:00 under 10]:
    //   hours_between(closed, '…') is not in the grammar for a literal date, so with a column:
    //   hours_between(opened, closed): 0: 01-05 00:00 → 09:00 = 9; 1: 01-06 → 01-05 23:00 = −1;
    //   2: closed blank; 3: opened blank; 4: 01-08 → 01-08 = 0. Under 10: T T ? ? T.
    //   With wait >= 5 (T T T ? F): T T ? ? F.
    assertThat(
            mask(
                "{ all_of: [ { expr: \"wait >= 5\" },"
                    + " { expr: \"hours_between(opened, closed) < 10\" } ] }"))
        .isEqualTo(rows(0, 1));
    // not over that group: false in row 4 only (rows 2 and 3 are blank).
    assertThat(
            mask(
                "{ not: { all_of: [ { expr: \"wait >= 5\" },"
                    + " { expr: \"hours_between(opened, closed) < 10\" } ] } }"))
        .isEqualTo(rows(4));
  }

  @Test
  void readsTheColumnsItNames() throws IOException {
    java.util.Set<String> read = new java.util.LinkedHashSet<>();
    where("{ expr: \"wait * 2 > limit AND code IS NOT NULL\" }").collectColumns(read);
    assertThat(read).containsExactlyInAnyOrder("wait", "limit", "code");
  }
}
