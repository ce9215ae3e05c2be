package dev.journeykpi.types.funnel;

import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.Period;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.SqlSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The three queries of a funnel on an SQL engine, each a select over the relations {@link
 * FunnelPathSql} writes: the paths counted per period and breakdown group (what {@link StageCounts}
 * counts), the notes' counts per group, and each group's first unmapped stage values. {@link
 * FunnelSql} runs them and builds the rows with the default engine's code.
 */
final class FunnelCountSql {
  private final FunnelDef def;
  private final KpiDef kpi;
  private final Dialect d;
  private final FunnelPathSql paths;
  private final FunnelGroups g;
  private final double divisor;
  private final int n;

  /**
   * @param divisor seconds in the unit of the times between stages
   */
  FunnelCountSql(FunnelDef def, SqlSource s, FunnelPathSql paths, double divisor) {
    this.def = def;
    this.kpi = s.kpi();
    this.d = s.dialect();
    this.paths = paths;
    this.g = paths.groups();
    this.divisor = divisor;
    this.n = def.stages().size();
  }

  /** The notes' counts per group: unmapped stage rows, rows without a lead, rows without a time. */
  String notes() {
    String noTime;
    String unmapped;
    String from = "kpi_typed";
    if (def.history()) {
      noTime = Aggregates.countWhere("ld IS NOT NULL AND t IS NULL");
      unmapped = Aggregates.countWhere("ld IS NOT NULL AND t IS NOT NULL AND k = -2");
    } else {
      // A snapshot keeps a lead's first row of a known stage; a kept row without its time is left
      // out of the periods (noted), an unmapped row is noted whether or not its lead repeats.
      from =
          "(SELECT *, ld IS NOT NULL AND k >= -1 AND row_number() OVER (PARTITION BY "
              + g.keys()
              + ", ld,"
              + " k >= -1 ORDER BY rec) = 1 AS kept FROM kpi_typed) AS kpi_kept";
      noTime = kpi.time() == null ? "0" : Aggregates.countWhere("kept AND t IS NULL");
      unmapped = Aggregates.countWhere("ld IS NOT NULL AND k = -2");
    }
    return paths.typed()
        + "\nSELECT "
        + g.keys()
        + ", "
        + unmapped
        + " AS unmapped, "
        + Aggregates.countWhere("ld IS NULL")
        + " AS no_lead, "
        + noTime
        + " AS no_time\nFROM "
        + from
        + "\nGROUP BY "
        + g.keys()
        + " ORDER BY "
        + g.order();
  }

  /** The first three unmapped stage values of each group, in text order, with their rows. */
  String unmapped() {
    String where =
        def.history() ? "ld IS NOT NULL AND t IS NOT NULL AND k = -2" : "ld IS NOT NULL AND k = -2";
    return paths.typed()
        // kpi_rows, not rows: ROWS is a reserved word on BigQuery and Snowflake.
        + "\nSELECT "
        + g.keys()
        + ", raw, kpi_rows FROM (\n  SELECT "
        + g.keys()
        + ", coalesce(raw, '') AS raw,"
        + " count(*) AS kpi_rows,"
        + " row_number() OVER (PARTITION BY "
        + g.keys()
        + " ORDER BY coalesce(raw, '')) AS place\n  FROM kpi_typed WHERE "
        + where
        + "\n  GROUP BY "
        + g.keys()
        + ", coalesce(raw, '')\n) AS kpi_unmapped WHERE place <= 3"
        + " ORDER BY "
        + g.order()
        + ", place";
  }

  /** Whether time t is in the joined period (kpi_all: the whole history). */
  private static String in(String t) {
    return "(kpi_all OR coalesce(" + t + " >= kpi_from AND " + t + " < kpi_to, FALSE))";
  }

  /**
   * The counts per period and group: per stage, the leads that entered it, went on, came from the
   * first stage, were lost there; the times to the next stage and in the stage; the leads first
   * seen mid-way; a conversion's numerator and denominator.
   */
  String counts(List<Period> periods) {
    List<List<String>> ps = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      boolean all = p.grain() == Period.Grain.ALL;
      ps.add(
          List.of(
              String.valueOf(i),
              all ? "TRUE" : "FALSE",
              all ? paths.nullTime() : d.timestamp(p.startTime()),
              all ? paths.nullTime() : d.timestamp(p.endTime())));
    }
    boolean activity = def.activity();
    List<String> counted = new ArrayList<>();
    List<String> select = new ArrayList<>();
    if (def.from() != null) {
      // A conversion: its rate's two counts only.
      int from = def.indexOf(def.from()), to = def.indexOf(def.to());
      String den = activity ? "(r" + from + " AND " + in("at" + from) + ")" : "r" + from;
      select.add(Aggregates.countWhere(den) + " AS den");
      select.add(Aggregates.countWhere(den + " AND r" + to) + " AS num");
    }
    for (int k = 0; k < n && def.from() == null; k++) {
      String cnt = activity ? "(r" + k + " AND " + in("at" + k) + ")" : "r" + k;
      counted.add(cnt);
      select.add(Aggregates.countWhere(cnt) + " AS e" + k);
      select.add(Aggregates.countWhere(cnt + " AND cv" + k) + " AS cv" + k);
      select.add(activity ? "0 AS ff" + k : Aggregates.countWhere(cnt + " AND r0") + " AS ff" + k);
      select.add(
          Aggregates.countWhere(
                  "lost_at_furthest AND furthest = "
                      + k
                      + (activity ? " AND " + in("at_furthest") : ""))
              + " AS ls"
              + k);
      String toNext = "CASE WHEN " + cnt + " THEN tn" + k + " END";
      select.add("count(" + toNext + ") AS tnn" + k);
      select.add(d.percentile(toNext, 50) + " AS tnm" + k);
      select.add(d.percentile(toNext, 90) + " AS tnp" + k);
      String timeIn = "CASE WHEN " + cnt + " THEN ti" + k + " / " + divisor + " END";
      select.add("count(" + timeIn + ") AS tin" + k);
      select.add(d.percentile(timeIn, 50) + " AS tim" + k);
    }
    if (def.from() == null)
      select.add(
          Aggregates.countWhere("midway AND (" + String.join(" OR ", counted) + ")") + " AS mw");
    // An activity funnel's leads are in every period, each stage counting its own entries there
    // (the filters above). A join condition on the path's columns would be pushed down through the
    // walk's CTEs, each column replaced by its expression, growing with every stage.
    String on = activity ? "TRUE" : in("cohort");
    return paths.withPaths()
        + "\nSELECT kpi_period, "
        + g.keys()
        + ",\n  "
        + String.join(",\n  ", select)
        + "\nFROM kpi_paths JOIN "
        + d.values("kpi_periods", List.of("kpi_period", "kpi_all", "kpi_from", "kpi_to"), ps)
        + "\n  ON "
        + on
        + "\nGROUP BY kpi_period, "
        + g.keys()
        + " ORDER BY kpi_period, "
        + g.order();
  }
}
