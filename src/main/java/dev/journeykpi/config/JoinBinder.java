package dev.journeykpi.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every source's {@code join:} against the other sources, once all are bound, and adds the
 * joined columns to the joining source, typed as the other source declares them, so that KPIs name
 * them like any column of it; then types its derived columns ({@link DeriveBinder}), which may read
 * the joined ones. Sources are bound after those they join, so a join may take, or match on, a
 * derived column of the other source, and a join's own key may be a derived column.
 */
final class JoinBinder {
  private final Diagnostics d;
  private final DeriveBinder derive;

  JoinBinder(Diagnostics d) {
    this.d = d;
    this.derive = new DeriveBinder(d);
  }

  /** The sources with their joined columns; sources in a join cycle keep only their own columns. */
  Map<String, SourceDef> bind(Map<String, SourceDef> sources) {
    Map<String, SourceDef> out = new LinkedHashMap<>(sources);
    Set<String> inCycle = cycles(sources);
    Set<String> done = new HashSet<>();
    for (String id : sources.keySet()) resolve(id, out, inCycle, done);
    return out;
  }

  /**
   * Binds {@code id}'s joins after those of the sources it joins, so that a column another source
   * itself joined in can be taken on (deals ← accounts ← regions).
   */
  private void resolve(
      String id, Map<String, SourceDef> all, Set<String> inCycle, Set<String> done) {
    if (!done.add(id)) return;
    SourceDef s = all.get(id);
    // A source on a join cycle is still checked (every problem at once); resolving stops at the
    // source met twice, and a definition with errors is never run.
    Map<String, ColumnDef> columns = new LinkedHashMap<>(s.columns());
    String ctx = "source '" + id + "'";
    // Which join takes each joined column, by its place in the list: a join's key must be known
    // before it.
    Map<String, Integer> joinedBy = new java.util.HashMap<>();
    Set<String> derived = new HashSet<>();
    s.derive().forEach(t -> derived.add(t.name()));
    if (!s.joins().isEmpty() && s.columns().isEmpty())
      d.error(
          s.joins().get(0).location(),
          ctx
              + " joins other sources, so it needs a 'columns:' mapping (its key columns at least)");
    for (JoinDef j : s.joins()) {
      String what = ctx + " join with '" + j.source() + "'";
      if (j.source() == null) continue;
      if (j.source().equals(id)) {
        d.error(j.where("source"), ctx + " cannot join itself");
        continue;
      }
      SourceDef other = all.get(j.source());
      if (other == null) {
        d.error(
            j.where("source"),
            ctx
                + " joins unknown source '"
                + j.source()
                + "'"
                + Suggestions.hint(j.source(), all.keySet())
                + "; sources: "
                + String.join(", ", all.keySet()));
        continue;
      }
      resolve(j.source(), all, inCycle, done);
      other = all.get(j.source());
      if (other.columns().isEmpty()) {
        d.error(
            j.where("source"),
            what + ": source '" + j.source() + "' needs a 'columns:' mapping to be joined");
        continue;
      }
      for (Map.Entry<String, String> k : j.on().entrySet()) {
        ColumnDef theirs = other.columns().get(k.getValue());
        Location at = j.where("on:" + k.getKey());
        // Known so far: the source's own columns, those earlier joins took, its derived ones (whose
        // inputs are checked once they are typed: keys below).
        if (!columns.containsKey(k.getKey()) && !derived.contains(k.getKey()))
          d.error(
              at,
              what
                  + ": key '"
                  + k.getKey()
                  + "' is not a column of "
                  + id
                  + Suggestions.hint(k.getKey(), s.columns().keySet()));
        if (theirs == null)
          d.error(
              at,
              what
                  + ": key '"
                  + k.getValue()
                  + "' is not a column of "
                  + j.source()
                  + Suggestions.hint(k.getValue(), other.columns().keySet()));
      }
      if (j.by() != null && !other.columns().containsKey(j.by()))
        d.error(
            j.where("by"),
            what
                + ".by: '"
                + j.by()
                + "' is not a column of "
                + j.source()
                + Suggestions.hint(j.by(), other.columns().keySet()));
      for (String c : j.columns()) {
        Location at = j.where("column:" + c);
        ColumnDef theirs = other.columns().get(c);
        if (theirs == null) {
          d.error(
              at,
              what
                  + ": '"
                  + c
                  + "' is not a column of "
                  + j.source()
                  + Suggestions.hint(c, other.columns().keySet())
                  + "; columns: "
                  + String.join(", ", other.columns().keySet()));
          continue;
        }
        if (columns.containsKey(c)) {
          d.error(
              at,
              what
                  + ": column '"
                  + c
                  + "' clashes with "
                  + id
                  + "'s own column '"
                  + c
                  + "' (or one joined before); rename one of them in its source's columns:");
          continue;
        }
        joinedBy.put(c, s.joins().indexOf(j));
        columns.put(
            c,
            new ColumnDef(
                c,
                null,
                theirs.type(),
                List.of(),
                theirs.durationUnit(),
                theirs.decimalMark(),
                false,
                new ColumnDef.Lookup(
                    null,
                    Map.of(),
                    List.of(),
                    new ColumnDef.Joined(j.source(), c, new ArrayList<>(j.on().keySet()))),
                at));
      }
    }
    // Derived columns may read joined ones (and be read as keys below), so they are typed now.
    columns = derive.bind(s, columns);
    for (int i = 0; i < s.joins().size(); i++) keys(s, i, columns, joinedBy, all);
    if (s.distinct() != null) distinctKeys(s, columns, joinedBy);
    all.put(id, s.withColumns(columns));
  }

  /**
   * Checks join {@code i}'s keys on this side: each is one of the source's columns known before the
   * join — its own, one an earlier join took, or a derived column reading only those — and of the
   * kind of the other side's key.
   */
  private void keys(
      SourceDef s,
      int i,
      Map<String, ColumnDef> columns,
      Map<String, Integer> joinedBy,
      Map<String, SourceDef> all) {
    JoinDef j = s.joins().get(i);
    if (j.source() == null || j.source().equals(s.id()) || !all.containsKey(j.source())) return;
    SourceDef other = all.get(j.source());
    String what = "source '" + s.id() + "' join with '" + j.source() + "'";
    for (Map.Entry<String, String> k : j.on().entrySet()) {
      Location at = j.where("on:" + k.getKey());
      ColumnDef mine = columns.get(k.getKey());
      if (mine == null) continue; // reported with the join, or with the derived column's error
      String late = joinedAtOrAfter(k.getKey(), i, columns, joinedBy);
      if (late != null) {
        int by = joinedBy.get(late);
        d.error(
            at,
            what
                + ": key '"
                + k.getKey()
                + "' "
                + (late.equals(k.getKey()) ? "is" : "is derived from '" + late + "', which is")
                + " taken by "
                + (by == i
                    ? "this join itself: a join's key cannot come from the join (a cycle)"
                    : "the later join with '"
                        + s.joins().get(by).source()
                        + "'; list that join before this one"));
        continue;
      }
      ColumnDef theirs = other.columns().get(k.getValue());
      if (theirs != null && keyKind(mine) != keyKind(theirs))
        d.error(
            at,
            what
                + ": key "
                + s.id()
                + "."
                + k.getKey()
                + " is "
                + mine.type().yamlName()
                + " but "
                + j.source()
                + "."
                + k.getValue()
                + " is "
                + theirs.type().yamlName()
                + "; keys are compared as text or as numbers, so declare both the same type");
    }
  }

  /**
   * A derived column as a {@code distinct:} key or {@code by}: one row per key is kept right after
   * the import, before any join, so it may read only the source's own columns; {@code by} must be
   * ordered.
   */
  private void distinctKeys(
      SourceDef s, Map<String, ColumnDef> columns, Map<String, Integer> joinedBy) {
    DistinctDef x = s.distinct();
    for (String k : x.columns()) {
      ColumnDef c = columns.get(k);
      if (c == null || !c.isDerived()) continue;
      String what = "source '" + s.id() + "'.distinct";
      String late = joinedAtOrAfter(k, 0, columns, joinedBy);
      if (late != null) {
        d.error(
            x.location(),
            what
                + ": '"
                + k
                + "' is derived from joined column '"
                + late
                + "', but one row per key is kept before the joins; derive it from the source's"
                + " own columns");
      } else if (k.equals(x.by()) && !c.type().isOrdered()) {
        d.error(
            x.location(),
            what
                + ".by orders each key's rows, so it is a number, duration, date or datetime"
                + " column; '"
                + k
                + "' is "
                + c.type().yamlName());
      }
    }
  }

  /**
   * The column that {@code name} is or reads (through derived columns) that join {@code i} or a
   * later one takes; null when every column it reads is known before join {@code i}.
   */
  private static String joinedAtOrAfter(
      String name, int i, Map<String, ColumnDef> columns, Map<String, Integer> joinedBy) {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(name));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (!seen.add(c)) continue;
      Integer by = joinedBy.get(c);
      if (by != null && by >= i) return c;
      ColumnDef def = columns.get(c);
      if (def != null && def.isDerived()) todo.addAll(def.lookup().inputs());
    }
    return null;
  }

  /** Keys are matched as numbers when both are numbers, else as normalised text. */
  private static boolean keyKind(ColumnDef c) {
    return c.type() == ValueType.NUMBER;
  }

  /** The sources on a join cycle (a joins b joins a), each reported once at its join. */
  private Set<String> cycles(Map<String, SourceDef> sources) {
    Set<String> out = new HashSet<>();
    for (SourceDef s : sources.values()) {
      for (JoinDef j : s.joins()) {
        if (j.source() == null || j.source().equals(s.id())) continue;
        List<String> path = pathTo(j.source(), s.id(), sources, new HashSet<>());
        if (path != null) {
          out.add(s.id());
          d.error(
              j.where("source"),
              "source '"
                  + s.id()
                  + "' join with '"
                  + j.source()
                  + "' makes a cycle: "
                  + s.id()
                  + " → "
                  + String.join(" → ", path)
                  + "; one of these joins must go");
        }
      }
    }
    return out;
  }

  /** The joins from {@code from} that lead back to {@code to}; null when none does. */
  private static List<String> pathTo(
      String from, String to, Map<String, SourceDef> sources, Set<String> seen) {
    if (from.equals(to)) return new ArrayList<>(List.of(to));
    if (!seen.add(from) || !sources.containsKey(from)) return null;
    for (JoinDef j : sources.get(from).joins()) {
      if (j.source() == null) continue;
      List<String> rest = pathTo(j.source(), to, sources, seen);
      if (rest != null) {
        rest.add(0, from);
        return rest;
      }
    }
    return null;
  }
}
