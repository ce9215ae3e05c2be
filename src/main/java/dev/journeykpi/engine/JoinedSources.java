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
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * Imports the sources the KPIs read and the sources they join, each once and with only the columns
 * needed (the join keys, the joined columns the KPIs read, a {@code many:}'s {@code by}), then
 * performs the joins, the joined sources' own joins first.
 */
final class JoinedSources {
  private JoinedSources() {}

  /**
   * Imports one source with the columns given (null: every column); {@code beforeDistinct}, when
   * not null, adds the derived columns its {@code distinct:} reads before one row per key is kept.
   */
  @FunctionalInterface
  interface Loader {
    LoadedSource load(SourceDef source, Set<String> only, Consumer<Table> beforeDistinct);
  }

  /**
   * @param needed source → the columns its KPIs read, KPI sources in the order they come
   * @return every source imported, joined; the KPIs' sources first, then those only joined
   */
  static Map<String, LoadedSource> load(
      Definition def, Map<String, Set<String>> needed, Loader loader) {
    Map<String, Set<String>> all = read(def, needed);
    Map<String, LoadedSource> imported = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : all.entrySet()) {
      SourceDef s = def.sources().get(e.getKey());
      imported.put(
          e.getKey(),
          loader.load(s, s.columns().isEmpty() ? null : e.getValue(), beforeDistinct(s)));
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
   * Every source read and the columns read of each: the KPIs' sources with the columns their
   * derived columns read, then, for each join performed ({@link JoinDef#performed}), its keys, and
   * the joined source with its keys, the columns taken and {@code by}, transitively. The SQL engine
   * types and joins the same sources and columns.
   *
   * @param needed source → the columns its KPIs read, KPI sources in the order they come
   * @return source → columns read; the KPIs' sources first, then those only joined
   */
  static Map<String, Set<String>> read(Definition def, Map<String, Set<String>> needed) {
    Map<String, Set<String>> all = new LinkedHashMap<>();
    needed.forEach((id, cols) -> all.put(id, withDerivedInputs(def.sources().get(id), cols)));
    // A join is performed when a KPI reads one of its columns or when it drops unmatched rows; what
    // it reads of the other source may make that source's own joins needed in turn.
    Deque<String> todo = new ArrayDeque<>(all.keySet());
    while (!todo.isEmpty()) {
      String id = todo.pop();
      Set<String> cols = all.get(id);
      // A derived key or column read reads its inputs, which may be joined columns of another join.
      cols.addAll(withDerivedInputs(def.sources().get(id), cols));
      int before = cols.size();
      for (JoinDef j : def.sources().get(id).joins()) {
        if (!j.performed(cols)) continue;
        List<String> used = j.used(cols);
        cols.addAll(j.on().keySet());
        Set<String> theirs = all.computeIfAbsent(j.source(), k -> new LinkedHashSet<>());
        int known = theirs.size();
        boolean fresh = known == 0 && !needed.containsKey(j.source());
        theirs.addAll(j.on().values());
        theirs.addAll(used);
        if (j.by() != null) theirs.add(j.by());
        if (fresh || theirs.size() > known) todo.push(j.source());
      }
      // New keys may need a join listed before theirs: the source's joins are looked at again.
      if (cols.size() > before) todo.push(id);
    }
    return all;
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

  /** The derived columns {@code s}'s {@code distinct:} reads, computed before it; null if none. */
  private static Consumer<Table> beforeDistinct(SourceDef s) {
    if (s.distinct() == null) return null;
    Set<String> derived = new LinkedHashSet<>();
    for (String c : s.distinct().columns()) {
      var def = s.columns().get(c);
      if (def != null && def.isDerived()) derived.add(c);
    }
    return derived.isEmpty() ? null : table -> DerivedColumns.add(s, table, derived);
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
      if (!j.performed(read.get(id))) continue;
      List<String> used = j.used(read.get(id));
      LoadedSource other = joined(j.source(), def, read, imported, done);
      // Derived keys, and the other source's derived columns this join reads, are computed first
      // (the binder made sure they read only what is known before this join).
      DerivedColumns.add(def.sources().get(id), src.table(), new LinkedHashSet<>(j.on().keySet()));
      Set<String> theirs = new LinkedHashSet<>(j.on().values());
      theirs.addAll(used);
      if (j.by() != null) theirs.add(j.by());
      DerivedColumns.add(def.sources().get(j.source()), other.table(), theirs);
      src = TableJoiner.join(src, j, other, new LinkedHashSet<>(used));
    }
    done.put(id, src);
    return src;
  }
}
