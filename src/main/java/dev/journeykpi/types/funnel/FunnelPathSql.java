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
 * walked stage by stage in one CTE per stage, the walk's state (started, still going, the previous
 * stage's time) in columns, since each step depends on the one before.
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
  private final LocalDateTime wall;
  private final java.time.ZoneId zone;
  private final double divisor;
  private final int n;

  /** The breakdown: the group each copy of a row counts in, its key's columns. */
  private final FunnelGroups groups;

  /** The calendar's relations: business time and working-day windows. */
  private final FunnelCalendarSql times;

  /** Times between stages on the business clock (a funnel's, not a conversion's: it has none). */
  private final boolean business;

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
    this.business = business && def.from() == null;
    if ((this.business || workingDayWindow(def)) && calendar == null)
      throw new IllegalArgumentException("business time and working days need the calendar");
    this.def = def;
    this.kpi = s.kpi();
    this.d = s.dialect();
    this.c = s.columns();
    this.rows = s.rows();
    this.wall = wall;
    this.zone = s.zone();
    this.divisor = divisor;
    this.n = def.stages().size();
    this.times = new FunnelCalendarSql(def, d, calendar, this.business);
    this.groups = new FunnelGroups(d, c, kpi);
  }

  /** The breakdown's groups. */
  FunnelGroups groups() {
    return groups;
  }

  /** A date-time NULL, typed: a UNION's or VALUES' first row gives the column its type. */
  String nullTime() {
    return d.cast("NULL", SqlType.TIMESTAMP);
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
    // Stage values as FunnelLeads.stageIndex maps them (a value of two stages is the later's, a
    // lost outcome's wins): compared as kpi compares texts.
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
                + stage
                + " AS k FROM (SELECT DISTINCT raw FROM kpi_pop) AS kpi_raws\n")
        + ", kpi_typed AS (\n  SELECT kpi_sets.*,"
        + " coalesce(kpi_stage.k, -2) AS k FROM kpi_sets LEFT JOIN kpi_stage ON kpi_sets.raw ="
        + " kpi_stage.raw\n)";
  }

  /**
   * {@link #typed} and then each lead reduced and its path walked: {@code WITH … kpi_paths}, one
   * row per lead of each group (and of the total), for a select to follow.
   */
  String withPaths() {
    return typed() + times.calendar() + leads() + times.businessTimes() + paths();
  }

  private static boolean workingDayWindow(FunnelDef def) {
    return FunnelCalendarSql.workingDayWindow(def);
  }

  /** Each lead of each group (and of the total), reduced to what its path needs. */
  private String leads() {
    if (def.history()) {
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
            .append(
                d.cast(Aggregates.where("sum", stay, "k = " + k + " AND closed"), SqlType.DOUBLE))
            .append(" / 1000.0 AS ti")
            .append(k);
      }
      StringBuilder fs = new StringBuilder("CASE");
      for (int k = 0; k < n; k++)
        fs.append(" WHEN f").append(k).append(" = earliest THEN ").append(k);
      fs.append(" END");
      // One sort of each lead's rows, in FunnelLeads' order. A stay (consecutive rows of one stage)
      // lasts until the next row of another stage or outcome, and one that no such row follows is
      // still open: each row of a closed stay adds the time to the row after it, which adds up to
      // the stay. The windows are written out (a named WINDOW clause is not every engine's); no
      // NULL is ordered: t is never NULL here, rec is the row's number.
      String order =
          "PARTITION BY "
              + groups.keys()
              + ", ld ORDER BY t, CASE WHEN k < 0 THEN 2147483647 ELSE k END, rec";
      String later = "(" + order + " ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)";
      // Lost is the latest word: a lost row after the last stage row (at the same time, a lost
      // outcome comes after the stage), or a lost row and no stage row.
      String lastLost = Aggregates.where("max", "t", "k = -1");
      String lastStage = Aggregates.where("max", "t", "k >= 0");
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
          + "\n), kpi_lead0 AS (\n  SELECT "
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
          + agg
          + "\n  FROM (SELECT *, k >= 0 AND t_next IS NOT NULL AND moved AS closed FROM kpi_ev)"
          + " AS kpi_closed GROUP BY "
          + groups.keys()
          + ", ld\n"
          + "), kpi_lead AS (\n  SELECT *, "
          + fs
          + " AS fs, seen AS cohort FROM kpi_lead0\n)";
    }
    // Snapshot: a lead's first row of a known stage.
    StringBuilder furthest0 = new StringBuilder("CASE");
    for (int k = n - 1; k >= 0; k--)
      furthest0.append(" WHEN e").append(k).append(" IS NOT NULL THEN ").append(k);
    furthest0.append(" ELSE -1 END");
    StringBuilder cols = new StringBuilder();
    List<String> firsts = new ArrayList<>();
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
      firsts.add("e" + k);
    }
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
        + least(firsts)
        + ") AS cohort"
        + cols
        + " FROM kpi_first1\n)";
  }

  private boolean required(int k) {
    return !def.stages().get(k).optional();
  }

  /** The least of the non-null times (NULL when all are). */
  private String least(List<String> xs) {
    return xs.isEmpty() ? nullTime() : d.leastNonNull(xs);
  }

  /**
   * The larger of two stage indexes, neither ever NULL (furthest0 and k are CASEs with an ELSE), as
   * a CASE: greatest is not one spelling (Trino, BigQuery and Snowflake return NULL on a NULL).
   */
  private static String larger(String a, String b) {
    return "CASE WHEN " + a + " > " + b + " THEN " + a + " ELSE " + b + " END";
  }

  /**
   * The paths, as {@link FunnelPaths#reach}: the stages known and their times filled in (closed
   * forms of its backward loop), then the forward walk, one CTE per stage.
   */
  private String paths() {
    String midway = def.history() ? "coalesce(fs, 0) > 0" : "FALSE";
    String start =
        def.history() && !def.midwayFill() ? "CASE WHEN " + midway + " THEN fs ELSE 0 END" : "0";
    StringBuilder known = new StringBuilder();
    for (int k = 0; k < n; k++) {
      known
          .append(", ")
          .append(k)
          .append(" >= st AND (f")
          .append(k)
          .append(" IS NOT NULL OR u")
          .append(k)
          .append(") AS kn")
          .append(k);
      known
          .append(", CASE WHEN ")
          .append(k)
          .append(" >= st THEN f")
          .append(k)
          .append(" END AS a")
          .append(k);
    }
    // Filled in: with fill, a required stage with a known later one is passed at the earliest known
    // time from it on; with entered_midway: fill, a required stage before the first seen one at
    // that
    // first entry.
    StringBuilder filled = new StringBuilder();
    StringBuilder fsTime = new StringBuilder("CASE fs");
    for (int k = 0; k < n; k++) fsTime.append(" WHEN ").append(k).append(" THEN f").append(k);
    fsTime.append(" END");
    for (int k = 0; k < n; k++) {
      List<String> later = new ArrayList<>(), fromHere = new ArrayList<>();
      fromHere.add("a" + k);
      for (int j = k + 1; j < n; j++) {
        later.add("kn" + j);
        fromHere.add("a" + j);
      }
      String laterKnown = later.isEmpty() ? "FALSE" : "(" + String.join(" OR ", later) + ")";
      String fill;
      if (def.fill() && required(k)) {
        fill = "(" + k + " >= st AND " + laterKnown + ")";
        filled.append(", kn").append(k).append(" OR ").append(fill).append(" AS kk").append(k);
        filled
            .append(", CASE WHEN ")
            .append(fill)
            .append(" THEN ")
            .append(least(fromHere))
            .append(" ELSE a")
            .append(k)
            .append(" END AS at")
            .append(k);
      } else if (!def.fill() && required(k) && def.history() && def.midwayFill()) {
        fill = "(midway AND " + k + " < fs)";
        filled.append(", kn").append(k).append(" OR ").append(fill).append(" AS kk").append(k);
        filled
            .append(", CASE WHEN ")
            .append(fill)
            .append(" THEN ")
            .append(fsTime)
            .append(" ELSE a")
            .append(k)
            .append(" END AS at")
            .append(k);
      } else {
        filled
            .append(", kn")
            .append(k)
            .append(" AS kk")
            .append(k)
            .append(", a")
            .append(k)
            .append(" AS at")
            .append(k);
      }
    }
    StringBuilder next = new StringBuilder();
    for (int k = 0; k < n; k++) {
      List<String> later = new ArrayList<>();
      for (int j = k + 1; j < n; j++) later.add("at" + j);
      next.append(", ").append(least(later)).append(" AS nx").append(k);
    }
    StringBuilder out = new StringBuilder();
    out.append(",\nkpi_known AS (\n  SELECT *, ")
        .append(midway)
        .append(" AS midway, ")
        .append(start)
        .append(" AS st FROM ")
        .append(times.leadRelation())
        .append("\n), kpi_known1 AS (\n  SELECT *")
        .append(known)
        .append(" FROM kpi_known\n), kpi_filled AS (\n  SELECT *")
        .append(filled)
        .append(" FROM kpi_known1\n)")
        .append(workingDayWindow(def) ? times.windowEnds() : "")
        .append(", ")
        .append(
            d.stepCte(
                "kpi_walk",
                "\n  SELECT *"
                    + next
                    + ", TRUE AS go0, FALSE AS sd0, "
                    + nullTime()
                    + " AS pv0"
                    + (workingDayWindow(def) ? ", " + nullTime() + " AS pw0" : "")
                    + " FROM "
                    + (workingDayWindow(def) ? "kpi_windows" : "kpi_filled")
                    + "\n"));
    // The walk: a stage the lead cannot skip and did not reach ends it; a skippable stage entered
    // before the previous one on the path or after the next known one is a return, not a step; a
    // step backwards in time or slower than the window ends it. The walk's state before stage k is
    // go<k> (still going), sd<k> (started), pv<k> (the previous stage's time): new columns at each
    // step, since replacing a column in SELECT * is not every engine's. Each step reads the state
    // before it in several expressions: a step CTE (Dialect.stepCte) keeps an engine that would
    // substitute them into each other (PostgreSQL) from growing them exponentially.
    String prev = "kpi_walk";
    for (int k = 0; k < n; k++) {
      String at = "at" + k;
      String go = "go" + k, sd = "sd" + k, pv = "pv" + k;
      boolean skippable = def.skippable(k);
      String back =
          skippable
              ? "("
                  + at
                  + " IS NOT NULL AND (("
                  + pv
                  + " IS NOT NULL AND "
                  + at
                  + " < "
                  + pv
                  + ") OR (nx"
                  + k
                  + " IS NOT NULL AND "
                  + at
                  + " > nx"
                  + k
                  + ")))"
              : "FALSE";
      String step = step(pv, at, "pw" + k);
      String reached =
          "("
              + go
              + " AND kk"
              + k
              + " AND (NOT "
              + sd
              + " OR (NOT "
              + back
              + " AND "
              + step
              + ")))";
      String stop =
          "("
              + go
              + " AND "
              + sd
              + " AND ("
              + (skippable ? "FALSE" : "NOT kk" + k)
              + " OR (kk"
              + k
              + " AND NOT "
              + back
              + " AND NOT "
              + step
              + ")))";
      String name = "kpi_walk" + k;
      StringBuilder walk = new StringBuilder("\n  SELECT *, ");
      walk.append(go)
          .append(" AND NOT coalesce(")
          .append(stop)
          .append(", FALSE) AS go")
          .append(k + 1)
          .append(", ")
          .append(sd)
          .append(" OR coalesce(r")
          .append(k)
          .append(", FALSE) AS sd")
          .append(k + 1)
          .append(", CASE WHEN r")
          .append(k)
          .append(" AND ")
          .append(at)
          .append(" IS NOT NULL THEN ")
          .append(at)
          .append(" ELSE ")
          .append(pv)
          .append(" END AS pv")
          .append(k + 1);
      // The window's end from the previous stage on the path, carried as its time is.
      if (workingDayWindow(def))
        walk.append(", CASE WHEN r")
            .append(k)
            .append(" AND ")
            .append(at)
            .append(" IS NOT NULL THEN we")
            .append(k)
            .append(" ELSE pw")
            .append(k)
            .append(" END AS pw")
            .append(k + 1);
      walk.append(" FROM (SELECT *, coalesce(")
          .append(reached)
          .append(", FALSE) AS r")
          .append(k)
          .append(" FROM ")
          .append(prev)
          .append(") AS kpi_step")
          .append(k)
          .append("\n");
      out.append(", ").append(d.stepCte(name, walk.toString()));
      prev = name;
    }
    StringBuilder furthest = new StringBuilder("CASE");
    for (int k = n - 1; k >= 0; k--)
      furthest.append(" WHEN r").append(k).append(" THEN ").append(k);
    furthest.append(" ELSE -1 END");
    StringBuilder conv = new StringBuilder();
    for (int k = 0; k < n; k++) {
      List<String> later = new ArrayList<>();
      StringBuilder fn = new StringBuilder("CASE");
      for (int j = k + 1; j < n; j++) {
        later.add("r" + j);
        fn.append(" WHEN r").append(j).append(" THEN f").append(j);
      }
      fn.append(later.isEmpty() ? " WHEN FALSE THEN " + nullTime() + " END" : " END");
      // On the business clock, the working seconds before that next stage's entry, likewise.
      StringBuilder bn = new StringBuilder("CASE");
      for (int j = k + 1; j < n; j++) bn.append(" WHEN r").append(j).append(" THEN bu").append(j);
      bn.append(
          later.isEmpty() ? " WHEN FALSE THEN " + d.cast("NULL", SqlType.BIGINT) + " END" : " END");
      conv.append(", r")
          .append(k)
          .append(" AND ")
          .append(later.isEmpty() ? "FALSE" : "(" + String.join(" OR ", later) + ")")
          .append(" AS cv")
          .append(k);
      conv.append(", ").append(fn).append(" AS fn").append(k);
      if (business) conv.append(", ").append(bn).append(" AS bn").append(k);
    }
    int last = n - 1;
    out.append(", kpi_path AS (\n  SELECT *, ")
        .append(furthest)
        .append(" AS furthest")
        .append(conv)
        .append(" FROM ")
        .append(prev)
        .append("\n), kpi_paths AS (\n  SELECT *, lost AND furthest >= 0 AND f")
        .append(last)
        .append(" IS NULL AND NOT u")
        .append(last)
        .append(" AS lost_at_furthest, CASE furthest");
    for (int k = 0; k < n; k++) out.append(" WHEN ").append(k).append(" THEN at").append(k);
    out.append(" END AS at_furthest");
    // Each lead's time to the next stage, in the unit, once (the counts read it three times).
    for (int k = 0; k < n && def.from() == null; k++)
      out.append(", CASE WHEN cv")
          .append(k)
          .append(" AND f")
          .append(k)
          .append(" IS NOT NULL AND fn")
          .append(k)
          .append(" IS NOT NULL AND fn")
          .append(k)
          .append(" >= f")
          .append(k)
          .append(" THEN (")
          .append(
              business
                  ? d.cast("bn" + k + " - bu" + k, SqlType.DOUBLE)
                  : seconds("f" + k, "fn" + k))
          .append(") / ")
          .append(divisor)
          .append(" END AS tn")
          .append(k);
    out.append(" FROM kpi_path\n)");
    return out.toString();
  }

  /**
   * Whether entering b after a counts as the step (FunnelPaths.step): within a window in calendar
   * time, or of working days ending at {@code windowEnd} (a's window's end, {@link #windowEnds}).
   */
  private String step(String a, String b, String windowEnd) {
    String none = def.window() == null ? "TRUE" : "FALSE";
    String within =
        def.window() == null
            ? "TRUE"
            : workingDayWindow(def)
                ? b + " <= " + windowEnd
                : b + " <= " + d.plusSeconds(a, def.window().seconds());
    return "(CASE WHEN "
        + a
        + " IS NULL OR "
        + b
        + " IS NULL THEN "
        + none
        + " WHEN "
        + b
        + " < "
        + a
        + " THEN FALSE ELSE "
        + within
        + " END)";
  }

  /**
   * Seconds from a to b as Elapsed.between counts them in calendar time: whole milliseconds (an
   * exact difference), divided as a DOUBLE (an integer or NUMERIC division on some engines).
   */
  private String seconds(String a, String b) {
    String plain = millisToSeconds(d.epochMillis(b) + " - " + d.epochMillis(a));
    if (wall != null && wall.equals(LocalDateTime.MIN)) return plain;
    // Before the zone's last change of offset (always, in a zone with daylight saving), real
    // elapsed time through the zone's rules, read as java.time's atZone reads a local time (the
    // hook's contract). A time in the spring gap is read an hour later, so 02:30 → 03:10 on that
    // day is −20 minutes, and the default engine (Elapsed.between) keeps that negative time among
    // the times to the next stage: no filter here either.
    String zoned =
        millisToSeconds(d.epochMillisInZone(b, zone) + " - " + d.epochMillisInZone(a, zone));
    if (wall == null) return zoned;
    return "CASE WHEN "
        + a
        + " >= "
        + d.timestamp(wall)
        + " THEN "
        + plain
        + " ELSE "
        + zoned
        + " END";
  }

  private String millisToSeconds(String millis) {
    return d.cast(millis, SqlType.DOUBLE) + " / 1000.0";
  }
}
