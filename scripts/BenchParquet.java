import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes the benchmark's ticket export as Parquet, for `--engine duckdb` at 10M and 100M rows: the
 * 16 columns of BenchData's CSV under the same headers, typed as a data lake keeps them (three
 * TIMESTAMP columns to the minute, CSAT, Contacts and Amount as integers, Reopened as BOOLEAN, the
 * rest VARCHAR), with about BenchData's distributions (the same channels, priorities, statuses,
 * teams, subjects; 3% without a first response, 15% unresolved, 60% without CSAT, 10% reopened).
 *
 * <p>DuckDB writes it (in process, through the JDBC driver kpi.jar carries), from a fixed seed:
 * each value is a hash of the row number and the column, so the same ROWS give the same files on
 * every run and machine with this DuckDB version. Files of about 128 MB each, row groups of
 * 1,048,576 rows (DuckDB reads row groups in parallel).
 *
 * <p>Usage: {@code java -cp target/kpi.jar scripts/BenchParquet.java OUT_DIR ROWS}, e.g. {@code
 * bench-data/tickets-100m 100000000}; scripts/bench-duckdb.sh calls it.
 */
public class BenchParquet {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]).toAbsolutePath();
    long rows = Long.parseLong(args[1]);
    if (Files.exists(out)) throw new IllegalStateException(out + " exists; remove it first");
    // h(k): a fixed pseudo-random number for (row, column k), 0 ≤ h < 2^32.
    String h = "CAST(hash(i, %d) %% 4294967296 AS BIGINT)";
    String created =
        "TIMESTAMP '2026-01-01 00:00:00' + to_minutes(CAST("
            + h.formatted(1)
            + " % 432000 AS BIGINT))";
    String first = "created + to_seconds(CAST(60 + " + h.formatted(2) + " % 28800 AS BIGINT))";
    String select =
        "SELECT"
            + " 'TCK-' || lpad(CAST(i AS VARCHAR), 9, '0') AS \"Ticket ID\","
            + " created AS \"Created At\","
            + " CASE WHEN "
            + h.formatted(3)
            + " % 100 < 97 THEN date_trunc('minute', first) END"
            + " AS \"First Response At\","
            + " CASE WHEN "
            + h.formatted(4)
            + " % 100 < 85 THEN date_trunc('minute', first"
            + " + to_seconds(CAST(600 + "
            + h.formatted(5)
            + " % 432000 AS BIGINT))) END AS \"Resolved At\","
            + " ['email', 'phone', 'chat', 'web', 'social'][1 + "
            + h.formatted(6)
            + " % 5] AS \"Channel\","
            + " ['low', 'normal', 'high', 'urgent'][1 + "
            + h.formatted(7)
            + " % 4] AS \"Priority\","
            + " ['new', 'open', 'pending', 'solved', 'closed'][1 + "
            + h.formatted(8)
            + " % 5] AS \"Status\","
            + " 'agent' || CAST("
            + h.formatted(9)
            + " % 250 AS VARCHAR) AS \"Agent\","
            + " ['CSKH Hà Nội', 'CSKH Sài Gòn', 'Kỹ thuật', 'Billing'][1 + "
            + h.formatted(10)
            + " % 4] AS \"Team\","
            + " 'C' || CAST("
            + h.formatted(11)
            + " % 300000 AS VARCHAR) AS \"Customer ID\","
            + " ['Không đăng nhập được', 'Refund request for order', 'Giao hàng chậm',"
            + " 'Cannot reset password', 'Hỏi về khuyến mãi tháng 10', 'Invoice is wrong',"
            + " 'Đổi trả sản phẩm lỗi'][1 + "
            + h.formatted(12)
            + " % 7] AS \"Subject\","
            + " CASE WHEN "
            + h.formatted(13)
            + " % 100 < 40 THEN CAST(1 + "
            + h.formatted(14)
            + " % 5 AS INTEGER) END AS \"CSAT\","
            + " CAST(1 + "
            + h.formatted(15)
            + " % 4 AS INTEGER) AS \"Contacts\","
            + " "
            + h.formatted(16)
            + " % 100 < 10 AS \"Reopened\","
            + " CASE WHEN "
            + h.formatted(17)
            + " % 2 = 0 THEN 'vip' ELSE 'new' END AS \"Tags\","
            + " CAST("
            + h.formatted(18)
            + " % 5000 AS INTEGER) AS \"Amount\""
            + " FROM (SELECT i, created, "
            + first
            + " AS first FROM (SELECT i, "
            + created
            + " AS created FROM range(1, "
            + (rows + 1)
            + ") t(i)))";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      long t0 = System.nanoTime();
      // Written in row order (one writer), so that the same rows land in the same files each time.
      st.execute("SET preserve_insertion_order = true");
      st.execute(
          "COPY ("
              + select
              + ") TO '"
              + out
              + "' (FORMAT parquet, ROW_GROUP_SIZE 1048576, FILE_SIZE_BYTES '128MB',"
              + " FILENAME_PATTERN 'tickets_{i}')");
      System.err.printf(
          "wrote %,d rows into %s in %.1f s%n", rows, out, (System.nanoTime() - t0) / 1e9);
    }
  }
}
