package dev.journeykpi.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A row in PostgreSQL's COPY text format (tab between fields, {@code \N} for NULL, a backslash
 * escape for backslash, tab, line feed and carriage return), for the importer's rows that {@link
 * PostgresBackend} streams with {@code COPY … FROM STDIN} instead of INSERTs. Values are the ones
 * {@link JdbcCells#toJdbc} gives (and the record number, a {@code Long}): texts as they are,
 * numbers in Java's shortest round-trip form (which {@code float8in} reads back to the same
 * double), yes/no as {@code t}/{@code f}, dates and date-times in ISO form with the seconds'
 * fraction written out, so the server's DateStyle never changes how they are read.
 */
final class PgCopyText {
  private PgCopyText() {}

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS");

  /** Appends the row and its line feed. */
  static void appendRow(StringBuilder out, Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) out.append('\t');
      appendValue(out, row[i]);
    }
    out.append('\n');
  }

  private static void appendValue(StringBuilder out, Object v) {
    if (v == null) out.append("\\N");
    else if (v instanceof Boolean b) out.append(b ? 't' : 'f');
    else if (v instanceof Double d) out.append(Double.toString(d));
    else if (v instanceof Long || v instanceof Integer) out.append(v);
    else if (v instanceof LocalDate d) out.append(d.toString());
    else if (v instanceof LocalDateTime t) out.append(DATE_TIME.format(t));
    else appendText(out, v.toString());
  }

  /** A text with COPY's four escapes; every other character, Vietnamese included, as it is. */
  private static void appendText(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
