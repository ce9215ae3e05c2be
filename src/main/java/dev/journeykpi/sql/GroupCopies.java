package dev.journeykpi.sql;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.ResultRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The breakdown of the queries that follow each lead or customer through its history ({@code
 * stalled}, customers) before counting per group: each population row copied once for every group
 * it counts in — the period's total, each upper level of a roll-up (department, then department +
 * team …), and its combination of the {@code by:} columns — by a UNION ALL, so that the history's
 * windows and joins run per group as they run for the total. The copies carry the group's key:
 * {@code kpi_level} (a bit per breakdown column, the first column's the highest, set where the copy
 * is a total over it, as {@link PeriodGroups}' level) and {@code kpi_group_0 …} (each column's
 * value as returned to be labelled, {@link GroupLabels}; NULL where totalled, and where the data
 * has none: the level tells them apart).
 *
 * <p>A KPI with one breakdown column or none, without roll-up, keeps the names these queries had
 * before they took several columns, {@code kpi_total} (1 for the total) and {@code kpi_group}, so
 * that the SQL of a definition a team already schedules stays the same bytes.
 */
public final class GroupCopies {
  private final Dialect d;
  private final SqlColumns columns;
  private final KpiDef kpi;
  private final boolean oneColumnNames;

  public GroupCopies(Dialect d, SqlColumns columns, KpiDef kpi) {
    this.d = d;
    this.columns = columns;
    this.kpi = kpi;
    this.oneColumnNames = !kpi.rollup() && kpi.by().size() <= 1;
  }

  private int n() {
    return kpi.by().size();
  }

  /**
   * The population's SELECT items naming each row's breakdown values ({@code kpi_g}, or {@code
   * kpi_g0 …}), which {@link #union} copies.
   */
  public String values() {
    if (oneColumnNames) return (n() == 0 ? nullOf(ValueType.STRING) : value(0)) + " AS kpi_g";
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n(); i++) out.add(value(i) + " AS kpi_g" + i);
    return String.join(", ", out);
  }

  private String value(int i) {
    String b = kpi.by().get(i);
    return GroupLabels.value(d, columns.type(b), columns.ref(b));
  }

  /** A NULL of the type a breakdown column of {@code type} is returned as. */
  private String nullOf(ValueType type) {
    Dialect.SqlType t =
        switch (type) {
          case NUMBER, DURATION -> Dialect.SqlType.DOUBLE;
          case BOOLEAN -> Dialect.SqlType.BOOLEAN;
          case DATE, DATETIME -> Dialect.SqlType.BIGINT;
          default -> Dialect.SqlType.TEXT;
        };
    return d.cast("NULL", t);
  }

  /**
   * The copies of {@code from}'s rows: each with its group's key, then the columns {@code rest}
   * (named, not {@code * EXCLUDE}, which few engines have).
   */
  public String union(String rest, String from) {
    if (oneColumnNames)
      // The total's NULL has the breakdown column's type: a text NULL beside a number column's
      // values made DuckDB's union text (labels read as strings) and PostgreSQL refuse it.
      return "SELECT 1 AS kpi_total, "
          + nullOf(n() == 0 ? ValueType.STRING : columns.type(kpi.by().get(0)))
          + " AS kpi_group, "
          + rest
          + " FROM "
          + from
          + (n() == 0 ? "" : "\n  UNION ALL SELECT 0, kpi_g, " + rest + " FROM " + from);
    List<String> branches = new ArrayList<>();
    int first = kpi.rollup() ? 1 : n();
    for (int depth = n(); depth >= 0; depth--) {
      if (depth > 0 && depth < first) continue;
      List<String> items = new ArrayList<>();
      items.add((1 << (n() - depth)) - 1 + (branches.isEmpty() ? " AS kpi_level" : ""));
      for (int i = 0; i < n(); i++) {
        String v = i < depth ? "kpi_g" + i : nullOf(columns.type(kpi.by().get(i)));
        items.add(branches.isEmpty() ? v + " AS kpi_group_" + i : v);
      }
      items.add(rest);
      branches.add("SELECT " + String.join(", ", items) + " FROM " + from);
    }
    return String.join("\n  UNION ALL ", branches);
  }

  /** The group's key columns, as a GROUP BY or a PARTITION BY lists them. */
  public String keys() {
    return keys("");
  }

  /** The group's key columns of the relation {@code alias}. */
  public String keys(String alias) {
    String a = alias.isEmpty() ? "" : alias + ".";
    if (oneColumnNames) return a + "kpi_total, " + a + "kpi_group";
    List<String> out = new ArrayList<>(List.of(a + "kpi_level"));
    for (int i = 0; i < n(); i++) out.add(a + "kpi_group_" + i);
    return String.join(", ", out);
  }

  /** Two relations' rows of the same group: the key columns equal, a NULL equal to a NULL. */
  public String sameGroup(String a, String b) {
    if (oneColumnNames)
      return a
          + ".kpi_total = "
          + b
          + ".kpi_total AND "
          + a
          + ".kpi_group IS NOT DISTINCT FROM "
          + b
          + ".kpi_group";
    List<String> out = new ArrayList<>(List.of(a + ".kpi_level = " + b + ".kpi_level"));
    for (int i = 0; i < n(); i++)
      out.add(a + ".kpi_group_" + i + " IS NOT DISTINCT FROM " + b + ".kpi_group_" + i);
    return String.join(" AND ", out);
  }

  /**
   * A result row's group: its labels ({@link ResultRow#BLANK} for a blank, {@link ResultRow#TOTAL}
   * for each column it adds up), all (total) for the period's total.
   */
  public List<String> key(ResultSet r) throws SQLException {
    List<String> labels = new ArrayList<>(n());
    if (oneColumnNames) {
      boolean total = r.getInt("kpi_total") == 1;
      if (n() == 1)
        labels.add(
            total
                ? ResultRow.TOTAL
                : GroupLabels.group(columns.type(kpi.by().get(0)), r.getObject("kpi_group")));
      return List.copyOf(labels);
    }
    int level = r.getInt("kpi_level");
    for (int i = 0; i < n(); i++)
      labels.add(
          (level & (1 << (n() - 1 - i))) != 0
              ? ResultRow.TOTAL
              : GroupLabels.group(columns.type(kpi.by().get(i)), r.getObject("kpi_group_" + i)));
    return List.copyOf(labels);
  }

  /** Whether a group's labels are the period's total's. */
  public static boolean isTotal(List<String> key) {
    return key.stream().allMatch(ResultRow.TOTAL::equals);
  }
}
