package dev.journeykpi.engine;

import dev.journeykpi.calc.DerivedColumns;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.JoinDef;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.ingest.LoadedSource;
import dev.journeykpi.ingest.TableJoiner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports the sources the KPIs read and the sources they join, each once and with only the columns
 * needed (the join keys, the joined columns the KPIs read, a {@code many:}'s {@code by}), then
 * performs the joins, the joined sources' own joins first.
 */
final class JoinedSources {
  private JoinedSources() {}

  /** Imports one source with the columns given (null: every column). */
  @FunctionalInterface
  interface Loader {
    LoadedSource load(SourceDef source, Set<String> only);
  }

  /**
   * @param needed source → the columns its KPIs read, KPI sources in the order they come
   * @return every source imported, joined; the KPIs' sources first, then those only joined
   */
  static Map<String, LoadedSource> load(
      Definition def, Map<String, Set<String>> needed, Loader loader) {
    Map<String, Set<String>> all = new LinkedHashMap<>();
    needed.forEach((id, cols) -> all.put(id, withDerivedInputs(def.sources().get(id), cols)));
    // A join is performed when a KPI reads one of its columns or when it drops unmatched rows; what
    // it reads of the other source may make that source's own joins needed in turn.
    Deque<String> todo = new ArrayDeque<>(all.keySet());
    while (!todo.isEmpty()) {
      String id = todo.pop();
      Set<String> cols = all.get(id);
      for (JoinDef j : def.sources().get(id).joins()) {
        List<String> used = used(j, cols);
        if (used.isEmpty() && !j.dropUnmatched()) continue;
        cols.addAll(j.on().keySet());
        Set<String> theirs = all.computeIfAbsent(j.source(), k -> new LinkedHashSet<>());
        int before = theirs.size();
        boolean fresh = before == 0 && !needed.containsKey(j.source());
        theirs.addAll(j.on().values());
        theirs.addAll(used);
        if (j.by() != null) theirs.add(j.by());
        if (fresh || theirs.size() > before) todo.push(j.source());
      }
    }
    Map<String, LoadedSource> imported = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : all.entrySet()) {
      SourceDef s = def.sources().get(e.getKey());
      imported.put(e.getKey(), loader.load(s, s.columns().isEmpty() ? null : e.getValue()));
    }
    Map<String, LoadedSource> joined = new LinkedHashMap<>();
    for (String id : all.keySet()) joined(id, def, all, imported, joined);
    Map<String, LoadedSource> out = new LinkedHashMap<>();
    // Derived columns are computed last, on the joined table, since they may read joined columns.
    for (String id : all.keySet()) {
      SourceDef s = def.sources().get(id);
      DerivedColumns.add(s, joined.get(id).table(), s.columns().isEmpty() ? null : all.get(id));
      out.put(id, joined.get(id));
    }
    return out;
  }

  /**
   * The columns read plus those the derived columns among them read, transitively, so that the
   * joined columns an expression reads are joined and its other inputs imported.
   */
  private static Set<String> withDerivedInputs(SourceDef s, Set<String> cols) {
    Set<String> out = new LinkedHashSet<>(cols);
    Deque<String> todo = new ArrayDeque<>(cols);
    while (!todo.isEmpty()) {
      var c = s.columns().get(todo.pop());
      if (c == null || !c.isDerived()) continue;
      for (String in : c.lookup().inputs()) if (out.add(in)) todo.push(in);
    }
    return out;
  }

  /** The joined columns of {@code j} among the columns read, in the order the join lists them. */
  private static List<String> used(JoinDef j, Set<String> read) {
    return j.columns().stream().filter(read::contains).toList();
  }

  /** The source with its joins done, the sources it joins first (the binder refused cycles). */
  private static LoadedSource joined(
      String id,
      Definition def,
      Map<String, Set<String>> read,
      Map<String, LoadedSource> imported,
      Map<String, LoadedSource> done) {
    LoadedSource have = done.get(id);
    if (have != null) return have;
    LoadedSource src = imported.get(id);
    for (JoinDef j : def.sources().get(id).joins()) {
      List<String> used = used(j, read.get(id));
      if (used.isEmpty() && !j.dropUnmatched()) continue;
      LoadedSource other = joined(j.source(), def, read, imported, done);
      src = TableJoiner.join(src, j, other, new LinkedHashSet<>(used));
    }
    done.put(id, src);
    return src;
  }
}
