package dev.journeykpi.types.sla;

import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.SlaDef;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.sql.Aggregates;
import dev.journeykpi.sql.ElapsedSql;
import dev.journeykpi.sql.LabelledValue;
import dev.journeykpi.sql.PeriodRowsSql;
import dev.journeykpi.sql.SqlColumns;
import dev.journeykpi.sql.SqlRefused;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SLA in SQL, on either clock ({@link ElapsedSql}): each row's outcome by {@link SlaMeasurer}'s
 * rules — no start or ending before it: unusable; no limit for its value; open: past its limit as
 * of the export's latest timestamp (breached) or not yet (left out); else met or breached — counted
 * per group, the values without a limit with theirs; the measure is SlaMeasurer's.
 */
final class SlaSql implements PeriodRowsSql {
  /** The column of each row's outcome, SlaMeasurer's codes. */
  private static final String OUTCOME = "kpi_sla_outcome";

  private static final int MET = 1, BREACHED = 2, OPEN_BREACHED = 3, OPEN_WITHIN = 4;
  private static final int NO_LIMIT = 5, BAD = 6;

  private final SlaSpec spec;

  SlaSql(SlaSpec spec) {
    this.spec = spec;
  }

  private ElapsedSql elapsed(SqlColumns c) {
    return new ElapsedSql(c, spec.start(), spec.end(), spec.businessTime());
  }

  @Override
  public String rows(String rows, SqlColumns c) {
    ElapsedSql e = elapsed(c);
    String limit = limit(c);
    String outcome =
        "CASE WHEN "
            + e.a()
            + " IS NULL OR "
            + e.b()
            + " < "
            + e.a()
            + " THEN "
            + BAD
            + " WHEN "
            + limit
            + " IS NULL THEN "
            + NO_LIMIT
            + " WHEN "
            + e.b()
            + " IS NULL THEN CASE WHEN "
            + e.secondsSoFar()
            + " > "
            + limit
            + " THEN "
            + OPEN_BREACHED
            + " ELSE "
            + OPEN_WITHIN
            + " END WHEN "
            + e.seconds()
            + " <= "
            + limit
            + " THEN "
            + MET
            + " ELSE "
            + BREACHED
            + " END";
    return "(SELECT *, "
        + outcome
        + " AS "
        + OUTCOME
        + " FROM "
        + e.rowsWithSoFar(rows)
        + " AS kpi_sla_rows)";
  }

  /**
   * A row's limit in seconds: its value's (compared as filters compare texts), else the fallback.
   */
  private String limit(SqlColumns c) {
    SlaDef sla = spec.sla();
    String fallback = sla.fallback() == null ? "NULL" : String.valueOf(sla.fallback().seconds());
    if (sla.by() == null) return fallback;
    // The same keys as SlaMeasurer's map: a later value of the same key replaces an earlier one.
    Map<String, TimeSpan> limits = new LinkedHashMap<>();
    sla.limits().forEach((value, limit) -> limits.put(TextKey.of(value), limit));
    var d = c.dialect();
    if (limits.isEmpty()) return fallback;
    ValueType type = c.type(sla.by());
    if (type == ValueType.DURATION || type == ValueType.DATETIME)
      throw new SqlRefused(
          "an SLA limit picked by a column of "
              + (type == ValueType.DURATION ? "durations" : "date-times")
              + " ("
              + sla.by()
              + ")");
    if (type != ValueType.STRING) {
      // A number, yes/no or date column: its label (2, true, 2026-10-31) is what the default
      // engine looks up, so each limit's text is the typed value labelled so; a text no value
      // has (2.0, yes) names none, and a blank cell gets the fallback.
      StringBuilder out = new StringBuilder("CASE");
      limits.forEach(
          (key, limit) -> {
            String is = LabelledValue.condition(d, type, c.ref(sla.by()), key);
            if (is != null)
              out.append(" WHEN ").append(is).append(" THEN ").append(limit.seconds());
          });
      return out.length() == 4
          ? fallback
          : out.append(" ELSE ").append(fallback).append(" END").toString();
    }
    StringBuilder out =
        new StringBuilder("CASE ").append(d.lowerNfc("coalesce(" + c.ref(sla.by()) + ", '')"));
    limits.forEach(
        (key, limit) ->
            out.append(" WHEN ").append(d.literal(key)).append(" THEN ").append(limit.seconds()));
    return out.append(" ELSE ").append(fallback).append(" END").toString();
  }

  @Override
  public List<Aggregate> aggregates(SqlColumns c) {
    elapsed(c); // refuses start or end columns that are not dates
    limit(c); // refuses a limit no value's label can be read back for
    List<Aggregate> out = new ArrayList<>();
    out.add(new Aggregate("rows", "count(*)"));
    for (int code = MET; code <= BAD; code++)
      out.add(new Aggregate("outcome_" + code, Aggregates.countWhere(OUTCOME + " = " + code)));
    return out;
  }

  /** Each value without a limit once, with its count, as the data labels it. */
  @Override
  public List<Quoted> quoted(SqlColumns c) {
    String by = spec.sla().by();
    if (by == null) return List.of();
    return List.of(Quoted.tally("unlisted", "outcome_" + NO_LIMIT, OUTCOME + " = " + NO_LIMIT, by));
  }

  @Override
  public Measure measure(Values v) {
    Map<String, Integer> unlisted = new LinkedHashMap<>();
    for (String entry : v.texts("unlisted")) {
      String[] kv = entry.split("\u0000", 2);
      unlisted.put(kv[0], Integer.parseInt(kv[1]));
    }
    return SlaMeasurer.result(
        Math.toIntExact(v.count("rows")),
        count(v, MET),
        count(v, BREACHED),
        count(v, OPEN_BREACHED),
        count(v, OPEN_WITHIN),
        count(v, NO_LIMIT),
        count(v, BAD),
        unlisted,
        spec.sla().by(),
        spec.start(),
        spec.end());
  }

  private static int count(Values v, int code) {
    return Math.toIntExact(v.count("outcome_" + code));
  }
}
