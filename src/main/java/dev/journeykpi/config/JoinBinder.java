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
    DerivedKeyChecks checks = new DerivedKeyChecks(d);
    for (int i = 0; i < s.joins().size(); i++) checks.joinKeys(s, i, columns, joinedBy, all);
    if (s.distinct() != null) checks.distinctKeys(s, columns, joinedBy);
    all.put(id, s.withColumns(columns));
  }

  /** Keys are matched as numbers when both are numbers, else as normalised text. */
  static boolean keyKind(ColumnDef c) {
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
