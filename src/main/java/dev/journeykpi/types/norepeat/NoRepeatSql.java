package dev.journeykpi.types.norepeat;

import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.CalendarTable;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.KpiQuery;
import dev.journeykpi.sql.OwnQuerySql;
import dev.journeykpi.sql.PeriodRowsQuery;
import dev.journeykpi.sql.PeriodRowsSql;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlRefused;
import dev.journeykpi.sql.SqlSource;
import java.util.List;

/**
 * {@code no_repeat} on the SQL engines. Each contact's outcome is decided over the whole population
 * (its {@code where:}), in every period, as {@link NoRepeatMeasurer} decides it: the customer's
 * next contact by {@code lead} over the customer's contacts in time order, then in the export's
 * order (the later row of two at the same moment is the repeat); a repeat when it comes within the
 * window (its end included); not judged yet when the window ends after the population's latest
 * time; no customer when the customer (or the time) is blank. The period's contacts are then
 * aggregated like any type measured over the rows dated in the period ({@link PeriodRowsQuery}),
 * and the measure is the measurer's.
 *
 * <p>A window of N working days ends, as {@link
 * dev.journeykpi.calc.BusinessCalendar#plusWorkingDays} has it, on the N-th working day after the
 * contact's date (that date not counted, whether or not it is worked) at the contact's time of day:
 * the calendar table ({@link CalendarTable}) is joined twice, at the contact's date and at the
 * working day whose working-day number is N more.
 */
final class NoRepeatSql implements OwnQuerySql {
  private static final int RESOLVED = 1, REPEATED = 2, NOT_YET = 3, NO_CUSTOMER = 4;

  private final KpiDef kpi;
  private final NoRepeatSpec spec;

  NoRepeatSql(KpiDef kpi, NoRepeatSpec spec) {
    this.kpi = kpi;
    this.spec = spec;
  }

  @Override
  public KpiQuery compile(SqlSource source) {
    SqlColumns c = source.columns();
    ValueType customerType = c.type(spec.customer());
    if (customerType != ValueType.STRING && customerType != ValueType.NUMBER)
      throw new SqlRefused(
          "a customer column that is neither text nor a number (" + spec.customer() + ")");
    if (kpi.time() == null || !c.type(kpi.time()).isTemporal())
      throw new SqlRefused("a no_repeat KPI without a date or date-time time column");
    NoRepeatMeasurer measurer =
        new NoRepeatMeasurer(
            spec.customer(), kpi.time(), spec.window(), kpi.where(), spec.judged(), null);
    PeriodRowsSql template =
        new PeriodRowsSql() {
          @Override
          public List<Aggregate> aggregates(SqlColumns cs) {
            String judged = "coalesce(" + cs.where(spec.judged()) + ", FALSE)";
            return List.of(
                outcome("resolved", judged, RESOLVED),
                outcome("repeated", judged, REPEATED),
                outcome("not_yet", judged, NOT_YET),
                outcome("no_customer", judged, NO_CUSTOMER),
                new Aggregate("judged", Aggregates.countWhere(judged)));
          }

          @Override
          public Measure measure(Values v) {
            return measurer.result(
                v.count("resolved"),
                v.count("repeated"),
                v.count("not_yet"),
                v.count("no_customer"),
                v.count("judged"));
          }
        };
    return new PeriodRowsQuery(
        source.dialect(), kpi, source.source(), template, withOutcomes(source));
  }

  private static PeriodRowsSql.Aggregate outcome(String name, String judged, int outcome) {
    return new PeriodRowsSql.Aggregate(
        name, Aggregates.countWhere(judged + " AND kpi_outcome = " + outcome));
  }

  /**
   * The source's rows, each with its outcome ({@code kpi_outcome}): rows outside the population
   * have one too, never measured (the period query keeps the population only).
   */
  private String withOutcomes(SqlSource source) {
    SqlColumns c = source.columns();
    Dialect d = source.dialect();
    String t =
        c.type(kpi.time()) == ValueType.DATE
            ? d.cast(c.ref(kpi.time()), Dialect.SqlType.TIMESTAMP)
            : c.ref(kpi.time());
    String customer = c.ref(spec.customer());
    String windowEnd =
        spec.window().isWorkingDays()
            ? "kpi_window_end"
            : d.plusSeconds("kpi_time", spec.window().seconds());
    // Blank as the default engine's KeyNumbering sees it (String.isBlank, Dialect.isBlank): the
    // import trims spaces and tabs only, which leaves line breaks and Unicode's other white space.
    String blank = c.type(spec.customer()) == ValueType.STRING ? " OR " + d.isBlank(customer) : "";
    return "(SELECT *, CASE WHEN NOT kpi_in OR kpi_time IS NULL OR "
        + customer
        + " IS NULL"
        + blank
        + " THEN "
        + NO_CUSTOMER
        + " WHEN kpi_next <= "
        + windowEnd
        + " THEN "
        + REPEATED
        + " WHEN "
        + windowEnd
        + " > kpi_as_of THEN "
        + NOT_YET
        + " ELSE "
        + RESOLVED
        + " END AS kpi_outcome\n  FROM (SELECT *, lead(kpi_time) OVER (PARTITION BY kpi_in, "
        + customer
        + " ORDER BY kpi_time NULLS LAST, kpi_record) AS kpi_next,"
        + " max(CASE WHEN kpi_in THEN kpi_time END) OVER () AS kpi_as_of\n    FROM (SELECT *, "
        + t
        + " AS kpi_time, coalesce("
        + c.where(kpi.where())
        + ", FALSE) AS kpi_in FROM "
        + (spec.window().isWorkingDays() ? withWorkingDayWindowEnds(source, t) : source.rows())
        + " AS kpi_rows) AS kpi_timed) AS kpi_next_contacts)";
  }

  /**
   * The source's rows with {@code kpi_window_end}: the contact's time of day on the N-th working
   * day after its date (NULL without a time), through the calendar table over the dates from the
   * first contact's to far enough after the last one's ({@link CalendarTable#daysToReach}).
   */
  private String withWorkingDayWindowEnds(SqlSource source, String time) {
    CalendarTable calendar = source.columns().calendarTable();
    int n = spec.window().workingDays();
    Dialect d = source.dialect();
    String date = d.cast(time, Dialect.SqlType.DATE);
    return "(WITH kpi_calendar AS "
        + calendar.relation(
            "(SELECT min(" + date + ") FROM " + source.rows() + " AS kpi_all_rows)",
            "(SELECT "
                + d.plusDays("max(" + date + ")", String.valueOf(calendar.daysToReach(n)))
                + " FROM "
                + source.rows()
                + " AS kpi_all_rows)")
        // The contact's moment moved by whole days to the window's last day: its time of day kept.
        + "\nSELECT kpi_rows.*, "
        + d.timestampPlusDays(
            "kpi_rows.kpi_t",
            d.daysBetween(d.cast("kpi_rows.kpi_t", Dialect.SqlType.DATE), "kpi_end.kpi_day"))
        + " AS kpi_window_end"
        + "\nFROM (SELECT *, "
        + time
        + " AS kpi_t FROM "
        + source.rows()
        + " AS kpi_all_rows) AS kpi_rows"
        + "\n  LEFT JOIN kpi_calendar AS kpi_from ON kpi_from.kpi_day = "
        + d.cast("kpi_rows.kpi_t", Dialect.SqlType.DATE)
        + "\n  LEFT JOIN kpi_calendar AS kpi_end ON "
        + calendar.workingDaysAfter("kpi_from", n, "kpi_end")
        + ")";
  }
}
