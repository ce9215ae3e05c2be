package dev.journeykpi.types.funnel;

import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialect.SqlType;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk of a funnel's stages in SQL, as {@link FunnelPaths#reach} walks them, over the leads
 * {@link FunnelPathSql} reduces: the stages known and their times filled in (closed forms of its
 * backward loop), then the forward walk, one CTE per stage, then what a path gives (the furthest
 * stage, the conversions, the times to the next stage). {@link FunnelCountSql}'s selects count it.
 *
 * <p>Its CTEs, in order: {@code kpi_known}/{@code kpi_known1} (where the path starts, the stages
 * known: {@code kn<k>}, {@code a<k>}), {@code kpi_filled} (filled in: {@code kk<k>}, {@code
 * at<k>}), {@code kpi_windows} for a window of working days ({@link FunnelCalendarSql#windowEnds}),
 * {@code kpi_walk}, {@code kpi_walk<k>} (one step each: {@code r<k>} reached, the state after it),
 * {@code kpi_path} and {@code kpi_paths}.
 */
final class FunnelWalkSql {
  private final FunnelDef def;
  private final Dialect d;
  private final int n;

  /** The calendar's relations: the leads' working seconds, the working-day windows' ends. */
  private final FunnelCalendarSql times;

  /** Times between stages on the business clock. */
  private final boolean business;

  /** See {@link FunnelPathSql}'s constructor: where wall-clock differences are elapsed time. */
  private final LocalDateTime wall;

  private final ZoneId zone;

  /** Seconds in the unit of the times between stages. */
  private final double divisor;

  FunnelWalkSql(
      FunnelDef def,
      Dialect d,
      FunnelCalendarSql times,
      boolean business,
      LocalDateTime wall,
      ZoneId zone,
      double divisor) {
    this.def = def;
    this.d = d;
    this.n = def.stages().size();
    this.times = times;
    this.business = business;
    this.wall = wall;
    this.zone = zone;
    this.divisor = divisor;
  }

  /** The paths: {@code , kpi_known … kpi_paths}, one row per lead, after the leads' relations. */
  String paths() {
    StringBuilder out = new StringBuilder();
    out.append(known()).append(filled()).append(walkStart());
    String prev = "kpi_walk";
    for (int k = 0; k < n; k++) {
      String name = "kpi_walk" + k;
      out.append(", ").append(d.stepCte(name, step(k, prev)));
      prev = name;
    }
    return out.append(path(prev)).append(pathTimes()).toString();
  }

  /**
   * Where the path starts ({@code st}: a lead first seen midway starts there, unless its stages
   * before are filled in) and the stages known from it on, with their times.
   */
  private String known() {
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
    return ",\nkpi_known AS (\n  SELECT *, "
        + midway
        + " AS midway, "
        + start
        + " AS st FROM "
        + times.leadRelation()
        + "\n), kpi_known1 AS (\n  SELECT *"
        + known
        + " FROM kpi_known\n)";
  }

  /**
   * The stages filled in: with fill, a required stage with a known later one is passed at the
   * earliest known time from it on; with entered_midway: fill, a required stage before the first
   * seen one at that first entry. For a window of working days, each stage's window end after.
   */
  private String filled() {
    StringBuilder filled = new StringBuilder();
    for (int k = 0; k < n; k++) {
      String fill = null, time = null;
      if (def.fill() && required(k)) {
        fill = "(" + k + " >= st AND " + anyOf(later("kn", k), "FALSE") + ")";
        List<String> fromHere = new ArrayList<>(List.of("a" + k));
        fromHere.addAll(later("a", k));
        time = least(fromHere);
      } else if (!def.fill() && required(k) && def.history() && def.midwayFill()) {
        fill = "(midway AND " + k + " < fs)";
        time = firstSeenTime();
      }
      if (fill == null) filled.append(", kn").append(k).append(" AS kk").append(k);
      else filled.append(", kn").append(k).append(" OR ").append(fill).append(" AS kk").append(k);
      if (fill == null) filled.append(", a").append(k).append(" AS at").append(k);
      else
        filled
            .append(", CASE WHEN ")
            .append(fill)
            .append(" THEN ")
            .append(time)
            .append(" ELSE a")
            .append(k)
            .append(" END AS at")
            .append(k);
    }
    return ", kpi_filled AS (\n  SELECT *"
        + filled
        + " FROM kpi_known1\n)"
        + (workingDayWindow() ? times.windowEnds() : "");
  }

  /** The time of the stage the lead was first seen at. */
  private String firstSeenTime() {
    StringBuilder fsTime = new StringBuilder("CASE fs");
    for (int k = 0; k < n; k++) fsTime.append(" WHEN ").append(k).append(" THEN f").append(k);
    return fsTime.append(" END").toString();
  }

  /**
   * The walk's state before its first stage, and each stage's next time on the path ({@code nx<k>},
   * the earliest filled-in time after it), which tells a return from a step.
   */
  private String walkStart() {
    StringBuilder next = new StringBuilder();
    for (int k = 0; k < n; k++)
      next.append(", ").append(least(later("at", k))).append(" AS nx").append(k);
    return ", "
        + d.stepCte(
            "kpi_walk",
            "\n  SELECT *"
                + next
                + ", TRUE AS go0, FALSE AS sd0, "
                + nullTime()
                + " AS pv0"
                + (workingDayWindow() ? ", " + nullTime() + " AS pw0" : "")
                + " FROM "
                + (workingDayWindow() ? "kpi_windows" : "kpi_filled")
                + "\n");
  }

  /**
   * Stage k's step of the walk, over the state before it ({@code prev}): a stage the lead cannot
   * skip and did not reach ends the walk; a skippable stage entered before the previous one on the
   * path or after the next known one is a return, not a step; a step backwards in time or slower
   * than the window ends it. The walk's state before stage k is go<k> (still going), sd<k>
   * (started), pv<k> (the previous stage's time): new columns at each step, since replacing a
   * column in SELECT * is not every engine's. Each step reads the state before it in several
   * expressions: a step CTE (Dialect.stepCte) keeps an engine that would substitute them into each
   * other (PostgreSQL) from growing them exponentially.
   */
  private String step(int k, String prev) {
    String at = "at" + k;
    String go = "go" + k, sd = "sd" + k, pv = "pv" + k;
    boolean skippable = def.skippable(k);
    String back = skippable ? returned(k) : "FALSE";
    String step = isStep(pv, at, "pw" + k);
    String reached =
        "(" + go + " AND kk" + k + " AND (NOT " + sd + " OR (NOT " + back + " AND " + step + ")))";
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
        .append(", ")
        .append(carried(k, at, pv, "pv"));
    // The window's end from the previous stage on the path, carried as its time is.
    if (workingDayWindow()) walk.append(", ").append(carried(k, "we" + k, "pw" + k, "pw"));
    return walk.append(" FROM (SELECT *, coalesce(")
        .append(reached)
        .append(", FALSE) AS r")
        .append(k)
        .append(" FROM ")
        .append(prev)
        .append(") AS kpi_step")
        .append(k)
        .append("\n")
        .toString();
  }

  /** A skippable stage k entered out of order: before the previous stage, after the next known. */
  private static String returned(int k) {
    String at = "at" + k, pv = "pv" + k;
    return "("
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
        + ")))";
  }

  /**
   * What the walk carries past stage k as {@code <name><k+1>}: {@code value} where stage k was
   * reached at a known time, else what it carried before ({@code before}).
   */
  private static String carried(int k, String value, String before, String name) {
    return "CASE WHEN r"
        + k
        + " AND at"
        + k
        + " IS NOT NULL THEN "
        + value
        + " ELSE "
        + before
        + " END AS "
        + name
        + (k + 1);
  }

  /**
   * The path after the walk ({@code prev}, its last step): its furthest stage, and per stage k
   * whether it converted to a later one ({@code cv<k>}), that next stage's first entry ({@code
   * fn<k>}) and, on the business clock, its working seconds ({@code bn<k>}).
   */
  private String path(String prev) {
    StringBuilder furthest = new StringBuilder("CASE");
    for (int k = n - 1; k >= 0; k--)
      furthest.append(" WHEN r").append(k).append(" THEN ").append(k);
    furthest.append(" ELSE -1 END");
    StringBuilder conv = new StringBuilder();
    for (int k = 0; k < n; k++) {
      List<String> later = later("r", k);
      conv.append(", r")
          .append(k)
          .append(" AND ")
          .append(anyOf(later, "FALSE"))
          .append(" AS cv")
          .append(k);
      conv.append(", ").append(nextReached(k, "f", nullTime())).append(" AS fn").append(k);
      // On the business clock, the working seconds before that next stage's entry, likewise.
      if (business)
        conv.append(", ")
            .append(nextReached(k, "bu", d.cast("NULL", SqlType.BIGINT)))
            .append(" AS bn")
            .append(k);
    }
    return ", kpi_path AS (\n  SELECT *, "
        + furthest
        + " AS furthest"
        + conv
        + " FROM "
        + prev
        + "\n)";
  }

  /**
   * The column {@code <column><j>} of the first stage j after k that the path reached, as a CASE;
   * after the last stage a CASE that is never true gives the typed {@code none}.
   */
  private String nextReached(int k, String column, String none) {
    StringBuilder next = new StringBuilder("CASE");
    for (int j = k + 1; j < n; j++)
      next.append(" WHEN r").append(j).append(" THEN ").append(column).append(j);
    return next.append(k + 1 < n ? " END" : " WHEN FALSE THEN " + none + " END").toString();
  }

  /**
   * Each path with whether it was lost at its furthest stage, that stage's time, and each lead's
   * time to the next stage in the unit ({@code tn<k>}), once (the counts read it three times).
   */
  private String pathTimes() {
    int last = n - 1;
    StringBuilder out = new StringBuilder();
    out.append(", kpi_paths AS (\n  SELECT *, lost AND furthest >= 0 AND f")
        .append(last)
        .append(" IS NULL AND NOT u")
        .append(last)
        .append(" AS lost_at_furthest, CASE furthest");
    for (int k = 0; k < n; k++) out.append(" WHEN ").append(k).append(" THEN at").append(k);
    out.append(" END AS at_furthest");
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
    return out.append(" FROM kpi_path\n)").toString();
  }

  /**
   * Whether entering b after a counts as the step (FunnelPaths.step): within a window in calendar
   * time, or of working days ending at {@code windowEnd} (a's window's end, {@link
   * FunnelCalendarSql#windowEnds}).
   */
  private String isStep(String a, String b, String windowEnd) {
    String none = def.window() == null ? "TRUE" : "FALSE";
    String within =
        def.window() == null
            ? "TRUE"
            : workingDayWindow()
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

  /** The columns {@code <prefix><j>} of the stages after k. */
  private List<String> later(String prefix, int k) {
    List<String> later = new ArrayList<>();
    for (int j = k + 1; j < n; j++) later.add(prefix + j);
    return later;
  }

  /** Any of the conditions, in parentheses; {@code none} when there are none. */
  private static String anyOf(List<String> conditions, String none) {
    return conditions.isEmpty() ? none : "(" + String.join(" OR ", conditions) + ")";
  }

  private boolean required(int k) {
    return !def.stages().get(k).optional();
  }

  private boolean workingDayWindow() {
    return FunnelCalendarSql.workingDayWindow(def);
  }

  private String nullTime() {
    return FunnelPathSql.nullTime(d);
  }

  private String least(List<String> xs) {
    return FunnelPathSql.least(d, xs);
  }
}
