package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.sql.PostgresServer;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The importer's rows as PostgreSQL's COPY text (PostgresBackend.append): the encoding written out
 * by hand, then a round trip through a real server (skipped where none is installed), where each
 * value must come back as the one sent — the texts COPY would misread unescaped (a backslash, a
 * tab, a line break, the literal {@code \N}) included.
 */
@ExtendWith(PostgresServer.class)
class PgCopyTextTest {
  private static final Object[] TRICKY = {
    1L,
    "Nguyễn Văn A\tphòng 2\\3\nline\r",
    "\\N",
    2.5,
    0.1 + 0.2,
    1.0e20,
    true,
    LocalDate.of(2026, 10, 31),
    LocalDateTime.of(2026, 10, 31, 14, 5, 7)
  };

  @Test
  void rowsAreWrittenInCopysTextFormat() {
    StringBuilder out = new StringBuilder();
    PgCopyText.appendRow(out, TRICKY);
    PgCopyText.appendRow(out, new Object[] {2L, null, "", null, null, null, false, null, null});
    // By hand: fields joined by tabs; \ → \\, tab → \t, LF → \n, CR → \r; the text "\N" is "\\N"
    // (a NULL is the bare \N); 0.1 + 0.2 is 0.30000000000000004 (Java's shortest round trip);
    // 1e20 is "1.0E20", which float8in reads; the date-time with its nine fraction digits.
    assertThat(out.toString())
        .isEqualTo(
            "1\tNguyễn Văn A\\tphòng 2\\\\3\\nline\\r\t\\\\N\t2.5\t0.30000000000000004\t1.0E20\tt"
                + "\t2026-10-31\t2026-10-31 14:05:07.000000000\n"
                + "2\t\\N\t\t\\N\t\\N\t\\N\tf\t\\N\t\\N\n");
  }

  @Test
  void theServerReadsBackEveryValueSent() throws Exception {
    try (JdbcBackend backend =
        JdbcBackend.open(new SqlTarget(PostgresServer.url(), "kpi", null, null, null))) {
      assertThat(backend).isInstanceOf(PostgresBackend.class);
      backend.execute(
          "CREATE TEMP TABLE t (r bigint, a text, b text, x double precision, y double precision,"
              + " z double precision, ok boolean, d date, ts timestamp)");
      List<Object[]> rows = new ArrayList<>();
      rows.add(TRICKY);
      // 3,000 more rows: the stream is sent in chunks of about a million characters, and crosses
      // several only with long texts, so each
      // carries 1,000 characters; row r's x is r / 7 (a double with all 17 digits).
      String long1000 = "ệ".repeat(1000);
      for (long r = 2; r <= 3001; r++)
        rows.add(new Object[] {r, long1000, null, r / 7.0, null, null, null, null, null});
      backend.append("t", List.of("r", "a", "b", "x", "y", "z", "ok", "d", "ts"), rows);
      try (Statement st = backend.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM t ORDER BY r")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1L);
        assertThat(rs.getString(2)).isEqualTo("Nguyễn Văn A\tphòng 2\\3\nline\r");
        assertThat(rs.getString(3)).isEqualTo("\\N");
        assertThat(rs.getDouble(4)).isEqualTo(2.5);
        assertThat(rs.getDouble(5)).isEqualTo(0.1 + 0.2);
        assertThat(rs.getDouble(6)).isEqualTo(1.0e20);
        assertThat(rs.getBoolean(7)).isTrue();
        assertThat(rs.getObject(8, LocalDate.class)).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(rs.getObject(9, LocalDateTime.class))
            .isEqualTo(LocalDateTime.of(2026, 10, 31, 14, 5, 7));
        long n = 1;
        while (rs.next()) {
          n++;
          assertThat(rs.getLong(1)).isEqualTo(n);
          assertThat(rs.getString(2)).isEqualTo(long1000);
          assertThat(rs.getString(3)).isNull();
          assertThat(rs.getDouble(4)).isEqualTo(n / 7.0);
        }
        assertThat(n).isEqualTo(3001);
      }
    }
  }
}
