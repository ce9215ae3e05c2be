package dev.journeykpi.types.funnel;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.sql.Dialect;
import dev.journeykpi.sql.Dialect.SqlType;
import dev.journeykpi.sql.GroupCopies;
import dev.journeykpi.sql.SqlColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A funnel's breakdown in its SQL: the group each copy of a population row counts in, the key that
 * rides along every later step (each lead's history is reduced per group, a lead's rows in a group
 * being that group's history of it), and a result row's group.
 *
 * <p>Without a breakdown, or by one text column without roll-up, the key is {@code tot} (1 for the
 * period's total) and {@code grp} (the text): the names the funnel's SQL had before it took several
 * columns, so that the SQL a team already schedules prints the same bytes. Several {@code by:}
 * columns, {@code rollup}, or one column of numbers, yes/no values, dates or date-times go through
 * {@link GroupCopies}, as {@code stalled} and the customers KPIs do: each row copied into the
 * total, each roll-up level and its own combination, the key {@code kpi_level}, {@code kpi_group_0
 * …} (or {@code kpi_total}, {@code kpi_group} for one column), each value labelled by the default
 * engine's code.
 */
final class FunnelGroups {
  private final KpiDef kpi;
  private final Dialect d;
  private final SqlColumns c;

  /** Null for the one-text-column key ({@code tot}, {@code grp}). */
  private final GroupCopies copies;

  FunnelGroups(Dialect d, SqlColumns c, KpiDef kpi) {
    this.kpi = kpi;
    this.d = d;
    this.c = c;
    boolean oneText =
        !kpi.rollup()
            && (kpi.by().isEmpty()
                || (kpi.by().size() == 1 && c.type(kpi.by().get(0)) == ValueType.STRING));
    this.copies = oneText ? null : new GroupCopies(d, c, kpi);
  }

  /** The population's SELECT item(s) naming each row's breakdown value(s). */
  String values() {
    if (copies != null) return copies.values();
    return (kpi.by().isEmpty() ? d.cast("NULL", SqlType.TEXT) : c.ref(kpi.by().get(0))) + " AS grp";
  }

  /**
   * The copies of {@code kpi_pop}'s rows, one per group each counts in, with the group's key and
   * then the columns {@code rest} (named, in kpi_pop's order: a UNION matches columns by place).
   */
  String sets(List<String> rest) {
    if (copies != null) return copies.union(String.join(", ", rest), "kpi_pop");
    if (kpi.by().isEmpty()) return "SELECT 1 AS tot, * FROM kpi_pop";
    // The total's copy names its columns, its group blanked: * REPLACE is not every engine's.
    List<String> total = new ArrayList<>(rest);
    total.add(4, d.cast("NULL", SqlType.TEXT) + " AS grp");
    return "SELECT 0 AS tot, * FROM kpi_pop UNION ALL SELECT 1 AS tot, "
        + String.join(", ", total)
        + " FROM kpi_pop";
  }

  /** The key's columns, as a GROUP BY or a PARTITION BY lists them. */
  String keys() {
    return copies == null ? "tot, grp" : copies.keys();
  }

  /** The key's columns in an ORDER BY: a group's NULL (a blank) after its values. */
  String order() {
    if (copies == null) return "tot, grp NULLS LAST";
    List<String> out = new ArrayList<>();
    for (String k : copies.keys().split(", "))
      out.add(k.equals("kpi_level") || k.equals("kpi_total") ? k : k + " NULLS LAST");
    return String.join(", ", out);
  }

  /**
   * A result row's group: its labels ({@link ResultRow#BLANK} for a blank, {@link ResultRow#TOTAL}
   * for each column it adds up), all (total) for the period's total.
   */
  List<String> key(ResultSet r) throws SQLException {
    if (copies != null) return copies.key(r);
    if (r.getInt("tot") == 1) return kpi.by().stream().map(x -> ResultRow.TOTAL).toList();
    String label = r.getString("grp");
    // A text that reads like kpi's own labels is kept apart from them, as on the default engine.
    return List.of(label == null ? ResultRow.BLANK : dev.journeykpi.model.BreakdownLabel.of(label));
  }
}
