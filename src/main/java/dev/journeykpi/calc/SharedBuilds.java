package dev.journeykpi.calc;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * What several KPIs of one run build alike from the same rows, built once: a funnel's leads for the
 * funnel and each of its conversions, a customers source's activity histories for every customers
 * KPI over it. Each KPI filters its own rows, so a build is shared when its table is the same
 * object and its rows are the same rows (compared in full, never by a hash alone), and the spec
 * that decides it is equal.
 *
 * <p>The rows are kept as a copy of the selection's bitmap, not as an array of row numbers: at
 * 10,000,000 rows an array was 40 MB per build kept for the whole run, and making it, hashing it
 * and comparing it was a pass over 10,000,000 ints at every ask (every period and group of every
 * KPI); the bitmap is at most 1.25 MB and its hash and comparison read a word per 64 rows. The same
 * selection object asked again (the next period of the same KPI) is known by identity, before any
 * comparison.
 *
 * <p>Builds are kept by soft reference: when the heap runs short (10,000,000 rows in {@code
 * -Xmx2g}) the collector drops a build no KPI is using, and the next KPI that asks builds it again,
 * as it would have without sharing. KPIs run on two threads: a build asked for by both is made by
 * one while the other waits.
 */
public final class SharedBuilds {
  private record Key(int table, List<?> spec, int rowsHash, int rows) {}

  private static final class Entry {
    final Object table;

    /** A copy: the caller's selection is its own to change. */
    final Selection rows;

    /** The selection last asked with, by identity (weakly: it is the caller's). */
    WeakReference<Selection> asked;

    SoftReference<Object> value;

    Entry(Object table, Selection rows, Selection asked) {
      this.table = table;
      this.rows = rows;
      this.asked = new WeakReference<>(asked);
    }
  }

  private final Map<Key, List<Entry>> entries = new HashMap<>();

  /**
   * The build of {@code spec} over {@code rows} of {@code table}, made by {@code build} when no
   * equal one is kept.
   *
   * @param spec what else decides the build (column names, definitions): equal specs build alike
   * @param rows the rows the build reads; not changed, and not kept
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object table, List<?> spec, Selection rows, Supplier<T> build) {
    Entry e = entry(table, spec, rows);
    synchronized (e) {
      Object v = e.value == null ? null : e.value.get();
      if (v == null) {
        v = build.get();
        e.value = new SoftReference<>(v);
      }
      return (T) v;
    }
  }

  /** The same for rows given as row numbers, ascending and each once (a selection's array). */
  public <T> T get(Object table, List<?> spec, int[] rows, Supplier<T> build) {
    return get(table, spec, new BitmapBackedSelection(rows), build);
  }

  private synchronized Entry entry(Object table, List<?> spec, Selection rows) {
    Key k = new Key(System.identityHashCode(table), spec, rows.hashCode(), rows.size());
    List<Entry> same = entries.computeIfAbsent(k, x -> new ArrayList<>(1));
    for (Entry e : same) {
      if (e.table != table) continue;
      if (e.asked.get() == rows) return e;
      if (e.rows.equals(rows)) {
        e.asked = new WeakReference<>(rows);
        return e;
      }
    }
    Entry e = new Entry(table, copy(rows), rows);
    same.add(e);
    return e;
  }

  private static Selection copy(Selection rows) {
    return rows instanceof BitmapBackedSelection
        ? new BitmapBackedSelection().or(rows)
        : new BitmapBackedSelection(rows.toArray());
  }
}
