package dev.journeykpi.model;

import dev.journeykpi.config.ValueType;
import java.util.Locale;

/**
 * How a Parquet column is read into a column the definition declares, the one rule both engines
 * follow (issue 17): the default engine's import ({@code ingest.ParquetTableReader}) and DuckDB's
 * typing ({@code sql.ParquetRelation}) both ask here, so they agree by construction. A column
 * stored as text is read as a CSV field is (trimmed, the null tokens, kpi's number, date and yes/no
 * parsing, with the quality report's counts); a column stored with the declared type's kind is
 * taken as it is (a NULL is a blank cell); any other pairing is refused with both types named,
 * never converted by a guess.
 *
 * @param stored the column's type as DuckDB describes the file ({@code VARCHAR}, {@code
 *     DECIMAL(18,2)}, {@code TIMESTAMP_NS} …)
 */
public record ParquetColumn(String stored) {
  /** How the declared column is read from the stored one. */
  public enum Reading {
    /** Text, typed with kpi's parsing as a CSV field is. */
    PARSED,
    /** Taken as stored: a number as a number, a date-time to the millisecond, digits as text. */
    TYPED,
    /** Not read: the stored type is not the declared one's kind. */
    MISMATCH
  }

  /**
   * Why a stored number that is NaN or an infinity is blanked (or its row rejected, when the column
   * is required), on every engine: kpi's numbers are finite, as its CSV parsing makes them (the
   * texts "NaN" and "Infinity" are not numbers there), and one NaN would make a sum or a mean NaN,
   * an infinity make it infinite.
   */
  public static final String NOT_FINITE = "not a finite number";

  /** What the stored type is, by the families kpi's types come from. */
  public enum Kind {
    TEXT,
    INTEGER,
    NUMBER,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    OTHER
  }

  public Kind kind() {
    String t = stored.toUpperCase(Locale.ROOT);
    if (t.equals("VARCHAR")) return Kind.TEXT;
    if (t.matches("U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)")) return Kind.INTEGER;
    if (t.equals("FLOAT") || t.equals("DOUBLE") || t.startsWith("DECIMAL")) return Kind.NUMBER;
    if (t.equals("BOOLEAN")) return Kind.BOOLEAN;
    if (t.equals("DATE")) return Kind.DATE;
    // Without a time zone only: an instant (TIMESTAMP WITH TIME ZONE) would need a zone to be a
    // local time, which is not decided yet.
    if (t.equals("TIMESTAMP") || t.matches("TIMESTAMP_(S|MS|NS)")) return Kind.TIMESTAMP;
    return Kind.OTHER;
  }

  /**
   * Whether a number taken as stored may be NaN or an infinity ({@link #NOT_FINITE}): a floating
   * point column (FLOAT, DOUBLE) or a decimal one (PostgreSQL's {@code numeric} holds NaN and
   * infinities too), never a whole number.
   */
  public boolean mayBeNonFinite() {
    return kind() == Kind.NUMBER;
  }

  /** How a column declared {@code declared} is read from this stored column. */
  public Reading reading(ValueType declared) {
    Kind k = kind();
    if (k == Kind.TEXT) return Reading.PARSED;
    boolean fits =
        switch (declared) {
          case STRING -> k == Kind.INTEGER;
          case NUMBER -> k == Kind.INTEGER || k == Kind.NUMBER;
          case BOOLEAN -> k == Kind.BOOLEAN;
          case DATE, DATETIME -> k == Kind.DATE || k == Kind.TIMESTAMP;
          case DURATION -> false;
        };
    return fits ? Reading.TYPED : Reading.MISMATCH;
  }

  /**
   * The error for a mismatched column: the file, the column as written, both types and what to do.
   */
  public DataException mismatch(String file, String header, String name, ValueType declared) {
    return new DataException(
        file
            + ": column '"
            + header
            + "' is stored as "
            + stored
            + ", but '"
            + name
            + "' is declared "
            + (declared == ValueType.STRING ? "text" : declared.yamlName())
            + "; declare the type it is stored as, or write it as text (VARCHAR) to have kpi parse"
            + " it");
  }
}
