package dev.journeykpi.sql;

import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.ParquetColumn;
import java.sql.Types;
import java.util.Locale;

/**
 * A column of a database table as its JDBC driver describes it ({@code ResultSetMetaData}'s type, a
 * {@link Types} code), read into a declared column by the rule a Parquet file's columns follow
 * ({@link ParquetColumn#reading}): a text column is parsed with kpi's rules as a CSV field is, a
 * column of the declared type's kind is taken as it is, any other pairing is refused.
 *
 * @param label the column's name in the table
 * @param jdbcType its {@link Types} code
 * @param typeName the database's name of its type, for messages (and to tell a timestamp with a
 *     time zone that a driver reports as {@link Types#TIMESTAMP}); may be null
 */
public record TableColumn(String label, int jdbcType, String typeName) {
  /**
   * The column as the Parquet rule's families name its type: text, whole number, number, yes/no,
   * date, timestamp without a zone, or another (never read).
   */
  ParquetColumn asStored() {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    // PostgreSQL's driver reports timestamptz as TIMESTAMP: an instant needs a zone to be a local
    // time, which is not decided yet (as for Parquet's TIMESTAMP WITH TIME ZONE).
    boolean zoned = name.contains("time zone") || name.endsWith("tz");
    String stored =
        switch (jdbcType) {
          case Types.CHAR,
              Types.VARCHAR,
              Types.LONGVARCHAR,
              Types.NCHAR,
              Types.NVARCHAR,
              Types.LONGNVARCHAR,
              Types.CLOB,
              Types.NCLOB ->
              "VARCHAR";
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "BIGINT";
          case Types.REAL, Types.FLOAT, Types.DOUBLE -> "DOUBLE";
          case Types.NUMERIC, Types.DECIMAL -> "DECIMAL";
          case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
          case Types.DATE -> "DATE";
          case Types.TIMESTAMP -> zoned ? "OTHER" : "TIMESTAMP";
          default -> "OTHER";
        };
    return new ParquetColumn(stored);
  }

  /** How the declared column is read from this one. */
  public ParquetColumn.Reading reading(ValueType declared) {
    return asStored().reading(declared);
  }

  /**
   * Whether the column holds instants (PostgreSQL's {@code timestamptz}, a {@code TIMESTAMP WITH
   * TIME ZONE}): no kpi type holds one, a time is local to a zone.
   */
  boolean zoned() {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    // PostgreSQL's driver reports timestamptz as TIMESTAMP: its name tells.
    return jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
        || (jdbcType == Types.TIMESTAMP && (name.contains("time zone") || name.endsWith("tz")));
  }

  /**
   * The error for a column whose type is not the declared one's kind.
   *
   * @param zone the zone the source's local times are in, to which an instant is cast
   */
  public DataException mismatch(
      String where, String name, ValueType declared, java.time.ZoneId zone) {
    if (zoned() && declared.isTemporal())
      // "Declare the type it holds" would send the user looking for a kpi type of instants.
      return new DataException(
          where
              + ": column '"
              + label
              + "' is "
              + (typeName == null ? "a timestamp with a time zone" : typeName)
              + ", an instant, but '"
              + name
              + "' is declared "
              + declared.yamlName()
              + ", a local time; no kpi type holds an instant: cast it in a view to a timestamp in"
              + " the source's zone (PostgreSQL: \""
              + label.replace("\"", "\"\"")
              + "\" AT TIME ZONE '"
              + zone.getId()
              + "'), or to text (docs/engines.md)");
    return mismatch(where, name, declared);
  }

  /** The error for a column whose type is not the declared one's kind. */
  public DataException mismatch(String where, String name, ValueType declared) {
    return new DataException(
        where
            + ": column '"
            + label
            + "' is "
            + (typeName == null ? "of JDBC type " + jdbcType : typeName)
            + ", but '"
            + name
            + "' is declared "
            + (declared == ValueType.STRING ? "text" : declared.yamlName())
            + "; declare the type it holds, or cast it to text in a view to have kpi parse it"
            + " (docs/engines.md)");
  }
}
