package dev.journeykpi.calc;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What several KPIs of one run build alike from the same rows, built once: a funnel's leads for the
 * funnel and each of its conversions, a customers source's activity histories for every customers
 * KPI over it. Each KPI filters its own rows, so a build is shared when its table is the same
 * object and its rows are the same rows (compared in full, never by a hash alone), and the spec
 * that decides it is equal.
 *
 * <p>Kept by soft reference: when the heap runs short (10,000,000 rows in {@code -Xmx2g}) the
 * collector drops a build no KPI is using, and the next KPI that asks builds it again, as it would
 * have without sharing. KPIs run on two threads: a build asked for by both is made by one while the
 * other waits.
 */
public final class SharedBuilds {
  private record Key(int table, List<?> spec, int rowsHash, int rows) {}

  private static final class Entry {
    final Object table;
    final int[] rows;
    SoftReference<Object> value;

    Entry(Object table, int[] rows) {
      this.table = table;
      this.rows = rows;
    }
  }

  private final Map<Key, List<Entry>> entries = new HashMap<>();

  /**
   * The build of {@code spec} over {@code rows} of {@code table}, made by {@code build} when no
   * equal one is kept.
   *
   * @param spec what else decides the build (column names, definitions): equal specs build alike
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object table, List<?> spec, int[] rows, Supplier<T> build) {
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

  private synchronized Entry entry(Object table, List<?> spec, int[] rows) {
    Key k = new Key(System.identityHashCode(table), spec, Arrays.hashCode(rows), rows.length);
    List<Entry> same = entries.computeIfAbsent(k, x -> new ArrayList<>(1));
    for (Entry e : same) {
      if (e.table == table && Arrays.equals(e.rows, rows)) return e;
    }
    Entry e = new Entry(table, rows);
    same.add(e);
    return e;
  }
}
