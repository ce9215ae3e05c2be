package dev.journeykpi.sql;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;

/** What a KPI template may ask of the source it reads: its columns in SQL and its filters. */
public final class SqlColumns {
  private final Dialect dialect;
  private final SourceDef source;
  private final dev.journeykpi.calc.BusinessCalendar calendar;

  public SqlColumns(Dialect dialect, SourceDef source) {
    this(dialect, source, null);
  }

  /**
   * @param calendar the definition's business calendar, for types that count business time; null
   *     when the caller has none (such types are then refused)
   */
  public SqlColumns(
      Dialect dialect, SourceDef source, dev.journeykpi.calc.BusinessCalendar calendar) {
    this.dialect = dialect;
    this.source = source;
    this.calendar = calendar;
  }

  /** The definition's business calendar as a table to join by date ({@link CalendarTable}). */
  public CalendarTable calendarTable() {
    if (calendar == null) throw new SqlRefused("business time without the definition's calendar");
    return new CalendarTable(dialect, calendar);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The zone the source's times are written in (the definition's: the engine refuses others). */
  public java.time.ZoneId zone() {
    return source.zone();
  }

  /** A column of the source's typed rows. */
  public String ref(String column) {
    if (source.column(column) == null)
      throw new SqlRefused("column '" + column + "' is not mapped under the source's columns");
    return dialect.quoteIdent(column);
  }

  public ValueType type(String column) {
    if (source.column(column) == null)
      throw new SqlRefused("column '" + column + "' is not mapped under the source's columns");
    return source.column(column).type();
  }

  /** A {@code where:}-style filter as an SQL condition ({@code TRUE} for no filter). */
  public String where(Filter f) {
    return SqlFilter.compile(f, this);
  }
}
