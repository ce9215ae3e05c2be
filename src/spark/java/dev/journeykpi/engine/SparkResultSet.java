package dev.journeykpi.engine;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * A query's collected rows as a JDBC {@link ResultSet} ({@link SparkJdbc}): the getters the
 * engine's code calls, by position or by column label (without case, as JDBC finds labels), each
 * value converted as a JDBC driver converts it (a count as a long or an int, a DECIMAL sum as a
 * double, a DATE as a {@link Date}); and the metadata of the columns, their types as {@link Types}.
 */
final class SparkResultSet {
  private SparkResultSet() {}

  static ResultSet of(StructType schema, List<Row> rows) {
    int[] at = {-1};
    boolean[] wasNull = {false};
    String[] names = schema.fieldNames();
    ResultSetMetaData meta = metaData(schema);
    return SparkJdbc.proxy(
        ResultSet.class,
        (m, args) -> {
          switch (m.getName()) {
            case "next":
              return ++at[0] < rows.size();
            case "close":
              return Void.TYPE;
            case "wasNull":
              return wasNull[0];
            case "getMetaData":
              return meta;
            case "findColumn":
              return column(names, (String) args[0]);
            default:
              break;
          }
          if (!m.getName().startsWith("get") || args.length == 0) return null;
          if (at[0] < 0 || at[0] >= rows.size())
            throw new SQLException("no current row (call next() first)");
          int c = args[0] instanceof String label ? column(names, label) : (Integer) args[0];
          if (c < 1 || c > names.length)
            throw new SQLException("column " + c + " of " + names.length);
          Object v = rows.get(at[0]).get(c - 1);
          wasNull[0] = v == null;
          return value(m.getName(), v, args.length > 1 ? args[1] : null);
        });
  }

  /** The 1-based column of a label, without case. */
  private static int column(String[] names, String label) throws SQLException {
    for (int i = 0; i < names.length; i++) if (names[i].equalsIgnoreCase(label)) return i + 1;
    throw new SQLException("no column '" + label + "' in the result");
  }

  /** A value as a getter returns it (a NULL as the getter's zero), or null for another getter. */
  private static Object value(String getter, Object v, Object type) throws SQLException {
    switch (getter) {
      case "getObject":
        if (type instanceof Class<?> c) return v == null ? Void.TYPE : as(c, v);
        return v == null ? Void.TYPE : v;
      case "getString":
        return v == null ? Void.TYPE : text(v);
      case "getLong":
        return v == null ? 0L : number(v).longValue();
      case "getInt":
        return v == null ? 0 : number(v).intValue();
      case "getDouble":
        return v == null ? 0.0 : number(v).doubleValue();
      case "getBoolean":
        return v != null && (v instanceof Boolean b ? b : number(v).doubleValue() != 0);
      case "getBigDecimal":
        return v == null ? Void.TYPE : new BigDecimal(text(v));
      case "getDate":
        return v == null ? Void.TYPE : Date.valueOf(day(v));
      case "getTimestamp":
        return v == null ? Void.TYPE : Timestamp.valueOf(time(v));
      default:
        return null;
    }
  }

  private static Object as(Class<?> c, Object v) throws SQLException {
    if (c.isInstance(v)) return v;
    if (c == LocalDate.class) return day(v);
    if (c == LocalDateTime.class) return time(v);
    if (c == Long.class) return number(v).longValue();
    if (c == Integer.class) return number(v).intValue();
    if (c == Double.class) return number(v).doubleValue();
    if (c == String.class) return text(v);
    throw new SQLException("a " + v.getClass().getSimpleName() + " is no " + c.getSimpleName());
  }

  private static Number number(Object v) throws SQLException {
    if (v instanceof Number n) return n;
    if (v instanceof Boolean b) return b ? 1 : 0;
    try {
      return new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new SQLException("not a number: " + v);
    }
  }

  /** A value's text as JDBC drivers write it (a date-time with a space, not java.time's T). */
  private static String text(Object v) {
    if (v instanceof LocalDateTime t) return Timestamp.valueOf(t).toString();
    if (v instanceof BigDecimal b) return b.toPlainString();
    return v.toString();
  }

  private static LocalDate day(Object v) throws SQLException {
    if (v instanceof LocalDate d) return d;
    if (v instanceof LocalDateTime t) return t.toLocalDate();
    if (v instanceof Date d) return d.toLocalDate();
    throw new SQLException("not a date: " + v);
  }

  private static LocalDateTime time(Object v) throws SQLException {
    if (v instanceof LocalDateTime t) return t;
    if (v instanceof LocalDate d) return d.atStartOfDay();
    if (v instanceof Timestamp t) return t.toLocalDateTime();
    if (v instanceof Instant i) return LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    throw new SQLException("not a date-time: " + v);
  }

  /** The columns' names and types: Spark's type names, and the nearest {@link Types}. */
  private static ResultSetMetaData metaData(StructType schema) {
    return SparkJdbc.proxy(
        ResultSetMetaData.class,
        (m, args) -> {
          if (m.getName().equals("getColumnCount")) return schema.fields().length;
          if (args.length != 1 || !(args[0] instanceof Integer c)) return null;
          if (c < 1 || c > schema.fields().length)
            throw new SQLException("column " + c + " of " + schema.fields().length);
          DataType t = schema.fields()[c - 1].dataType();
          return switch (m.getName()) {
            case "getColumnLabel", "getColumnName" -> schema.fields()[c - 1].name();
            case "getColumnType" -> jdbcType(t);
            case "getColumnTypeName" -> t.sql().toUpperCase(Locale.ROOT);
            case "isNullable" ->
                schema.fields()[c - 1].nullable()
                    ? ResultSetMetaData.columnNullable
                    : ResultSetMetaData.columnNoNulls;
            case "getPrecision" -> t instanceof DecimalType d ? d.precision() : 0;
            case "getScale" -> t instanceof DecimalType d ? d.scale() : 0;
            default -> null;
          };
        });
  }

  static int jdbcType(DataType t) {
    if (t.equals(DataTypes.LongType)) return Types.BIGINT;
    if (t.equals(DataTypes.IntegerType)) return Types.INTEGER;
    if (t.equals(DataTypes.ShortType)) return Types.SMALLINT;
    if (t.equals(DataTypes.ByteType)) return Types.TINYINT;
    if (t.equals(DataTypes.DoubleType)) return Types.DOUBLE;
    if (t.equals(DataTypes.FloatType)) return Types.REAL;
    if (t instanceof DecimalType) return Types.DECIMAL;
    if (t instanceof StringType) return Types.VARCHAR;
    if (t.equals(DataTypes.BooleanType)) return Types.BOOLEAN;
    if (t.equals(DataTypes.DateType)) return Types.DATE;
    if (t.equals(DataTypes.TimestampNTZType)) return Types.TIMESTAMP;
    if (t.equals(DataTypes.TimestampType)) return Types.TIMESTAMP_WITH_TIMEZONE;
    if (t.equals(DataTypes.BinaryType)) return Types.VARBINARY;
    return Types.OTHER;
  }
}
