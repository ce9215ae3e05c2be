package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.QualityReport.Kind;
import dev.journeykpi.model.QualityReport.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source's CSV export as relations an SQL engine measures: every field read as text (never the
 * engine's own typing, which would skip or guess what kpi reports), then typed with the dialect's
 * try-parsers into a table of the columns the KPIs read, each with its text beside it; a view of
 * the rows used (no required column blank or unreadable). The quality report is counted from that
 * table in SQL with kpi's reasons, so that it says what the Tablesaw import says: rows read, used,
 * rejected, cells blanked and cleaned, with examples.
 *
 * <p>What is not here yet (the engine refuses it before any work): joins, derived and looked-up
 * columns, {@code distinct:}, Excel files, globs of several files, time-zone conversion.
 */
public final class SourceRelations {
  /**
   * Where a source's columns are in its file.
   *
   * @param file the file, absolute, for the engine
   * @param shown the file as messages name it
   * @param skip the lines before the first data row (the header's)
   * @param width the header's fields
   * @param fieldOf each mapped column's field, 0-based
   */
  public record Layout(
      String file,
      String shown,
      char delimiter,
      int skip,
      int width,
      Map<String, Integer> fieldOf) {}

  private final Dialect d;

  public SourceRelations(Dialect d) {
    this.d = d;
  }

  /** The table of the source's typed rows, rejected ones included. */
  public String typedTable(SourceDef s) {
    return d.quoteIdent("kpi_typed_" + s.id());
  }

  /** The view of the rows used: what a KPI reads. */
  public String rows(SourceDef s) {
    return d.quoteIdent("kpi_rows_" + s.id());
  }

  private String rejects(SourceDef s) {
    return d.quoteIdent("kpi_rejects_" + s.id());
  }

  /** The columns typed: those the KPIs read, and every required one (a blank one rejects a row). */
  public static List<ColumnDef> typedColumns(SourceDef s, Set<String> read) {
    List<ColumnDef> out = new ArrayList<>();
    for (ColumnDef c : s.columns().values())
      if (read.contains(c.name()) || c.required()) out.add(c);
    return out;
  }

  /** The statements that make the typed table and the view of used rows. */
  public List<String> create(SourceDef s, Layout l, List<ColumnDef> columns) {
    List<ColumnSql> each = new ArrayList<>();
    for (ColumnDef c : columns)
      each.add(columnSql(s, c, "column" + pad(l.fieldOf().get(c.name()), l.width())));
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < l.width(); i++) fields.add("column" + pad(i, l.width()));
    Dialect.CsvRead read = d.readCsv(l, fields, "kpi_rejects_" + s.id(), "kpi_scan_" + s.id());
    List<String> out = new ArrayList<>(read.statements());
    // Materialised: reading and splitting the CSV is the costly part, done once for every query.
    out.addAll(
        typedStatements(
            s, read.relation(), read.recordNumber(), true, columns, each, emptyRow(fields)));
    return out;
  }

  /**
   * Whether a row's every field is blank: what the import rejects as "empty row" (ingest's
   * RecordTyper) before it types a column, whatever the columns mapped. Tested first field first:
   * DuckDB evaluates each further test only on the rows still blank, so most rows end at the first.
   */
  private String emptyRow(List<String> fields) {
    List<String> each = new ArrayList<>();
    for (String f : fields) each.add(d.isBlankField(d.quoteIdent(f)));
    return String.join(" AND ", each);
  }

  /**
   * One column's SQL in the typed table's three steps: the field as read ({@code name__raw}), its
   * text ({@code name__text}: blank for a null token) and its typed value ({@code name}). A column
   * whose text is its value (a text column; a typed Parquet column) has no {@code typed}: its
   * {@code text} step names it {@code name}, and the table holds it once, not twice.
   */
  record ColumnSql(String raw, String text, String typed) {
    boolean textIsValue() {
      return typed == null;
    }
  }

  /**
   * A text field's three steps, each computed once per cell: the field trimmed as the import trims
   * it; blank when it is a null token (matched before anything else, as the import matches them),
   * else the text the parsers see (NFC for texts and yes/no values, which the import reads through
   * its dictionary of NFC spellings; as written for numbers and dates); then the typed value.
   */
  ColumnSql columnSql(SourceDef s, ColumnDef c, String field) {
    String raw = d.quoteIdent(c.name() + "__raw");
    boolean nfc = c.type() == ValueType.STRING || c.type() == ValueType.BOOLEAN;
    boolean isText = c.type() == ValueType.STRING;
    String text = d.quoteIdent(c.name() + (isText ? "" : "__text"));
    return new ColumnSql(
        d.trimmed(field) + " AS " + raw,
        "CASE WHEN "
            + raw
            + " IS NULL OR "
            + d.isOneOf(raw, nulls(s))
            + " THEN NULL ELSE "
            + (c.type() == ValueType.STRING ? d.importedText(raw) : nfc ? d.nfc(raw) : raw)
            + " END AS "
            + text,
        isText ? null : parse(c, s, text) + " AS " + d.quoteIdent(c.name()));
  }

  /**
   * A column looked up from another ({@code department: { from: team, map: { … } }}) in the typed
   * table's three steps, as kpi's importer computes it (SourceLoader.addLookups): the from column's
   * text as imported ({@code name__text}: blank for a null token or an empty text), then the map's
   * value for it, matched exactly (NFC, case kept), or blank for a text the map lacks — counted in
   * the quality report as the import counts it ({@link #lookupFailure}).
   *
   * @param fromField the from column's field in the relation read
   */
  ColumnSql lookupSql(SourceDef s, ColumnDef c, String fromField) {
    String raw = d.quoteIdent(c.name() + "__raw");
    String text = d.quoteIdent(c.name() + "__text");
    StringBuilder map = new StringBuilder("CASE ").append(text);
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(c.lookup().map()).entrySet())
      if (!e.getValue().isEmpty())
        map.append(" WHEN ")
            .append(d.literal(e.getKey()))
            .append(" THEN ")
            .append(d.literal(e.getValue()));
    map.append(" END");
    return new ColumnSql(
        d.trimmed(fromField) + " AS " + raw,
        "CASE WHEN "
            + raw
            + " IS NULL OR "
            + d.isOneOf(raw, nulls(s))
            + " THEN NULL ELSE NULLIF("
            + d.importedText(raw)
            + ", '') END AS "
            + text,
        map + " AS " + d.quoteIdent(c.name()));
  }

  /** What a looked-up column's text the map lacks is reported as, in the import's words. */
  static String lookupFailure(ColumnDef c) {
    return c.lookup().from() + " value not in the map of " + c.name();
  }

  /**
   * The typed table over {@code read} (a relation of the file's fields, in the file's order) and
   * the view of the rows used.
   *
   * @param record each row's number over {@code read}, for the order of the quality report's
   *     examples
   * @param empty whether a row of {@code read} is an empty row (every field blank), or null where
   *     there are none (Parquet): such rows are kept in the typed table, marked {@code kpi_empty},
   *     counted as rejected and never used
   */
  List<String> typedStatements(
      SourceDef s,
      String read,
      String record,
      boolean materialized,
      List<ColumnDef> columns,
      List<ColumnSql> each,
      String empty) {
    String mark = empty == null ? "" : "kpi_empty, ";
    List<String> trimmed = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<String> typed = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      trimmed.add(each.get(i).raw());
      texts.add(each.get(i).text());
      if (each.get(i).textIsValue()) {
        typed.add(d.quoteIdent(columns.get(i).name()));
      } else {
        typed.add(d.quoteIdent(columns.get(i).name() + "__text"));
        typed.add(each.get(i).typed());
      }
    }
    // Lists joined whole: a source of which no column is read (a count of rows) has none, and
    // only DuckDB takes a trailing comma in a SELECT list.
    String select =
        "SELECT "
            + listed("kpi_record", mark, typed)
            + " FROM (SELECT "
            + listed("kpi_record", mark, texts)
            + " FROM (SELECT "
            + listed(
                record + " AS kpi_record", empty == null ? "" : empty + " AS kpi_empty, ", trimmed)
            + " FROM "
            + read
            + ") AS kpi_fields) AS kpi_texts";
    List<String> out = new ArrayList<>();
    out.add(
        materialized
            ? d.createTempTable(typedTable(s), select)
            : d.createTempView(typedTable(s), select));
    List<String> ok = new ArrayList<>();
    if (empty != null) ok.add("NOT kpi_empty");
    for (ColumnDef c : columns) if (c.required()) ok.add(d.quoteIdent(c.name()) + " IS NOT NULL");
    out.add(
        d.createTempView(
            rows(s),
            "SELECT * FROM "
                + typedTable(s)
                + (ok.isEmpty() ? "" : " WHERE " + String.join(" AND ", ok))));
    return out;
  }

  /** DuckDB numbers its columns column0, column1 … padded to the widest number. */
  private static String pad(int i, int width) {
    int digits = String.valueOf(width - 1).length();
    String s = String.valueOf(i);
    return "0".repeat(Math.max(0, digits - s.length())) + s;
  }

  private List<String> nulls(SourceDef s) {
    List<String> out = new ArrayList<>();
    for (String n : new java.util.TreeSet<>(s.nulls())) out.add(d.literal(n));
    return out.isEmpty() ? List.of("''") : out;
  }

  /** The typed value of a column's (non-blank) text. */
  private String parse(ColumnDef c, SourceDef s, String text) {
    return switch (c.type()) {
      case STRING -> text;
      case NUMBER -> d.tryParseNumber(text, c.decimalMark());
      case BOOLEAN -> d.tryParseBoolean(text, s.trueTokens(), s.falseTokens());
      case DATE, DATETIME -> {
        List<String> each = new ArrayList<>();
        // No format is ISO, as for the import, and so is the pattern "iso".
        for (String f : c.formats().isEmpty() ? List.of("iso") : c.formats())
          each.add(
              f.equalsIgnoreCase("iso")
                  ? d.tryParseIso(text, s.zone())
                  : d.tryParseTimestamp(text, f));
        String ts = each.size() == 1 ? each.get(0) : "coalesce(" + String.join(", ", each) + ")";
        yield c.type() == ValueType.DATE ? d.cast(ts, Dialect.SqlType.DATE) : ts;
      }
      case DURATION -> d.tryParseDuration(text, c.durationUnit(), c.decimalMark());
    };
  }

  /**
   * Why a column cannot be typed in SQL yet, or null: the engine asks before any work.
   *
   * @return the reason, naming the column
   */
  public String refusal(ColumnDef c) {
    if (c.isLookup())
      return "column '" + c.name() + "' is computed (lookup, join or derive), not read";
    if (c.type() == ValueType.DURATION) {
      try {
        d.tryParseDuration("x", c.durationUnit(), c.decimalMark());
      } catch (SqlRefused e) {
        return "column '" + c.name() + "' is a duration: " + e.getMessage();
      }
    }
    if (c.type().isTemporal()) {
      for (String f : c.formats().isEmpty() ? List.of("iso") : c.formats()) {
        if (f.equalsIgnoreCase("iso")) {
          try {
            d.tryParseIso("x", java.time.ZoneOffset.UTC);
          } catch (SqlRefused e) {
            return "column '" + c.name() + "' is read as ISO dates: " + e.getMessage();
          }
        } else if (d.tryParseTimestamp("x", f) == null) {
          return "column '" + c.name() + "' has format '" + f + "', not a numeric pattern";
        }
      }
    }
    return null;
  }

  /** What a column's unreadable text is reported as, in kpi's words (ingest's sinks). */
  static String failure(ColumnDef c, SourceDef s) {
    return switch (c.type()) {
      case NUMBER -> "not a number with decimal mark '" + c.decimalMark() + "'";
      case BOOLEAN ->
          "not a yes/no value (true: "
              + tokens(s.trueTokens())
              + "; false: "
              + tokens(s.falseTokens())
              + ")";
      case DATE, DATETIME ->
          "not a "
              + (c.type() == ValueType.DATE ? "date" : "date-time")
              + " in format "
              + String.join(
                  " or ",
                  c.formats().isEmpty() ? List.of("ISO yyyy-MM-dd[THH:mm:ss]") : c.formats());
      case DURATION -> "not a duration (" + c.durationUnit() + ", or H:MM:SS / M:SS)";
      default -> "unreadable";
    };
  }

  /** Why a column's value is blank though its text is not: a stored number's or a text's. */
  private static String failure(ColumnDef c, SourceDef s, Set<String> storedNumbers) {
    return storedNumbers.contains(c.name())
        ? dev.journeykpi.model.ParquetColumn.NOT_FINITE
        : failure(c, s);
  }

  /** The record's column, the empty-row mark (with its ", ") if any, then the columns. */
  private static String listed(String record, String mark, List<String> columns) {
    List<String> all =
        new ArrayList<>(
            List.of(record + (mark.isEmpty() ? "" : ", " + mark.substring(0, mark.length() - 2))));
    all.addAll(columns);
    return String.join(", ", all);
  }

  private static String tokens(Set<String> t) {
    return String.join("/", t.stream().map(x -> x.isEmpty() ? "(blank)" : x).toList());
  }

  /**
   * The source's quality report, counted in SQL: rows the reader refused (wrong number of fields),
   * where the dialect's reader sets them aside ({@link Dialect#refusedCsvRows}), rows rejected for
   * their first required column that is blank or unreadable, cells blanked. Rows the reader refused
   * carry their line; the others their file only (the engine does not tell a row's line).
   */
  public QualityReport quality(Connection conn, SourceDef s, Layout l, List<ColumnDef> columns)
      throws SQLException {
    Map<String, Tally> rejected = new LinkedHashMap<>();
    List<Long> rejectedLines = new ArrayList<>();
    long readerRejected = 0;
    String refused = d.refusedCsvRows(rejects(s));
    if (refused != null) {
      try (Statement st = conn.createStatement();
          ResultSet r = st.executeQuery(refused)) {
        while (r.next()) {
          long line = r.getLong(1);
          long found = r.getLong(2);
          boolean fieldCount = !r.wasNull();
          String msg = r.getString(3);
          if (!fieldCount) {
            // The default engine recovers from such a row its own way (an unterminated quote
            // there ends at the line, a byte that is not UTF-8 blanks one cell); the engine's
            // reader would swallow the lines after it or drop the row, and the numbers would
            // differ: stop, not guess.
            throw new dev.journeykpi.model.DataException(
                l.shown()
                    + ": line "
                    + line
                    + ": "
                    + (msg == null ? "not readable as CSV" : msg.strip().replaceAll("\\.$", ""))
                    + "; --engine "
                    + d.name()
                    + " cannot read this file as the default engine does: run it"
                    + " with --engine tablesaw (docs/engines.md)");
          }
          rejectedLines.add(line);
          String text = csvLine(r.getString(4));
          boolean empty = allBlank(text, l.delimiter());
          String reason =
              empty
                  ? "empty row"
                  : "row has "
                      + found
                      + (found == 1 ? " field" : " fields")
                      + ", the header has "
                      + l.width();
          rejected
              .computeIfAbsent(reason, k -> new Tally())
              .add(new Problem(Kind.REJECTED, reason, l.shown(), line, "", empty ? "" : text));
          readerRejected++;
        }
      }
    }
    return typedQuality(
        conn,
        s,
        List.of(l.shown()),
        l.skip(),
        columns,
        textColumns(columns),
        rejected,
        rejectedLines,
        readerRejected,
        true);
  }

  /**
   * Whether a CSV line the reader refused (a wrong number of fields) has every field blank: the
   * import calls such a row "empty row", whatever its number of fields. Quotes around a field are
   * not its text; a doubled quote inside them is.
   */
  static boolean allBlank(String line, char delimiter) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c != '"') {
          if (!blankChar(c)) return false;
        } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          return false; // an escaped quote: the field has text
        } else {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c != delimiter && !blankChar(c)) {
        return false;
      }
    }
    return true;
  }

  /** The import's byte test (RecordTyper.blank): ASCII whitespace only. */
  private static boolean blankChar(char c) {
    return c < 0x80 && Character.isWhitespace(c);
  }

  /**
   * The report's counts over the typed table, after the rows the reader refused ({@code
   * readerRejected}, already in {@code rejected} with their lines).
   *
   * @param files the files as messages name them; with several, a row's file is its record number's
   *     upper bits ({@link #FILE_BITS})
   * @param skip the lines before the first typed row, to order the reasons as the file has them
   * @param textOf each column's text in the typed table (its value, for a column whose text is its
   *     value)
   */
  QualityReport typedQuality(
      Connection conn,
      SourceDef s,
      List<String> files,
      int skip,
      List<ColumnDef> columns,
      Map<String, String> textOf,
      Map<String, Tally> rejected,
      List<Long> rejectedLines,
      long readerRejected,
      boolean empties)
      throws SQLException {
    return typedQuality(
        conn,
        s,
        files,
        skip,
        columns,
        textOf,
        Set.of(),
        rejected,
        rejectedLines,
        readerRejected,
        empties);
  }

  /**
   * The report's counts as {@link #typedQuality(Connection, SourceDef, List, int, List, Map, Map,
   * List, long, boolean)} counts them, with numbers taken as stored ({@code storedNumbers}, whose
   * text is the stored value): a value blanked there was NaN or an infinity, counted as {@link
   * dev.journeykpi.model.ParquetColumn#NOT_FINITE}.
   */
  QualityReport typedQuality(
      Connection conn,
      SourceDef s,
      List<String> files,
      int skip,
      List<ColumnDef> columns,
      Map<String, String> textOf,
      Set<String> storedNumbers,
      Map<String, Tally> rejected,
      List<Long> rejectedLines,
      long readerRejected,
      boolean empties)
      throws SQLException {
    Map<String, Tally> blanked = new LinkedHashMap<>();
    long read = readerRejected + SqlValues.count(conn, "SELECT count(*) FROM " + typedTable(s));
    // An empty row is rejected before any column is typed, as the import rejects it; then a row is
    // rejected for its first required column (in declaration order) that is blank or unreadable.
    List<String> earlierOk = new ArrayList<>();
    if (empties) {
      tally(
          conn,
          rejected,
          Kind.REJECTED,
          "empty row",
          files,
          skip,
          "",
          "''",
          "kpi_empty",
          s,
          rejectedLines);
      earlierOk.add("NOT kpi_empty");
    }
    for (ColumnDef c : columns) {
      if (!c.required()) continue;
      String v = d.quoteIdent(c.name());
      String text = textOf.get(c.name());
      String before = earlierOk.isEmpty() ? "" : String.join(" AND ", earlierOk) + " AND ";
      tally(
          conn,
          rejected,
          Kind.REJECTED,
          c.name() + ": required, but blank",
          files,
          skip,
          c.header(),
          "NULL",
          before + text + " IS NULL",
          s,
          rejectedLines);
      if (!text.equals(v))
        tally(
            conn,
            rejected,
            Kind.REJECTED,
            c.name() + ": " + failure(c, s, storedNumbers),
            files,
            skip,
            c.header(),
            text,
            before + text + " IS NOT NULL AND " + v + " IS NULL",
            s,
            rejectedLines);
      earlierOk.add(v + " IS NOT NULL");
    }
    String used = earlierOk.isEmpty() ? "TRUE" : String.join(" AND ", earlierOk);
    for (ColumnDef c : columns) {
      // A text is never unreadable, nor a column whose text is its value (typed in the file).
      if (c.required() || textOf.get(c.name()).equals(d.quoteIdent(c.name()))) continue;
      tally(
          conn,
          blanked,
          Kind.BLANKED,
          c.isLookup() ? lookupFailure(c) : c.name() + ": " + failure(c, s, storedNumbers),
          files,
          skip,
          // The import names a looked-up column by its name: it has no header.
          c.isLookup() ? c.name() : c.header(),
          textOf.get(c.name()),
          used
              + " AND "
              + textOf.get(c.name())
              + " IS NOT NULL AND "
              + d.quoteIdent(c.name())
              + " IS NULL",
          s,
          rejectedLines);
    }
    long rowsUsed = SqlValues.count(conn, "SELECT count(*) FROM " + rows(s));
    rejected = inFileOrder(rejected);
    blanked = inFileOrder(blanked);
    List<Problem> details = new ArrayList<>();
    rejected.values().forEach(t -> details.addAll(t.examples));
    blanked.values().forEach(t -> details.addAll(t.examples));
    return new QualityReport(
        s.id(),
        files,
        read,
        rowsUsed,
        done(rejected),
        done(blanked),
        Map.of(),
        Map.of(),
        Map.of(),
        List.of(),
        details,
        0,
        Map.of(),
        null);
  }

  private static final int EXAMPLES = 3;

  /**
   * A row of a source of several files is numbered {@code file << FILE_BITS | row in the file}, so
   * that its number says its file and orders the rows as the files' name order and their own.
   */
  static final int FILE_BITS = 40;

  /**
   * Each column's text in the typed table: {@code name__text}, or its value when it is its text.
   */
  private Map<String, String> textColumns(List<ColumnDef> columns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ColumnDef c : columns)
      out.put(c.name(), d.quoteIdent(c.name() + (c.type() == ValueType.STRING ? "" : "__text")));
    return out;
  }

  /** The row's text as the reader kept it, without the line break it may start or end with. */
  private static String csvLine(String s) {
    if (s == null) return "";
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == '\n' || s.charAt(a) == '\r')) a++;
    while (b > a && (s.charAt(b - 1) == '\n' || s.charAt(b - 1) == '\r')) b--;
    return s.substring(a, b);
  }

  /**
   * Reasons in the order of their first example's place in the file, as the import orders them. A
   * typed row's place is estimated from its record number and the reader's refused lines before it
   * (exact unless a quoted field spans lines); it orders the reasons and is not shown.
   */
  private static Map<String, Tally> inFileOrder(Map<String, Tally> tallies) {
    List<Map.Entry<String, Tally>> entries = new ArrayList<>(tallies.entrySet());
    entries.sort(java.util.Comparator.comparingLong(e -> e.getValue().firstAt));
    Map<String, Tally> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private void tally(
      Connection conn,
      Map<String, Tally> into,
      Kind kind,
      String reason,
      List<String> files,
      int skip,
      String header,
      String value,
      String where,
      SourceDef s,
      List<Long> rejectedLines)
      throws SQLException {
    long n = SqlValues.count(conn, "SELECT count(*) FROM " + typedTable(s) + " WHERE " + where);
    if (n == 0) return;
    Tally t = into.computeIfAbsent(reason, k -> new Tally());
    t.count += n;
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + value
                    + ", kpi_record FROM "
                    + typedTable(s)
                    + " WHERE "
                    + where
                    + " ORDER BY kpi_record LIMIT "
                    + EXAMPLES)) {
      boolean first = true;
      while (r.next()) {
        String v = r.getString(1);
        String file = files.get(files.size() == 1 ? 0 : (int) (r.getLong(2) >> FILE_BITS));
        t.examples.add(new Problem(kind, reason, file, 0, header, v == null ? "" : v));
        if (first) {
          long at = skip + r.getLong(2);
          for (long line : rejectedLines) if (line <= at) at++;
          t.firstAt = Math.min(t.firstAt, at);
          first = false;
        }
      }
    }
  }

  /** A reason's count and first examples, while they are counted. */
  static final class Tally {
    long count;
    long firstAt = Long.MAX_VALUE;
    final List<Problem> examples = new ArrayList<>();

    void add(Problem p) {
      firstAt = Math.min(firstAt, p.row());
      count++;
      if (examples.size() < EXAMPLES) examples.add(p);
    }
  }

  private static Map<String, QualityReport.Tally> done(Map<String, Tally> tallies) {
    Map<String, QualityReport.Tally> out = new LinkedHashMap<>();
    tallies.forEach((reason, t) -> out.put(reason, new QualityReport.Tally(t.count, t.examples)));
    return out;
  }
}
