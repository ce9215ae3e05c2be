package dev.journeykpi.sql;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.DistinctDef;
import dev.journeykpi.config.JoinDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.QualityReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sources combined in SQL as the default engine combines them (docs/multi-export.md), over the
 * typed rows of {@link SourceRelations}: the derived columns that read no joined column, then
 * {@code distinct:} (one row per key), then each {@code join:} performed, in order, then the
 * derived columns that read joined ones. What the KPIs read is the last view, {@link #rows}; the
 * quality report gets the same counts as the import's and the joiner's ({@link #quality}).
 *
 * <ul>
 *   <li>{@code distinct:} keeps, per key (its texts compared as {@code TextKey}: trimmed, NFC,
 *       without case), the row with a {@code by} value before one without, the last (greatest
 *       {@code by}, then latest in the file) or the first (least, then earliest); a row with a
 *       blank key part is kept as a row of its own — DistinctRows' rule, as one ordering.
 *   <li>{@code join:} is a left join on the keys compared as {@code TextKey}; a key matching
 *       several rows of the other source stops the run as TableJoiner does, unless {@code many:}
 *       says which wins (the same ordering as distinct's); unmatched rows are kept with blank
 *       joined columns, or left out with {@code unmatched: drop}, and counted with their first
 *       keys.
 * </ul>
 *
 * Join keys must be text on both sides (refused otherwise, {@link #refusals}): a number key is
 * matched on Java's {@code Double.toString}, which SQL does not write.
 */
public final class CombinedSources {
  private final Dialect d;
  private final Definition def;
  private final SourceRelations relations;
  private final Map<String, Set<String>> read;

  /**
   * @param read every source read, with the columns read of each (the engine's {@code
   *     JoinedSources.read}, the same closure the default engine imports)
   */
  public CombinedSources(
      Dialect d, Definition def, SourceRelations relations, Map<String, Set<String>> read) {
    this.d = d;
    this.def = def;
    this.relations = relations;
    this.read = read;
  }

  /** The columns read of a source (by its KPIs, joins, derived columns). */
  public Set<String> read(SourceDef s) {
    return read.getOrDefault(s.id(), Set.of());
  }

  /** Every source read, the KPIs' sources first. */
  public List<SourceDef> sources() {
    return read.keySet().stream().map(def.sources()::get).toList();
  }

  /** Every source read, each after the sources it joins. */
  public List<SourceDef> inJoinOrder() {
    Set<String> out = new LinkedHashSet<>();
    for (String id : read.keySet()) joinOrder(id, out);
    return out.stream().map(def.sources()::get).toList();
  }

  private void joinOrder(String id, Set<String> out) {
    if (out.contains(id)) return;
    for (JoinDef j : performed(def.sources().get(id))) joinOrder(j.source(), out);
    out.add(id);
  }

  List<JoinDef> performed(SourceDef s) {
    Set<String> cols = read.getOrDefault(s.id(), Set.of());
    return s.joins().stream().filter(j -> j.performed(cols)).toList();
  }

  /**
   * Whether the source's rows are combined (derived, one per key, joined) before KPIs read them.
   */
  boolean combines(SourceDef s) {
    return s.distinct() != null || !performed(s).isEmpty() || !derived(s).isEmpty();
  }

  /** The relation the source's KPIs read. */
  public String rows(SourceDef s) {
    return combines(s) ? d.quoteIdent("kpi_source_" + s.id()) : relations.rows(s);
  }

  /** The columns read from the source's file: those read but computed, and distinct's. */
  public List<ColumnDef> typedColumns(SourceDef s) {
    Set<String> cols = new LinkedHashSet<>(read.getOrDefault(s.id(), Set.of()));
    if (s.distinct() != null) {
      cols.addAll(s.distinct().columns());
      for (String c : s.distinct().columns()) cols.addAll(inputs(s, c));
    }
    List<ColumnDef> out = new ArrayList<>();
    for (ColumnDef c : SourceRelations.typedColumns(s, cols)) if (!c.isLookup()) out.add(c);
    return out;
  }

  /** A derived column's inputs, transitively. */
  private static Set<String> inputs(SourceDef s, String column) {
    Set<String> out = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(column));
    while (!todo.isEmpty()) {
      ColumnDef c = s.columns().get(todo.remove(0));
      if (c == null || !c.isDerived()) continue;
      for (String in : c.lookup().inputs()) if (out.add(in)) todo.add(in);
    }
    return out;
  }

  /** The derived columns read of the source, in declared order. */
  private List<ColumnDef> derived(SourceDef s) {
    Set<String> cols = new LinkedHashSet<>(read.getOrDefault(s.id(), Set.of()));
    if (s.distinct() != null)
      for (String c : s.distinct().columns()) {
        cols.add(c);
        cols.addAll(inputs(s, c));
      }
    List<ColumnDef> out = new ArrayList<>();
    for (ColumnDef c : s.columns().values())
      if (c.isDerived() && cols.contains(c.name())) out.add(c);
    return out;
  }

  /**
   * After how many of the source's joins a derived column can be computed: 0 when it reads no
   * joined column (directly or through another derived one), else just after the last join whose
   * columns it reads — a derived key of a join may read what an earlier join brought, as the
   * default engine computes it right before that join.
   */
  private int joinsBefore(SourceDef s, ColumnDef c, List<JoinDef> joins) {
    int after = 0;
    for (String in : inputs(s, c.name())) {
      ColumnDef x = s.columns().get(in);
      if (x == null || !x.isJoined()) continue;
      int at = joins.size();
      for (int i = 0; i < joins.size(); i++)
        if (joins.get(i).source().equals(x.lookup().joined().source())
            && joins.get(i).columns().contains(x.name())) at = i + 1;
      after = Math.max(after, at);
    }
    return after;
  }

  /**
   * Why the source, and the sources it joins, cannot be combined in SQL yet: each reason naming
   * what.
   */
  public List<String> refusals(SourceDef s) {
    List<String> why = new ArrayList<>();
    refusals(s, why, new LinkedHashSet<>());
    return why;
  }

  private void refusals(SourceDef s, List<String> why, Set<String> seen) {
    if (!seen.add(s.id())) return;
    String src = "source '" + s.id() + "'";
    for (ColumnDef c : derived(s)) {
      String r = ExprSql.refusal(c.lookup().derived().expr());
      if (r != null) why.add(src + ": derived column '" + c.name() + "' is " + r);
    }
    for (JoinDef j : performed(s)) {
      SourceDef other = def.sources().get(j.source());
      for (Map.Entry<String, String> k : j.on().entrySet()) {
        ColumnDef mine = s.columns().get(k.getKey());
        ColumnDef theirs = other.columns().get(k.getValue());
        if (mine == null
            || theirs == null
            || mine.type() != ValueType.STRING
            || theirs.type() != ValueType.STRING)
          why.add(
              src
                  + " joins "
                  + j.source()
                  + " on a key that is not text on both sides ("
                  + k.getKey()
                  + ")");
      }
      if (j.by() != null && other.columns().get(j.by()).type() == ValueType.STRING)
        why.add(
            src + " joins " + j.source() + " with many: ordered by a text column (" + j.by() + ")");
      refusals(other, why, seen);
    }
    DistinctDef dd = s.distinct();
    if (dd != null) {
      for (String k : dd.key()) {
        ColumnDef c = s.columns().get(k);
        if (c != null && c.type() != ValueType.STRING)
          why.add(src + " keeps one row per key that is not text (distinct: " + k + ")");
      }
      if (dd.by() != null && s.columns().get(dd.by()).type() == ValueType.DURATION)
        why.add(src + " keeps one row per key by a duration (" + dd.by() + ")");
    }
  }

  /** The report with what combining the source left out or blanked ({@link CombiningQuality}). */
  public QualityReport quality(Connection conn, SourceDef s, QualityReport q) throws SQLException {
    return new CombiningQuality(d, def, this).quality(conn, s, q);
  }

  // --- the views

  String stage(SourceDef s, String step) {
    return d.quoteIdent("kpi_" + step + "_" + s.id());
  }

  /**
   * The statements that make the source's combined view, once the typed tables of it and of every
   * source it joins exist, and the combined views of those it joins.
   */
  public List<String> create(SourceDef s) {
    if (!combines(s)) return List.of();
    List<String> out = new ArrayList<>();
    String at = relations.rows(s);
    List<JoinDef> joins = performed(s);
    // The derived columns by the number of joins they wait for, each list in declared order.
    List<List<ColumnDef>> after = new ArrayList<>();
    for (int i = 0; i <= joins.size(); i++) after.add(new ArrayList<>());
    for (ColumnDef c : derived(s)) after.get(joinsBefore(s, c, joins)).add(c);
    at = derivedOver(at, after.get(0));
    if (s.distinct() != null) {
      out.add(
          d.createTempTable(
              stage(s, "distinct"),
              ranked(at, s.distinct().key(), s.distinct().by(), s.distinct().keepLast())));
      // The rows kept, without the rank and its mark: their columns named, as not every engine
      // can select all columns but some.
      at =
          "(SELECT "
              + String.join(", ", kept(s, after.get(0)))
              + " FROM "
              + stage(s, "distinct")
              + " WHERE kpi_key_blank OR kpi_rank = 1) AS kpi_kept";
    }
    int n = 0;
    for (JoinDef j : joins) {
      if (n > 0) at = derivedOver(at, after.get(n));
      String view = stage(s, "join" + n);
      String left = stage(s, "join" + n++ + "_left");
      out.add(d.createTempView(left, "SELECT * FROM " + at));
      // Without many:, kpi checks first that no key is on two rows of the other source (several),
      // as the default engine stops there; the view alone would take the first.
      out.add(
          (j.many() == null
                  ? "/* kpi stops first when a key is on several rows of "
                      + j.source()
                      + " (no many:) */ "
                  : "")
              + d.createTempView(view, joined(left, j, j.used(read.get(s.id())))));
      at = view;
    }
    if (!joins.isEmpty()) at = derivedOver(at, after.get(joins.size()));
    out.add(d.createTempView(rows(s), "SELECT * FROM " + at));
    return out;
  }

  /**
   * The columns a source's rows have before its joins, as {@code distinct:} keeps them: the record
   * number, each column read from the file (typed, or computed by kpi's importer: from:, map:,
   * multiply:) and the derived columns computed before the joins. The typed texts beside them
   * (name__text) are left out: after the quality report nothing reads them.
   */
  private List<String> kept(SourceDef s, List<ColumnDef> derivedFirst) {
    Set<String> names = new LinkedHashSet<>();
    for (ColumnDef c : typedColumns(s)) names.add(c.name());
    for (String r : read(s)) {
      ColumnDef c = s.columns().get(r);
      if (c != null && c.isLookup() && !c.isDerived() && !c.isJoined()) names.add(r);
    }
    for (ColumnDef c : derivedFirst) names.add(c.name());
    List<String> out = new ArrayList<>(List.of("kpi_record"));
    for (String c : names) out.add(d.quoteIdent(c));
    return out;
  }

  /** Each derived column added over the relation, in declared order (each may read the last). */
  private String derivedOver(String from, List<ColumnDef> columns) {
    String at = from;
    for (ColumnDef c : columns) {
      ExprSql e = new ExprSql(d, d::quoteIdent);
      at =
          "(SELECT *, "
              + d.cast(e.sql(c.lookup().derived().expr()), ExprSql.sqlType(c.type()))
              + " AS "
              + d.quoteIdent(c.name())
              + " FROM "
              + at
              + ") AS "
              + d.quoteIdent("kpi_with_" + c.name());
    }
    return at;
  }

  /** The texts of key columns as compared: TextKey of each. */
  List<String> keys(List<String> columns, String prefix) {
    List<String> out = new ArrayList<>();
    for (String c : columns) out.add(d.textKey(prefix + d.quoteIdent(c)));
    return out;
  }

  /**
   * The relation's rows with their rank within their key (1: the row kept) and whether a key part
   * is blank; the order of DistinctRows' and TableJoiner's {@code many:}: a row with {@code by}
   * before one without, then by {@code by} (greatest first for the last), then by the file.
   */
  private String ranked(String from, List<String> key, String by, boolean last) {
    List<String> k = keys(key, "");
    List<String> blank = new ArrayList<>();
    for (String x : k) blank.add(x + " IS NULL");
    String dir = last ? " DESC" : " ASC";
    String order =
        (by == null ? "" : d.quoteIdent(by) + " IS NULL, " + d.quoteIdent(by) + dir + ", ")
            + "kpi_record"
            + dir;
    return "SELECT *, "
        + String.join(" OR ", blank)
        + " AS kpi_key_blank, row_number() OVER (PARTITION BY "
        + String.join(", ", k)
        + " ORDER BY "
        + order
        + ") AS kpi_rank FROM "
        + from;
  }

  /** The other source's rows by key, one per key (many: first or last; else the file's first). */
  String winners(JoinDef j) {
    SourceDef other = def.sources().get(j.source());
    List<String> k = keys(new ArrayList<>(j.on().values()), "");
    List<String> named = new ArrayList<>();
    List<String> notNull = new ArrayList<>();
    for (int i = 0; i < k.size(); i++) {
      named.add(k.get(i) + " AS kpi_key" + i);
      notNull.add("kpi_key" + i + " IS NOT NULL");
    }
    return "(SELECT * FROM (SELECT *, "
        + String.join(", ", named)
        + ", row_number() OVER (PARTITION BY "
        + String.join(", ", k)
        + " ORDER BY "
        + (j.by() == null
            ? ""
            : d.quoteIdent(j.by())
                + " IS NULL, "
                + d.quoteIdent(j.by())
                + (j.many() == JoinDef.Many.LAST ? " DESC, " : " ASC, "))
        + "kpi_record"
        + (j.many() == JoinDef.Many.LAST ? " DESC" : " ASC")
        + ") AS kpi_rank FROM "
        + rows(other)
        + ") AS kpi_ranked WHERE kpi_rank = 1 AND "
        + String.join(" AND ", notNull)
        + ")";
  }

  private String joined(String left, JoinDef j, List<String> used) {
    List<String> k = keys(new ArrayList<>(j.on().keySet()), "kpi_left.");
    List<String> on = new ArrayList<>();
    for (int i = 0; i < k.size(); i++) on.add(k.get(i) + " = kpi_right.kpi_key" + i);
    List<String> select = new ArrayList<>(List.of("kpi_left.*"));
    for (String c : used) select.add("kpi_right." + d.quoteIdent(c));
    return "SELECT "
        + String.join(", ", select)
        + " FROM "
        + left
        + " AS kpi_left "
        + (j.dropUnmatched() ? "JOIN " : "LEFT JOIN ")
        + winners(j)
        + " AS kpi_right ON "
        + String.join(" AND ", on);
  }
}
