package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources that are tables of the engine's database ({@code table:} instead of {@code file:}, issue
 * 18): the definition's checks, the refusal on engines that read files only, and a small table
 * worked by hand through {@code --engine jdbc --url jdbc:duckdb:FILE} (a DuckDB database file the
 * test fills), whose quality report is the one the same texts give as a CSV.
 */
class TableSourcesTest {
  /**
   * Five tickets held as text, as a staging table holds an export: rows 2 and 4 have dates that do
   * not parse ("31/09/2026 10:00", September has 30 days; "hôm qua"), row 5 an amount that is not a
   * number ("abc"). created_at is required: rows 2 and 4 are rejected (2 rows, one reason), 3 rows
   * are used (1, 3, 5); amount is not: row 5's cell is blanked. October holds rows 1, 3 and 5: 3
   * tickets, 2 by email (1, 5) and 1 by phone (3); the amounts of those rows: 10 + 30 = 40 (row 5
   * blank). kind is looked up from channel: Email is online (T1, T5), Điện thoại is not in the map
   * (T3: blank, and blanked with its text, as the import counts it): 2 of 3 online.
   */
  private static final String[][] TICKETS = {
    {"Mã", "Ngày tạo", "Kênh", "Số tiền"},
    {"T1", "01/10/2026 08:00", "Email", "10"},
    {"T2", "31/09/2026 10:00", "Email", "20"},
    {"T3", "02/10/2026 09:30", "Điện thoại", "30"},
    {"T4", "hôm qua", "Email", "40"},
    {"T5", "03/10/2026 10:00", "Email", "abc"},
  };

  private static final String COLUMNS =
      """
          columns:
            id: Mã
            created_at: { column: Ngày tạo, type: datetime, format: dd/MM/yyyy HH:mm, required: true }
            channel: Kênh
            amount: { column: Số tiền, type: number }
            kind: { from: channel, map: { Email: online } }
      kpis:
        - { id: tickets, type: count, source: tickets, time: created_at, by: [channel] }
        - { id: total, type: sum, source: tickets, time: created_at, column: amount }
        - { id: online, type: ratio, source: tickets, time: created_at, numerator: { kind: online } }
      """;

  private static Path definition(Path dir, String where) throws Exception {
    Path yaml = dir.resolve("tickets.yaml");
    Files.writeString(
        yaml,
        "version: 1\nname: tickets\ntimezone: Asia/Ho_Chi_Minh\nsources:\n  tickets:\n    "
            + where
            + "\n"
            + COLUMNS,
        StandardCharsets.UTF_8);
    return yaml;
  }

  /** A DuckDB database file with the tickets as a table of texts, {@code crm.tickets}. */
  private static String database(Path dir) throws Exception {
    String url = "jdbc:duckdb:" + dir.resolve("warehouse.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA crm");
      st.execute(
          "CREATE TABLE crm.tickets (\"Mã\" VARCHAR, \"Ngày tạo\" VARCHAR, \"Kênh\" VARCHAR,"
              + " \"Số tiền\" VARCHAR)");
      try (var ps = c.prepareStatement("INSERT INTO crm.tickets VALUES (?, ?, ?, ?)")) {
        for (int i = 1; i < TICKETS.length; i++) {
          for (int j = 0; j < 4; j++) ps.setString(j + 1, TICKETS[i][j]);
          ps.execute();
        }
      }
    }
    return url;
  }

  private static Path csv(Path dir) throws Exception {
    StringBuilder b = new StringBuilder();
    for (String[] row : TICKETS) b.append(String.join(",", row)).append('\n');
    Path f = dir.resolve("tickets.csv");
    Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void aTableOfTextsGivesTheCountsItsTextsGiveAsACsv(@TempDir Path dir) throws Exception {
    String url = database(dir);
    Path yaml = definition(dir, "table: crm.tickets");
    CliRunner.Result r =
        CliRunner.run(
            "report",
            "-c",
            yaml.toString(),
            "--period",
            "2026-10",
            "-f",
            "csv",
            "--engine",
            "jdbc",
            "--url",
            url);
    assertThat(r.exitCode()).as(r.err()).isZero();
    // 3 tickets in October: Email 2 (T1, T5), Điện thoại 1 (T3); the sum 10 + 30 = 40 over 2
    // values.
    assertThat(r.out())
        .contains("tickets,tickets,2026-10,Email,2,")
        .contains("tickets,tickets,2026-10,Điện thoại,1,")
        .contains("tickets,tickets,2026-10,(total),3,")
        .contains("total,total,2026-10,,40,")
        .contains("online,online,2026-10,,0.666667,%,2,3,3,");
    // 5 rows read, 3 used; 2 rejected for their date (T2's 31/09, T4's "hôm qua"); T5's amount
    // blanked.
    assertThat(r.err())
        .contains("tickets: 5 rows read, 3 used")
        .contains("rejected 2: created_at: not a date-time in format dd/MM/yyyy HH:mm")
        .contains("crm.tickets:Ngày tạo '31/09/2026 10:00'")
        .contains("crm.tickets:Ngày tạo 'hôm qua'")
        .contains("blanked 1: amount: not a number with decimal mark '.'")
        .contains("crm.tickets:Số tiền 'abc'")
        .contains("blanked 1: channel value not in the map of kind")
        .contains("crm.tickets:kind 'Điện thoại'");
    // The same texts as a CSV on the default engine: the same counts and reasons.
    Path file = csv(dir);
    CliRunner.Result f =
        CliRunner.run(
            "report",
            "-c",
            definition(dir, "file: " + file.getFileName()).toString(),
            "--period",
            "2026-10",
            "-f",
            "csv");
    assertThat(f.exitCode()).as(f.err()).isZero();
    assertThat(f.out()).isEqualTo(r.out());
    assertThat(f.err())
        .contains("tickets: 5 rows read, 3 used")
        .contains("rejected 2: created_at: not a date-time in format dd/MM/yyyy HH:mm")
        .contains("blanked 1: amount: not a number with decimal mark '.'")
        .contains("blanked 1: channel value not in the map of kind");
  }

  /**
   * Every misuse of {@code table:} at once, each at its line and column: both file and table, keys
   * that say how a file is read, a name that is not a table's, neither file nor table.
   */
  @Test
  void theDefinitionsMisusesOfTableAreSaidAllAtOnce(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(
        yaml,
        """
        version: 1
        name: bad
        sources:
          both: { file: a.csv, table: crm.a, columns: { id: id } }
          keys: { table: crm.b, delimiter: ";", sheet: Tickets, columns: { id: id } }
          name: { table: "crm.c; DROP TABLE x", columns: { id: id } }
          none: { columns: { id: id } }
        kpis:
          - { id: a, type: count, source: both, time: none }
        """,
        StandardCharsets.UTF_8);
    CliRunner.Result r = CliRunner.run("validate", "-c", yaml.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "bad.yaml:4:17: error: source 'both' has both file: and table: (crm.a); a source is"
                + " read from an export file or from a table of the engine's database, not both")
        .contains(
            "bad.yaml:5:36: error: source 'keys'.delimiter says how a file is read, but the source"
                + " is a table (table: crm.b), whose columns the database types; remove it")
        .contains("bad.yaml:5:48: error: source 'keys'.sheet says how a file is read")
        .contains(
            "bad.yaml:6:18: error: source 'name'.table 'crm.c; DROP TABLE x' is not a table's name")
        .contains("bad.yaml:7:9: error: source 'none' needs 'file' (an export file) or 'table'")
        .contains("5 error(s)")
        .doesNotContain("Exception");
  }

  /** {@code kpi validate} accepts a table source; --check-data says it cannot look into it. */
  @Test
  void validateAcceptsATableAndSaysItsColumnsAreCheckedByTheEngine(@TempDir Path dir)
      throws Exception {
    Path yaml = definition(dir, "table: crm.tickets");
    CliRunner.Result r = CliRunner.run("validate", "-c", yaml.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("ok: 3 KPIs, 1 source");
    CliRunner.Result checked = CliRunner.run("validate", "-c", yaml.toString(), "--check-data");
    assertThat(checked.exitCode()).as(checked.err()).isZero();
    assertThat(checked.err())
        .contains(
            "source 'tickets' is a table (table: crm.tickets): its columns are checked when"
                + " --engine jdbc or spark reads it, not here");
  }

  /**
   * The default engine and DuckDB in memory have no tables: refused by name before any work, exit
   * 2; {@code --data tickets=FILE} reads the table's source from a file instead.
   */
  @Test
  void enginesOfFilesRefuseATableByNameAndDataGivesItAFile(@TempDir Path dir) throws Exception {
    Path yaml = definition(dir, "table: crm.tickets");
    for (String engine : new String[] {"tablesaw", "duckdb"}) {
      CliRunner.Result r =
          CliRunner.run("report", "-c", yaml.toString(), "--period", "2026-10", "--engine", engine);
      assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              "kpi: source 'tickets' is a table (table: crm.tickets): run with --engine jdbc --url"
                  + " … or --engine spark (--engine "
                  + engine
                  + " reads files only; or give a file with --data tickets=FILE)\n");
    }
    Path file = csv(dir);
    CliRunner.Result withFile =
        CliRunner.run(
            "report",
            "-c",
            yaml.toString(),
            "--period",
            "2026-10",
            "-f",
            "csv",
            "--data",
            "tickets=" + file);
    assertThat(withFile.exitCode()).as(withFile.err()).isZero();
    assertThat(withFile.out()).contains("tickets,tickets,2026-10,(total),3,");
  }

  /**
   * Mapped columns the table lacks: a data error (exit 3) naming the source, the table and every
   * missing column at once.
   */
  @Test
  void columnsTheTableLacksAreADataErrorNamingEach(@TempDir Path dir) throws Exception {
    String url = database(dir);
    Path yaml = dir.resolve("missing.yaml");
    Files.writeString(
        yaml,
        """
        version: 1
        name: missing
        sources:
          tickets:
            table: crm.tickets
            columns:
              id: Mã
              created_at: { column: Ngày lập, type: datetime, format: dd/MM/yyyy HH:mm }
              agent: Nhân viên
        kpis:
          - { id: n, type: count, source: tickets, time: created_at, by: [agent] }
        """,
        StandardCharsets.UTF_8);
    CliRunner.Result r =
        CliRunner.run(
            "report",
            "-c",
            yaml.toString(),
            "--period",
            "2026-10",
            "--engine",
            "jdbc",
            "--url",
            url);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.err())
        .contains(
            "source 'tickets': table crm.tickets: no column 'Ngày lập' (mapped to 'created_at')")
        .contains("source 'tickets': table crm.tickets: no column 'Nhân viên' (mapped to 'agent')")
        .contains("columns: Mã, Ngày tạo, Kênh, Số tiền")
        .doesNotContain("Exception");
  }

  /** {@code kpi sql} prints the table's statements: each column typed from its text. */
  @Test
  void kpiSqlPrintsTheTablesStatements(@TempDir Path dir) throws Exception {
    Path yaml = definition(dir, "table: crm.tickets");
    CliRunner.Result r =
        CliRunner.run("sql", "-c", yaml.toString(), "--period", "2026-10", "--dialect", "postgres");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("-- source tickets\n-- table crm.tickets: each column as if the table held it")
        .contains("row_number() OVER () AS kpi_table_record, * FROM crm.tickets) AS kpi_table")
        .contains("-- kpi tickets (count)");
  }
}
