package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Filter;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter's {@code expr:} (issue 16): an expression of the derive grammar, true or false per row,
 * combined with the other conditions, {@code not:} and groups; a row where it is blank is kept by
 * neither it nor its {@code not}. Every mask is worked out by hand from the five rows of
 * FiveFilterRows.
 */
class ExprFilterTest {
  @TempDir Path dir;

  // The five rows, drawn as a table in FiveFilterRows, that every mask below is worked out on.
  private Filter where(String where) throws IOException {
    return FiveFilterRows.where(dir, where);
  }

  private boolean[] mask(String where) throws IOException {
    return FiveFilterRows.mask(dir, where);
  }

  private static boolean[] rows(int... kept) {
    return FiveFilterRows.rows(kept);
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
