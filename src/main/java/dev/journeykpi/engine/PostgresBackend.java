package dev.journeykpi.engine;

import dev.journeykpi.model.DataException;
import dev.journeykpi.sql.SourceRelations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code --engine jdbc --url jdbc:postgresql://…}: a PostgreSQL server, reached by the driver kpi
 * ships. The postgres dialect loads a CSV export with {@code COPY … FROM 'file'}, which the server
 * would read from its own disk (a superuser's right, and the server rarely sees the analyst's
 * files); here the file is read on this side and streamed to the server ({@code COPY … FROM
 * STDIN}), as psql's {@code \copy} does, so any user who may make temporary tables can run kpi.
 *
 * <p>Everything the run makes is temporary: the dialect's tables and views ({@code CREATE TEMP …},
 * dropped by name in {@code pg_temp} first), its functions ({@code pg_temp.kpi_…}) and the tables
 * of the importer's rows. PostgreSQL keeps them in the session's own schema, so two runs at once
 * never see each other's, and closing the connection drops them all: nothing is left in the user's
 * database.
 */
final class PostgresBackend extends JdbcBackend {
  /** The URLs of PostgreSQL's own driver. */
  static final String SCHEME = "jdbc:postgresql:";

  /** The dialect's CSV load: {@code COPY "table" (kpi_text) FROM 'file' (options)}. */
  private static final Pattern COPY_FROM_FILE =
      Pattern.compile(
          "(?s)^(COPY \"(?:[^\"]|\"\")*\" \\(kpi_text\\)) FROM '((?:[^']|'')*)' (\\(.*\\))$");

  PostgresBackend(SqlTarget target) throws SQLException {
    super(target);
    checkTextRules();
  }

  /**
   * Refuses a database whose rules for text are not Unicode's: kpi compares texts lower-cased
   * ({@code lower()}, case-insensitive regexes), and under an encoding other than UTF8 its
   * Vietnamese texts cannot be stored, while under the ctype {@code C} or {@code POSIX} (a common
   * cluster default) PostgreSQL lower-cases ASCII letters only, so "CÓ" would not be "có" and
   * "ĐẶNG" not "đặng": other numbers than the default engine's, without a word. A database whose
   * locale provider is ICU lower-cases by Unicode whatever its ctype.
   */
  private void checkTextRules() throws SQLException {
    try (Statement st = connection().createStatement();
        var r =
            st.executeQuery(
                "SELECT current_database(), pg_encoding_to_char(d.encoding), d.datctype,"
                    + " to_jsonb(d) ->> 'datlocprovider' FROM pg_database AS d"
                    + " WHERE d.datname = current_database()")) {
      if (!r.next()) return;
      String db = r.getString(1);
      String encoding = r.getString(2);
      String ctype = r.getString(3);
      boolean icu = "i".equals(r.getString(4));
      String fix =
          ": kpi compares texts by Unicode's rules (\"CÓ\" is \"có\"); run it on a database made with"
              + " ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0, or with"
              + " ICU (docs/engines.md)";
      if (!"UTF8".equalsIgnoreCase(encoding))
        close(new DataException("database '" + db + "' is encoded in " + encoding + fix));
      if (!icu && ("C".equalsIgnoreCase(ctype) || "POSIX".equalsIgnoreCase(ctype)))
        close(
            new DataException(
                "database '" + db + "' has the ctype " + ctype + " (ASCII letters only)" + fix));
    }
  }

  /** Closes the connection, then throws the refusal. */
  private void close(DataException refusal) throws SQLException {
    close();
    throw refusal;
  }

  @Override
  public void execute(String sql) throws SQLException {
    Matcher m = COPY_FROM_FILE.matcher(sql.strip());
    if (!m.matches()) {
      super.execute(sql);
      return;
    }
    Path file = Path.of(m.group(2).replace("''", "'"));
    try (InputStream in = Files.newInputStream(file)) {
      connection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(m.group(1) + " FROM STDIN " + m.group(3), in);
    } catch (NoSuchFileException e) {
      throw new DataException("file not found: " + file);
    } catch (IOException e) {
      throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the dialect's COPY and SQL read the file, or kpi's importer (its typed rows streamed as
   * COPY text, {@link #append}): the importer for a file COPY cannot read as the importer does
   * ({@link PgCopyLines}: a NUL byte, line ends of several kinds, bytes that are not UTF-8 …), and
   * for a file of a size where SQL's typing costs the server far more than the importer costs this
   * side ({@link #importerFirst}); the rows and quality counts are the default engine's either way.
   */
  @Override
  public boolean readsCsv(SourceRelations.Layout layout) {
    Path file = Path.of(layout.file());
    try (InputStream in = Files.newInputStream(file)) {
      if (importerFirst(Files.size(file), Runtime.getRuntime().maxMemory())) return false;
      return PgCopyLines.whyNot(in) == null;
    } catch (NoSuchFileException e) {
      throw new DataException("file not found: " + file);
    } catch (IOException e) {
      throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** From this size a CSV file is read by kpi's importer ({@link #importerFirst}). */
  static final long IMPORTER_FROM_BYTES = 8L << 20;

  /**
   * Whether a CSV file of {@code bytes} is read by kpi's importer rather than by COPY and SQL,
   * given the Java heap's limit. Measured on the 146 MB, 1,000,000-row benchmark export
   * (bench.yaml, paired runs, docs/engines.md): COPY and SQL cost the server 237 s of CPU and kpi 4
   * s (about 15 minutes of wall time on the shared test machine); the importer cost kpi 8.4 s and
   * the server 12 to 13 s (90 to 114 s of wall time), with 470 to 800 MB of kpi's memory. So from 8
   * MiB (about 50,000 such rows, some 13 s of the server's CPU by SQL) the importer, as long as the
   * file is at most half the heap (its typed columns are held while they are streamed: 10,000,000
   * rows, 1.5 GB, went through in -Xmx2g at 1,410 MiB peak RSS: half leaves a margin for wider
   * exports, docs/performance.md); a larger file by SQL, which never holds the rows here. Below 8
   * MiB both take a second or two, and COPY and SQL, the SQL {@code kpi sql --dialect postgres}
   * prints, keep kpi's memory flat.
   */
  static boolean importerFirst(long bytes, long maxHeap) {
    return bytes >= IMPORTER_FROM_BYTES && bytes <= maxHeap / 2;
  }

  /**
   * The importer's rows streamed with {@code COPY … FROM STDIN} in the text format ({@link
   * PgCopyText}; batched INSERTs took 0.4 s of the server's time per 10,000 rows), in chunks of
   * about a million characters, then the table analysed: autovacuum never analyses a temporary
   * table, and without its size the planner guesses (as for the dialect's own tables).
   */
  @Override
  public void append(String table, List<String> columns, Iterable<Object[]> rows)
      throws SQLException {
    CopyIn copy =
        connection()
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + dialect().quoteIdent(table) + " FROM STDIN");
    try {
      StringBuilder chunk = new StringBuilder(CHUNK + 4096);
      for (Object[] row : rows) {
        PgCopyText.appendRow(chunk, row);
        if (chunk.length() >= CHUNK) send(copy, chunk);
      }
      send(copy, chunk);
      copy.endCopy();
    } finally {
      if (copy.isActive()) copy.cancelCopy();
    }
    try (Statement st = connection().createStatement()) {
      st.execute("ANALYZE " + dialect().quoteIdent(table));
    }
  }

  private static final int CHUNK = 1 << 20;

  private static void send(CopyIn copy, StringBuilder chunk) throws SQLException {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    chunk.setLength(0);
  }
}
