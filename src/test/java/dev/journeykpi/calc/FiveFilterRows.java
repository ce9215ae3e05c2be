package dev.journeykpi.calc;

import dev.journeykpi.config.Filter;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The five rows the filter tests work their masks out on (RicherFiltersTest, ExprFilterTest), and a
 * {@code where:} bound as a count KPI's over a source declaring their columns.
 */
final class FiveFilterRows {
  private FiveFilterRows() {}

  /*
   * row | name          | owner         | code | opened     | closed           | wait | limit
   *   0 | Đặng Văn An   | đặng văn an   | C123 | 2026-01-05 | 2026-01-05 09:00 |    5 |    10
   *   1 | đặng thị bình | X             | c77  | 2026-01-06 | 2026-01-05 23:00 |   12 |    10
   *   2 | Lê Văn Cường  | Lê Văn Cường  | A9   | 2026-01-07 | (blank)          |   10 |    10
   *   3 | (blank)       | (blank)       |      | (blank)    | 2026-01-08 00:00 |      |     3
   *   4 | NGUYỄN ĐẶNG   | (blank)       | XC   | 2026-01-08 | 2026-01-08 00:00 |    4 |
   */
  static Table table() {
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
  static Filter where(Path dir, String where) throws IOException {
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

  static boolean[] mask(Path dir, String where) throws IOException {
    return FilterCompiler.mask(table(), where(dir, where));
  }

  static boolean[] rows(int... kept) {
    boolean[] m = new boolean[5];
    for (int r : kept) m[r] = true;
    return m;
  }
}
