package dev.journeykpi.sql;

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

/**
 * The rows of a CSV that the dialect's reader refused (a wrong number of fields), where it sets
 * them aside ({@link Dialect#refusedCsvRows}): rejected with their line and the import's reason,
 * before the typed table's rows are counted ({@link QualityCounts}).
 *
 * @param rejected the reasons, each with its count and first examples
 * @param lines the lines refused, which place the typed rows after them in the file
 * @param count the rows refused
 */
record RefusedCsvRows(Map<String, QualityCounts.Tally> rejected, List<Long> lines, long count) {
  /** No row refused: a source read by columns (Parquet, a table), or a reader that refuses none. */
  static RefusedCsvRows none() {
    return new RefusedCsvRows(new LinkedHashMap<>(), new ArrayList<>(), 0);
  }

  /**
   * The rows refused, read from the reader's table of them; a row the reader could not read as CSV
   * at all stops the run with its line (a {@link dev.journeykpi.model.DataException}).
   */
  static RefusedCsvRows read(
      Connection conn, Dialect d, SourceRelations.Layout l, String rejectsTable)
      throws SQLException {
    RefusedCsvRows out = none();
    String refused = d.refusedCsvRows(rejectsTable);
    if (refused == null) return out;
    long count = 0;
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
        out.lines.add(line);
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
        out.rejected
            .computeIfAbsent(reason, k -> new QualityCounts.Tally())
            .add(new Problem(Kind.REJECTED, reason, l.shown(), line, "", empty ? "" : text));
        count++;
      }
    }
    return new RefusedCsvRows(out.rejected, out.lines, count);
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

  /** The row's text as the reader kept it, without the line break it may start or end with. */
  private static String csvLine(String s) {
    if (s == null) return "";
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == '\n' || s.charAt(a) == '\r')) a++;
    while (b > a && (s.charAt(b - 1) == '\n' || s.charAt(b - 1) == '\r')) b--;
    return s.substring(a, b);
  }
}
