package dev.journeykpi.engine;

import dev.journeykpi.model.DataException;
import dev.journeykpi.model.UsageException;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialects;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code --engine jdbc --url jdbc:…}: a database reached through its JDBC driver (on the class
 * path), the SQL written in the dialect its URL names ({@code jdbc:postgresql:} → postgres, {@code
 * jdbc:trino:} → trino, …) or {@code --dialect}. The importer's rows go in as batched INSERTs.
 */
class JdbcBackend implements SqlBackend {
  /** Rows per batch of INSERTs: large enough to cut round trips, small enough for any driver. */
  private static final int BATCH = 1000;

  private final Connection conn;
  private final Dialect dialect;

  JdbcBackend(SqlTarget target) throws SQLException {
    if (target.url() == null || target.url().isBlank())
      throw new UsageException("--engine jdbc needs --url jdbc:… (docs/engines.md)");
    this.dialect = Dialects.named(dialectName(target));
    Properties p = new Properties();
    if (target.user() != null) p.setProperty("user", target.user());
    if (target.password() != null) p.setProperty("password", target.password());
    // Seen by the database's administrators in its list of sessions (pg_stat_activity).
    if (target.url().startsWith(PostgresBackend.SCHEME)) p.setProperty("ApplicationName", "kpi");
    Connection c;
    try {
      c = DriverManager.getConnection(target.url(), p);
    } catch (SQLException e) {
      if ("08001".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("suitable"))
        throw new UsageException(
            "--url "
                + scheme(target.url())
                + "…: no JDBC driver for it on the class path; add the driver's jar (docs/engines.md)");
      throw cannotConnect(target, e);
    }
    this.conn = c;
  }

  /**
   * The backend for the target: {@link PostgresBackend} for a {@code jdbc:postgresql:} URL whose
   * SQL is PostgreSQL's (it streams CSV exports to the server), else a plain one.
   */
  static JdbcBackend open(SqlTarget target) throws SQLException {
    if (target.url() != null
        && target.url().startsWith(PostgresBackend.SCHEME)
        && dialectName(target).equals("postgres")) return new PostgresBackend(target);
    return new JdbcBackend(target);
  }

  /**
   * A database that cannot be reached or refuses the login is a data error (exit 3), as a missing
   * or unreadable export is: the definitions are sound ({@code kpi validate} passes) but the data
   * cannot be read. One line naming the URL without its password, and the driver's first line.
   */
  static DataException cannotConnect(SqlTarget target, SQLException e) {
    return new DataException(
        "cannot connect to "
            + redacted(target.url())
            + (target.user() == null ? "" : " as " + target.user())
            + ": "
            + firstLine(e.getMessage()),
        e);
  }

  /** Password-like parameters of a URL ({@code password=…}, {@code user:secret@host}) hidden. */
  static String redacted(String url) {
    return url.replaceAll("(?i)((?:password|passwd|pwd|secret|token|key)=)[^&;]*", "$1***")
        .replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /**
   * The dialect the URL's scheme names, checked against {@code --dialect} when both say one (the
   * SQL of one engine sent to another fails with the server's own words, or worse), else the one
   * {@code --dialect} names.
   */
  static String dialectName(SqlTarget target) {
    if (!target.url().regionMatches(true, 0, "jdbc:", 0, 5))
      // Not echoed: a URL that is no JDBC URL may hold a password anywhere.
      throw new UsageException(
          "--url: a JDBC URL starts with jdbc:, e.g. jdbc:postgresql://host/db (docs/engines.md)");
    String scheme = scheme(target.url()).toLowerCase(Locale.ROOT);
    String named =
        switch (scheme) {
          case "jdbc:postgresql:", "jdbc:pgsql:" -> "postgres";
          case "jdbc:trino:", "jdbc:presto:" -> "trino";
          case "jdbc:duckdb:" -> "duckdb";
          case "jdbc:snowflake:" -> "snowflake";
          case "jdbc:bigquery:" -> "bigquery";
          default -> null;
        };
    if (target.dialect() != null) {
      if (named != null && !named.equals(target.dialect()))
        throw new UsageException(
            "--dialect "
                + target.dialect()
                + " does not go with --url "
                + scheme
                + "…, a "
                + named
                + " database: leave --dialect out");
      return target.dialect();
    }
    if (named != null) return named;
    throw new UsageException(
        "--url "
            + scheme
            + "…: which SQL dialect? name it with --dialect ("
            + String.join(", ", Dialects.names())
            + ")");
  }

  /** The URL up to its second colon ("jdbc:postgresql:"), never its host, user or password. */
  static String scheme(String url) {
    int first = url.indexOf(':');
    int second = first < 0 ? -1 : url.indexOf(':', first + 1);
    return second < 0 ? url : url.substring(0, second + 1);
  }

  @Override
  public String name() {
    return dialect.name();
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public Connection connection() {
    return conn;
  }

  @Override
  public void append(String table, List<String> columns, Iterable<Object[]> rows)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + dialect.quoteIdent(table)
            + " VALUES ("
            + String.join(", ", Collections.nCopies(columns.size(), "?"))
            + ")";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      int n = 0;
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] == null) ps.setNull(i + 1, Types.NULL);
          else ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
        if (++n % BATCH == 0) ps.executeBatch();
      }
      if (n % BATCH != 0) ps.executeBatch();
    }
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}
