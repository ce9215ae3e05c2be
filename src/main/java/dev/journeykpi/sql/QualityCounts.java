package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
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
 * A source's quality report counted in SQL over its typed table ({@link TypedTable}), with kpi's
 * reasons, so that it says what the default engine's import says: rows read, used, rejected (an
 * empty row, then the first required column that is blank or unreadable), cells blanked, with
 * examples in the file's order. Rows typed carry no line: their examples name the file only.
 */
final class QualityCounts {
  private static final int EXAMPLES = 3;

  private final Dialect d;
  private final TypedTable table;

  QualityCounts(Dialect d, TypedTable table) {
    this.d = d;
    this.table = table;
  }

  /**
   * The report's counts over the typed table, after the rows the reader refused (already in {@code
   * refused} with their lines).
   *
   * @param files the files as messages name them; with several, a row's file is its record number's
   *     upper bits ({@link TypedTable#FILE_BITS})
   * @param skip the lines before the first typed row, to order the reasons as the file has them
   * @param empties whether the typed table marks empty rows ({@code kpi_empty})
   */
  QualityReport count(
      Connection conn,
      SourceDef s,
      List<String> files,
      int skip,
      List<ColumnDef> columns,
      QualityTexts texts,
      RefusedCsvRows refused,
      boolean empties)
      throws SQLException {
    Map<String, Tally> rejected = refused.rejected();
    List<Long> rejectedLines = refused.lines();
    Set<String> storedNumbers = texts.storedNumbers();
    Map<String, Tally> blanked = new LinkedHashMap<>();
    long read =
        refused.count() + SqlValues.count(conn, "SELECT count(*) FROM " + table.typedTable(s));
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
      String text = texts.of(c);
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
      if (c.required() || texts.of(c).equals(d.quoteIdent(c.name()))) continue;
      tally(
          conn,
          blanked,
          Kind.BLANKED,
          c.isLookup()
              ? FieldTyping.lookupFailure(c)
              : c.name() + ": " + failure(c, s, storedNumbers),
          files,
          skip,
          // The import names a looked-up column by its name: it has no header.
          c.isLookup() ? c.name() : c.header(),
          texts.of(c),
          used + " AND " + texts.of(c) + " IS NOT NULL AND " + d.quoteIdent(c.name()) + " IS NULL",
          s,
          rejectedLines);
    }
    Map<String, Tally> cleaned = cleaned(conn, s, files, skip, columns, texts, used, rejectedLines);
    long rowsUsed = SqlValues.count(conn, "SELECT count(*) FROM " + table.rows(s));
    rejected = inFileOrder(rejected);
    blanked = inFileOrder(blanked);
    cleaned = inFileOrder(cleaned);
    List<Problem> details = new ArrayList<>();
    rejected.values().forEach(t -> details.addAll(t.examples));
    blanked.values().forEach(t -> details.addAll(t.examples));
    cleaned.values().forEach(t -> details.addAll(t.examples));
    return new QualityReport(
        s.id(),
        files,
        read,
        rowsUsed,
        done(rejected),
        done(blanked),
        Map.of(),
        done(cleaned),
        Map.of(),
        List.of(),
        details,
        0,
        Map.of(),
        null);
  }

  /**
   * The text cells of rows used that were written with control characters, which the value is
   * without, per column as the import counts them ("team: control characters removed"), each
   * example shown as written with the characters escaped. Counted for every column in one pass over
   * the rows (a Parquet source is a view: each pass reads the files again); examples only for the
   * columns that have some.
   */
  private Map<String, Tally> cleaned(
      Connection conn,
      SourceDef s,
      List<String> files,
      int skip,
      List<ColumnDef> columns,
      QualityTexts texts,
      String used,
      List<Long> rejectedLines)
      throws SQLException {
    Map<String, Tally> out = new LinkedHashMap<>();
    List<ColumnDef> each = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    for (ColumnDef c : columns) {
      if (!texts.cleaned().contains(c.name())) continue;
      each.add(c);
      counts.add(
          "sum(CASE WHEN "
              + d.quoteIdent(FieldTyping.cleanedColumn(c))
              + " IS NOT NULL THEN 1 ELSE 0 END)");
    }
    if (each.isEmpty()) return out;
    long[] n = new long[each.size()];
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + String.join(", ", counts)
                    + " FROM "
                    + table.typedTable(s)
                    + " WHERE "
                    + used)) {
      if (r.next()) for (int i = 0; i < n.length; i++) n[i] = r.getLong(i + 1);
    }
    for (int i = 0; i < n.length; i++) {
      if (n[i] == 0) continue;
      ColumnDef c = each.get(i);
      String marked = d.quoteIdent(FieldTyping.cleanedColumn(c));
      tally(
          conn,
          out,
          Kind.CLEANED,
          c.name() + ": control characters removed",
          files,
          skip,
          c.header(),
          marked,
          used + " AND " + marked + " IS NOT NULL",
          s,
          rejectedLines);
    }
    // The import shows each example with its control characters escaped (ControlCharacters).
    for (Tally t : out.values())
      t.examples.replaceAll(
          p ->
              new Problem(
                  p.kind(),
                  p.reason(),
                  p.file(),
                  p.row(),
                  p.column(),
                  dev.journeykpi.model.ControlCharacters.escaped(p.value())));
    return out;
  }

  /** Why a column's value is blank though its text is not: a stored number's or a text's. */
  private static String failure(ColumnDef c, SourceDef s, Set<String> storedNumbers) {
    return storedNumbers.contains(c.name())
        ? dev.journeykpi.model.ParquetColumn.NOT_FINITE
        : FieldTyping.failure(c, s);
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
    String typed = table.typedTable(s);
    long n = SqlValues.count(conn, "SELECT count(*) FROM " + typed + " WHERE " + where);
    if (n == 0) return;
    Tally t = into.computeIfAbsent(reason, k -> new Tally());
    t.count += n;
    try (Statement st = conn.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT "
                    + value
                    + ", kpi_record FROM "
                    + typed
                    + " WHERE "
                    + where
                    + " ORDER BY kpi_record LIMIT "
                    + EXAMPLES)) {
      boolean first = true;
      while (r.next()) {
        String v = r.getString(1);
        String file =
            files.get(files.size() == 1 ? 0 : (int) (r.getLong(2) >> TypedTable.FILE_BITS));
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
