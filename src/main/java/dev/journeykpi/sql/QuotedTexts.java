package dev.journeykpi.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query of a {@link PeriodRowsSql.Quoted}'s texts and their reading, per period and group of
 * {@link PeriodRowsQuery}: the first rows of each group (ranked in each grouping set by the
 * export's order), or each group's distinct labels counted.
 */
final class QuotedTexts {
  private final Dialect d;
  private final SqlColumns columns;
  private final PeriodGroups groups;
  private final PeriodRowsSql.Quoted l;

  QuotedTexts(Dialect d, SqlColumns columns, PeriodGroups groups, PeriodRowsSql.Quoted l) {
    this.d = d;
    this.columns = columns;
    this.groups = groups;
    this.l = l;
  }

  /**
   * The query over the population joined to its periods ({@link PeriodGroups#datedIn}).
   *
   * @param population the population's rows joined to the periods
   */
  String sql(String population) {
    List<String> by = groups.columns();
    List<String> labelled = new ArrayList<>();
    for (int i = 0; i < l.columns().size(); i++) {
      String c = l.columns().get(i);
      labelled.add(GroupLabels.value(d, columns.type(c), columns.ref(c)) + " AS kpi_text_" + i);
    }
    if (l.first() == 0) {
      // Each group's distinct values: the values grouped inside each grouping set.
      String value = columns.ref(l.columns().get(0));
      List<String> inner = new ArrayList<>(List.of("kpi_period"));
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < by.size(); i++) {
        inner.add(by.get(i) + " AS kpi_by_" + i);
        keys.add("kpi_by_" + i);
      }
      inner.add(value + " AS kpi_value");
      List<String> select = new ArrayList<>(List.of("kpi_period"));
      for (int i = 0; i < by.size(); i++)
        select.add(groups.value(i, keys.get(i)) + " AS kpi_group_" + i);
      select.add(PeriodGroups.level(keys) + " AS kpi_level");
      select.add(
          GroupLabels.value(d, columns.type(l.columns().get(0)), "kpi_value") + " AS kpi_text_0");
      select.add("count(*) AS kpi_count");
      return "SELECT "
          + String.join(", ", select)
          + "\nFROM (SELECT "
          + String.join(", ", inner)
          + "\n  FROM "
          + population
          + "\n  WHERE "
          + l.condition()
          + ") AS kpi_listed\nGROUP BY "
          + groups.groupBy(keys, List.of("kpi_value"));
    }
    List<String> inner = new ArrayList<>(List.of("kpi_period", "kpi_record"));
    for (int i = 0; i < by.size(); i++)
      inner.add(groups.value(i, by.get(i)) + " AS kpi_group_" + i);
    inner.addAll(labelled);
    List<String> ranked = new ArrayList<>();
    // What comes back: not the record numbers (each engine numbers its rows its own way), only
    // their order.
    List<String> shown = new ArrayList<>(List.of("kpi_period"));
    for (int i = 0; i < by.size(); i++) shown.add("kpi_group_" + i);
    for (int i = 0; i < labelled.size(); i++) shown.add("kpi_text_" + i);
    List<Integer> depths = groups.depths();
    for (int j = 0; j < depths.size(); j++) {
      List<String> partition = new ArrayList<>(List.of("kpi_period"));
      partition.addAll(by.subList(0, depths.get(j)));
      inner.add(
          "row_number() OVER (PARTITION BY "
              + String.join(", ", partition)
              + " ORDER BY kpi_record) AS kpi_rank_"
              + j);
      ranked.add("kpi_rank_" + j + " <= " + l.first());
      shown.add("kpi_rank_" + j);
    }
    return "SELECT "
        + String.join(", ", shown)
        + "\nFROM (SELECT "
        + String.join(", ", inner)
        + "\n  FROM "
        + population
        + "\n  WHERE "
        + l.condition()
        + ") AS kpi_listed\nWHERE "
        + String.join(" OR ", ranked)
        + "\nORDER BY kpi_period, kpi_record";
  }

  /** The quoted texts, added to each group's ({@code listed}: by period, then group). */
  void read(
      Connection conn,
      String population,
      Map<Integer, Map<PeriodGroups.Key, Map<String, List<String>>>> listed)
      throws SQLException {
    List<Integer> depths = groups.depths();
    // A tally's counts per label: two values can have one label (a NULL and an empty text).
    Map<Integer, Map<PeriodGroups.Key, Map<String, Long>>> counts = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql(population))) {
      while (r.next()) {
        int period = r.getInt("kpi_period");
        if (l.first() == 0) {
          String label =
              GroupLabels.label(columns.type(l.columns().get(0)), r.getObject("kpi_text_0"));
          counts
              .computeIfAbsent(period, k -> new HashMap<>())
              .computeIfAbsent(groups.key(r), k -> new LinkedHashMap<>())
              .merge(label, r.getLong("kpi_count"), Long::sum);
          continue;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < l.columns().size(); i++)
          labels.add(
              GroupLabels.label(columns.type(l.columns().get(i)), r.getObject("kpi_text_" + i)));
        String text = String.join("\u0000", labels);
        // The row is among the first of each grouping set's group where its rank is small enough.
        for (int j = 0; j < depths.size(); j++) {
          if (r.getLong("kpi_rank_" + j) > l.first()) continue;
          listed
              .computeIfAbsent(period, k -> new HashMap<>())
              .computeIfAbsent(groups.key(r, groups.levelOf(depths.get(j))), k -> new HashMap<>())
              .computeIfAbsent(l.name(), k -> new ArrayList<>())
              .add(text);
        }
      }
    }
    counts.forEach(
        (period, g) ->
            g.forEach(
                (group, c) -> {
                  List<String> texts =
                      listed
                          .computeIfAbsent(period, k -> new HashMap<>())
                          .computeIfAbsent(group, k -> new HashMap<>())
                          .computeIfAbsent(l.name(), k -> new ArrayList<>());
                  c.forEach((label, count) -> texts.add(label + "\u0000" + count));
                }));
  }
}
