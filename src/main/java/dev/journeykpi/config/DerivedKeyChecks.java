package dev.journeykpi.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a source's join keys and {@code distinct:} key once its derived columns are typed: a key
 * must be known before it is used — a join's before that join (the source's own columns, those of
 * earlier joins, derived columns reading only those), a distinct key before any join — and a join's
 * two keys of one kind (numbers with numbers).
 */
final class DerivedKeyChecks {
  private final Diagnostics d;

  DerivedKeyChecks(Diagnostics d) {
    this.d = d;
  }

  /**
   * Checks join {@code i}'s keys on this side: each is one of the source's columns known before the
   * join — its own, one an earlier join took, or a derived column reading only those — and of the
   * kind of the other side's key.
   */
  void joinKeys(
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
      if (theirs != null && JoinBinder.keyKind(mine) != JoinBinder.keyKind(theirs))
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
  void distinctKeys(SourceDef s, Map<String, ColumnDef> columns, Map<String, Integer> joinedBy) {
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
}
