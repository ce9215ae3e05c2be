package dev.journeykpi.types.funnel;

import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.CalendarTable;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialect.SqlType;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a funnel's leads and their paths, written to give what {@link FunnelLeads} and {@link
 * FunnelPaths} give, rule for rule: the relations ({@code WITH …}) that {@link FunnelCountSql}'s
 * selects count.
 *
 * <p>Every population row is taken once for each group it counts in, its breakdown group, each
 * roll-up level above it and the total ({@link FunnelGroups}), since a lead's rows in a group are
 * that group's history of it. A history's rows are ordered per lead as FunnelLeads orders them
 * (time, then stage order with a lost outcome last, then file order); consecutive rows of one stage
 * are one stay, lasting until the next row. The per-lead reduction is one GROUP BY (first entry per
 * stage by a conditional {@code min}, the stays summed, the lost outcome that stands). The path is
 * then walked stage by stage by {@link FunnelWalkSql}, in one CTE per stage, the walk's state
 * (started, still going, the previous stage's time) in columns, since each step depends on the one
 * before.
 *
 * <p>Lead columns: {@code f<k>} first entry into stage k, {@code u<k>} stage k reached without a
 * date (snapshot), {@code ti<k>} seconds in stage k, {@code fs} the stage first seen at (history),
 * {@code lost} whether lost is the lead's latest word, {@code cohort} when it joined the funnel.
 * Path columns: {@code a<k>} the time of stage k on the path (filled in), {@code r<k>} reached,
 * {@code furthest}, {@code midway}, {@code tn<k>} the time from stage k to the next one reached.
 *
 * <p>Written once for every engine (issue 17): conditional aggregates as {@link Aggregates} writes
 * them, no {@code QUALIFY}, {@code * REPLACE} or named windows, every subquery named, what differs
 * behind the {@link Dialect}'s hooks (casts, intervals, the least of nullable times, a materialised
 * CTE, epoch milliseconds in a zone).
 */
final class FunnelPathSql {
  private final FunnelDef def;
  private final KpiDef kpi;
  private final Dialect d;
  private final SqlColumns c;
  private final String rows;
  private final int n;

  /** The breakdown: the group each copy of a row counts in, its key's columns. */
  private final FunnelGroups groups;

  /** The calendar's relations: business time and working-day windows. */
  private final FunnelCalendarSql times;

  /** The walk of the stages over the leads, and what each path gives. */
  private final FunnelWalkSql walk;

  /**
   * @param wall the local time from which wall-clock differences are elapsed time ({@link
   *     dev.journeykpi.calc.Elapsed#wallClockFrom}); null for a zone with daylight saving, where
   *     every difference goes through the zone's rules
   * @param calendar the definition's calendar table, for times between stages on the business clock
   *     and a {@code within:} window of working days; null when the funnel has neither
   * @param business the times between stages in the calendar's working time
   * @param divisor seconds in the unit of the times between stages
   */
  FunnelPathSql(
      FunnelDef def,
      SqlSource s,
      LocalDateTime wall,
      CalendarTable calendar,
      boolean business,
      double divisor) {
    // A conversion counts leads only: no times between stages to measure.
    business = business && def.from() == null;
    if ((business || FunnelCalendarSql.workingDayWindow(def)) && calendar == null)
      throw new IllegalArgumentException("business time and working days need the calendar");
    this.def = def;
    this.kpi = s.kpi();
    this.d = s.dialect();
    this.c = s.columns();
    this.rows = s.rows();
    this.n = def.stages().size();
    this.times = new FunnelCalendarSql(def, d, calendar, business);
    this.groups = new FunnelGroups(d, c, kpi);
    this.walk = new FunnelWalkSql(def, d, times, business, wall, s.zone(), divisor);
  }

  /** The breakdown's groups. */
  FunnelGroups groups() {
    return groups;
  }

  /** A date-time NULL, typed: a UNION's or VALUES' first row gives the column its type. */
  String nullTime() {
    return nullTime(d);
  }

  /**
   * The population's rows, once per group they count in, each with its stage index: {@code WITH
   * kpi_pop … kpi_typed}, for a select to follow.
   */
  String typed() {
    String time = kpi.time() == null ? nullTime() : d.cast(c.ref(kpi.time()), SqlType.TIMESTAMP);
    StringBuilder cols = new StringBuilder();
    cols.append("kpi_record AS rec, ")
        .append(c.ref(def.lead()))
        .append(" AS ld, ")
        .append(c.ref(def.stageColumn()))
        .append(" AS raw, ")
        .append(time)
        .append(" AS t, ")
        .append(groups.values());
    if (!def.history())
      for (int k = 0; k < n; k++) {
        String e = def.stages().get(k).entered();
        cols.append(", ")
            .append(e == null ? nullTime() : d.cast(c.ref(e), SqlType.TIMESTAMP))
            .append(" AS e")
            .append(k);
      }
    String pop = "SELECT " + cols + " FROM " + rows + " WHERE " + c.where(kpi.where());
    // Each row copied into every group it counts in, the group's key first.
    List<String> rest = new ArrayList<>(List.of("rec", "ld", "raw", "t"));
    if (!def.history()) for (int k = 0; k < n; k++) rest.add("e" + k);
    String sets = groups.sets(rest);
    return "WITH kpi_pop AS (\n  "
        + pop
        + "\n), kpi_sets AS (\n  "
        + sets
        + "\n), "
        // Each distinct value mapped once (normalising a million cells took seconds), then joined.
        + d.materializedCte(
            "kpi_stage",
            "\n  SELECT raw, "
                + stageIndex()
                + " AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws\n")
        + ", kpi_typed AS (\n  SELECT kpi_sets.*,"
        + " coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw ="
        + " kpi_stage.raw\n)";
  }

  /**
   * A raw stage value's index, as FunnelLeads.stageIndex maps them (a value of two stages is the
   * later's, a lost outcome's wins: -1; any other value -2): compared as kpi compares texts.
   */
  private String stageIndex() {
    StringBuilder stage = new StringBuilder("CASE " + d.lowerNfc("raw"));
    // In stage order, the lost outcomes last, for a reader of kpi sql (each value is one WHEN).
    FunnelLeads.stageIndex(def).entrySet().stream()
        .sorted(
            java.util.Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue() < 0)
                .thenComparing(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey))
        .forEach(
            e ->
                stage
                    .append(" WHEN ")
                    .append(d.literal(e.getKey()))
                    .append(" THEN ")
                    .append(e.getValue()));
    stage.append(" ELSE -2 END");
    return stage.toString();
  }

  /**
   * {@link #typed} and then each lead reduced and its path walked: {@code WITH … kpi_paths}, one
   * row per lead of each group (and of the total), for a select to follow.
   */
  String withPaths() {
    return typed() + times.calendar() + leads() + times.businessTimes() + walk.paths();
  }

  /** Each lead of each group (and of the total), reduced to what its path needs. */
  private String leads() {
    return def.history() ? historyLeads() : snapshotLeads();
  }

  /**
   * A history's leads: its rows sorted per lead ({@link #historyRows}), then one GROUP BY per lead
   * (first entry per stage, the stays summed, the lost outcome that stands), then the stage it was
   * first seen at.
   */
  private String historyLeads() {
    StringBuilder fs = new StringBuilder("CASE");
    for (int k = 0; k < n; k++)
      fs.append(" WHEN f").append(k).append(" = earliest THEN ").append(k);
    fs.append(" END");
    // Lost is the latest word: a lost row after the last stage row (at the same time, a lost
    // outcome comes after the stage), or a lost row and no stage row.
    String lastLost = Aggregates.where("max", "t", "k = -1");
    String lastStage = Aggregates.where("max", "t", "k >= 0");
    return historyRows()
        + ", kpi_lead0 AS (\n  SELECT "
        + groups.keys()
        + ", ld, min(t) AS seen, "
        + Aggregates.where("min", "t", "k >= 0")
        + " AS earliest,"
        + "\n    coalesce("
        + lastLost
        + " >= "
        + lastStage
        + ", "
        + lastLost
        + " IS NOT NULL) AS lost"
        + historyStageColumns()
        + "\n  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev)"
        + " AS kpi_closed GROUP BY "
        + groups.keys()
        + ", ld\n"
        + "), kpi_lead AS (\n  SELECT *, "
        + fs
        + " AS fs, seen AS cohort FROM kpi_lead0\n)";
  }

  /**
   * One sort of each lead's rows, in FunnelLeads' order ({@code kpi_ev}): each row with the next
   * row's time and whether the lead moves on after it. A stay (consecutive rows of one stage) lasts
   * until the next row of another stage or outcome, and one that no such row follows is still open:
   * each row of a closed stay adds the time to the row after it, which adds up to the stay. The
   * windows are written out (a named WINDOW clause is not every engine's); no NULL is ordered: t is
   * never NULL here, rec is the row's number.
   */
  private String historyRows() {
    String order =
        "PARTITION BY "
            + groups.keys()
            + ", ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec";
    String later = "(" + order + " ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)";
    return ",\nkpi_ev AS (\n  SELECT "
        + groups.keys()
        + ", ld, k, t, lead(t) OVER ("
        + order
        + ") AS t_next,\n    (max(k) OVER "
        + later
        + ") IS DISTINCT FROM k OR (min(k) OVER "
        + later
        + ") IS DISTINCT FROM k AS moved"
        + "\n  FROM kpi_typed WHERE ld IS NOT NULL AND t IS NOT NULL AND k >= -1"
        + "\n)";
  }

  /** A history lead's stage columns: its first entry into each stage and its stays summed. */
  private String historyStageColumns() {
    StringBuilder agg = new StringBuilder();
    for (int k = 0; k < n; k++) {
      agg.append(",\n    ")
          .append(Aggregates.where("min", "t", "k = " + k))
          .append(" AS f")
          .append(k);
      agg.append(",\n    FALSE AS u").append(k);
      // Whole milliseconds summed (exact), then made seconds as a DOUBLE: the sum's type is an
      // integer of some width or a NUMERIC, which a division would keep on some engines.
      String stay = d.epochMillis("t_next") + " - " + d.epochMillis("t");
      agg.append(",\n    ")
          .append(d.cast(Aggregates.where("sum", stay, "k = " + k + " AND closed"), SqlType.DOUBLE))
          .append(" / 1000.0 AS ti")
          .append(k);
    }
    return agg.toString();
  }

  /**
   * A snapshot's leads: a lead's first row of a known stage (by its number in the file), with the
   * furthest stage it dated, its entries and the stages reached without a date.
   */
  private String snapshotLeads() {
    StringBuilder furthest0 = new StringBuilder("CASE");
    for (int k = n - 1; k >= 0; k--)
      furthest0.append(" WHEN e").append(k).append(" IS NOT NULL THEN ").append(k);
    furthest0.append(" ELSE -1 END");
    List<String> firsts = new ArrayList<>();
    for (int k = 0; k < n; k++) firsts.add("e" + k);
    // The first row per lead by its number in the file (a subquery: QUALIFY is not every engine's).
    return ",\nkpi_first AS (\n  SELECT * FROM (SELECT *, "
        + furthest0
        + " AS furthest0, row_number() OVER (PARTITION BY "
        + groups.keys()
        + ", ld ORDER BY rec) AS kpi_place"
        + "\n  FROM kpi_typed WHERE ld IS NOT NULL AND k >= -1) AS kpi_first0 WHERE kpi_place = 1\n"
        + "), kpi_first1 AS (\n  SELECT *, CASE WHEN k >= 0 THEN "
        + larger("furthest0", "k")
        + " ELSE "
        + larger("furthest0", "0")
        + " END AS furthest FROM kpi_first\n"
        + "), kpi_lead AS (\n  SELECT "
        + groups.keys()
        + ", ld, k = -1 AS lost, "
        + d.cast("NULL", SqlType.INTEGER)
        + " AS fs, coalesce(t, "
        + least(d, firsts)
        + ") AS cohort"
        + snapshotStageColumns()
        + " FROM kpi_first1\n)";
  }

  /**
   * A snapshot lead's stage columns: its entry into each stage, whether it reached the stage
   * without a date, and no time in the stage (a snapshot has no stays).
   */
  private String snapshotStageColumns() {
    StringBuilder cols = new StringBuilder();
    for (int k = 0; k < n; k++) {
      boolean required = !def.stages().get(k).optional();
      cols.append(", e").append(k).append(" AS f").append(k);
      // Reached without a date: the current stage (a lost lead: the furthest dated stage, else the
      // first), and with fill, a required stage before the furthest.
      cols.append(", e")
          .append(k)
          .append(" IS NULL AND (k = ")
          .append(k)
          .append(" OR (k = -1 AND ")
          .append(larger("furthest0", "0"))
          .append(" = ")
          .append(k)
          .append(")")
          .append(def.fill() && required ? " OR " + k + " < furthest" : "")
          .append(") AS u")
          .append(k);
      cols.append(", ").append(d.cast("NULL", SqlType.DOUBLE)).append(" AS ti").append(k);
    }
    return cols.toString();
  }

  /** A date-time NULL, typed: a UNION's or VALUES' first row gives the column its type. */
  static String nullTime(Dialect d) {
    return d.cast("NULL", SqlType.TIMESTAMP);
  }

  /** The least of the non-null times (NULL when all are, or there are none). */
  static String least(Dialect d, List<String> xs) {
    return xs.isEmpty() ? nullTime(d) : d.leastNonNull(xs);
  }

  /**
   * The larger of two stage indexes, neither ever NULL (furthest0 and k are CASEs with an ELSE), as
   * a CASE: greatest is not one spelling (Trino, BigQuery and Snowflake return NULL on a NULL).
   */
  private static String larger(String a, String b) {
    return "CASE WHEN " + a + " > " + b + " THEN " + a + " ELSE " + b + " END";
  }
}
