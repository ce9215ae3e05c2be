package dev.journeykpi.sql;

import dev.journeykpi.calc.Elapsed;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Elapsed time between a row's start and end in SQL, as {@link Elapsed} computes it on the default
 * engine: on the calendar clock, real elapsed time in the definition's zone (daylight saving
 * included); on the business clock, the calendar's working time through the {@link CalendarTable}.
 * Used by the duration and SLA types.
 *
 * <p>Business time needs a join, so a type first widens its rows with {@link #rows} (the column
 * {@value #BUSINESS} is added) and then reads {@link #seconds}.
 */
public final class ElapsedSql {
  /** The column of business seconds {@link #rows} adds. */
  public static final String BUSINESS = "kpi_business_seconds";

  /** The column {@link #rowsWithSoFar} adds: the latest start or end of the source's rows. */
  public static final String AS_OF = "kpi_as_of";

  /** The column of business seconds from the start to {@link #AS_OF}. */
  public static final String BUSINESS_SO_FAR = "kpi_business_so_far";

  private final SqlColumns c;
  private final String start;
  private final String end;
  private final boolean business;

  /**
   * @param start the start column (a date or date-time)
   * @param end the end column
   * @param business on the business calendar rather than the wall clock
   * @throws SqlRefused when start or end is not a date column
   */
  public ElapsedSql(SqlColumns c, String start, String end, boolean business) {
    if (!c.type(start).isTemporal() || !c.type(end).isTemporal())
      throw new SqlRefused("start and end must be date columns");
    this.c = c;
    this.start = start;
    this.end = end;
    this.business = business;
  }

  /** The start as a date-time. */
  public String a() {
    return c.dialect().cast(c.ref(start), Dialect.SqlType.TIMESTAMP);
  }

  /** The end as a date-time. */
  public String b() {
    return c.dialect().cast(c.ref(end), Dialect.SqlType.TIMESTAMP);
  }

  /** The rows, with the business seconds from start to end when on the business clock. */
  public String rows(String rows) {
    return business ? c.calendarTable().withBusinessSeconds(rows, a(), b(), BUSINESS) : rows;
  }

  /**
   * The rows with the moment open rows are judged at ({@value #AS_OF}: the latest start or end of
   * all the source's rows, where the export ends, as Elapsed.latest finds it) and, on the business
   * clock, the business seconds from start to end and from start to that moment.
   */
  public String rowsWithSoFar(String rows) {
    String asOf =
        "(SELECT "
            + NullSkipping.greatest("kpi_max_a", "kpi_max_b")
            + " FROM (SELECT max("
            + a()
            + ") AS kpi_max_a, max("
            + b()
            + ") AS kpi_max_b FROM "
            + rows
            + " AS kpi_all_rows) AS kpi_latest)";
    String widened =
        "(SELECT *, " + asOf + " AS " + AS_OF + " FROM " + rows + " AS kpi_rows_as_of)";
    if (!business) return widened;
    return c.calendarTable()
        .withBusinessSeconds(
            widened,
            List.of(
                new CalendarTable.Span(a(), b(), BUSINESS),
                new CalendarTable.Span(a(), AS_OF, BUSINESS_SO_FAR)));
  }

  /**
   * Seconds from the start to {@value #AS_OF} (a double; the rows must come from {@link
   * #rowsWithSoFar}), NULL without a start: how long an open row has waited so far. The moment is
   * never before the start, being the latest of all starts and ends.
   */
  public String secondsSoFar() {
    return business
        ? c.dialect().cast(BUSINESS_SO_FAR, Dialect.SqlType.DOUBLE)
        : "CASE WHEN " + a() + " IS NOT NULL THEN " + calendarSeconds(a(), AS_OF) + " END";
  }

  /**
   * Seconds from start to end (a double) when both are there and the end is not before the start
   * (judged on the clock, as Elapsed does, even on the business clock), else NULL.
   */
  public String seconds() {
    String elapsed =
        business ? c.dialect().cast(BUSINESS, Dialect.SqlType.DOUBLE) : calendarSeconds(a(), b());
    return "CASE WHEN " + b() + " >= " + a() + " THEN " + elapsed + " END";
  }

  /**
   * Whether {@link #seconds} can be below zero though the end is not before the start on the clock:
   * on the calendar clock in a zone that changed its offset, a start in a gap is read an hour later
   * (java.time's rule), so 02:30 → 03:10 on the day the clocks go forward is −20 minutes. The
   * duration type counts such a row with those ending before they start, as {@link
   * Elapsed#perRow}'s callers do with any negative seconds.
   */
  public boolean mayRunBackwards() {
    return !business && !LocalDateTime.MIN.equals(Elapsed.wallClockFrom(c.zone()));
  }

  /**
   * Real seconds from local date-time {@code a} to {@code b} in the zone, as {@link
   * Elapsed#between}: the wall clock's difference from the zone's last change of offset on (always,
   * for a zone that never changed), else through the zone's rules.
   */
  public String calendarSeconds(String a, String b) {
    Dialect d = c.dialect();
    // Whole milliseconds as a DOUBLE before dividing: on Trino a division by the literal 1000.0
    // would be a DECIMAL one, rounded to its scale.
    String wall = millisToSeconds(d, d.epochMillis(b) + " - " + d.epochMillis(a));
    LocalDateTime steady = Elapsed.wallClockFrom(c.zone());
    if (steady != null && steady.equals(LocalDateTime.MIN)) return wall;
    String zoned =
        millisToSeconds(
            d, d.epochMillisInZone(b, c.zone()) + " - " + d.epochMillisInZone(a, c.zone()));
    if (steady == null) return zoned; // daylight saving: every row through the zone's rules
    return "CASE WHEN "
        + a
        + " >= "
        + d.timestamp(steady)
        + " THEN "
        + wall
        + " ELSE "
        + zoned
        + " END";
  }

  /** A whole number of milliseconds in seconds, a DOUBLE (exact below 2^53 ms). */
  private static String millisToSeconds(Dialect d, String millis) {
    return "(" + d.cast("(" + millis + ")", Dialect.SqlType.DOUBLE) + " / 1000)";
  }
}
