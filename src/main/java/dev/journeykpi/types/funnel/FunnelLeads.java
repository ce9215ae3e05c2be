package dev.journeykpi.types.funnel;

import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.KeyNumbering;
import dev.journeykpi.config.FunnelDef;
import dev.journeykpi.config.TextKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The leads of a funnel and when each entered each stage, read from a stage history (one row per
 * entry) or a current-stage snapshot (one row per lead, with optional "date entered" columns).
 *
 * <p>History rules, applied the same way whatever the file order: the <em>first</em> entry into a
 * stage is the one that counts for reach (a duplicated row or a re-entry changes nothing); time in
 * a stage adds up every stay in it, each stay lasting until the lead's next entry into another
 * stage; a stay still open at the end is not counted.
 */
final class FunnelLeads {
  static final long NONE = Cells.MISSING_TIME;

  /**
   * One lead: its id, the row that names it (for breakdowns and lists), first entry per stage, and
   * what else is known.
   */
  static final class Lead {
    final String id;
    final int row;

    /** first entry time per stage (packed), NONE when not entered or unknown */
    final long[] first;

    /**
     * snapshot without dates: stages known to be reached even though their date is not (null until
     * one is)
     */
    private boolean[] reachedUndated;

    /**
     * time spent per stage in seconds, summed over stays (null until a stay is known: open stays,
     * snapshots)
     */
    private double[] timeIn;

    /**
     * the lost outcome's entry time, NONE when not lost. Lost is the lead's latest word: a lost
     * entry followed by a stage entry (a reopening) does not count, and the lost entry that stands
     * is the first one after its last stage entry.
     */
    long lostAt = NONE;

    /**
     * history: the lead's earliest entry of any kind, a reopened lost outcome too (its cohort
     * time); NONE otherwise
     */
    long seenAt = NONE;

    /** snapshot: the lead's creation (cohort) time */
    long created = NONE;

    /**
     * history: the stage of the lead's earliest stage entry (the lowest at a tie), -1 when it has
     * none
     */
    int firstSeen = -1;

    /**
     * the stage the lead is at now: its latest entry (history) or current stage (snapshot); LOST
     * for a lost outcome
     */
    int current = -1;

    static final int LOST = -1;

    // The two per-stage arrays are made only when used: a snapshot of 1,000,000 leads allocated
    // 2,000,000 arrays it never wrote, and the young collections copied them.
    Lead(String id, int row, int stages) {
      this.id = id;
      this.row = row;
      this.first = new long[stages];
      java.util.Arrays.fill(first, NONE);
    }

    boolean reachedUndated(int k) {
      return reachedUndated != null && reachedUndated[k];
    }

    void markReachedUndated(int k) {
      if (reachedUndated == null) reachedUndated = new boolean[first.length];
      reachedUndated[k] = true;
    }

    /** Seconds spent in stage k over all stays, NaN when unknown. */
    double timeIn(int k) {
      return timeIn == null ? Double.NaN : timeIn[k];
    }

    void addTimeIn(int k, double seconds) {
      if (timeIn == null) {
        timeIn = new double[first.length];
        java.util.Arrays.fill(timeIn, Double.NaN);
      }
      timeIn[k] = (Double.isNaN(timeIn[k]) ? 0 : timeIn[k]) + seconds;
    }

    boolean isLost() {
      return lostAt != NONE;
    }
  }

  final List<Lead> leads;

  /** stage values that are neither a stage nor a lost outcome: value → rows */
  final Map<String, Integer> unmapped;

  final int noLead;
  final int noTime;

  private FunnelLeads(List<Lead> leads, Map<String, Integer> unmapped, int noLead, int noTime) {
    this.leads = leads;
    this.unmapped = unmapped;
    this.noLead = noLead;
    this.noTime = noTime;
  }

  /** Stage index for a raw value: 0…n-1 a stage, -1 a lost outcome, -2 unknown. */
  static Map<String, Integer> stageIndex(FunnelDef f) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < f.stages().size(); i++) {
      for (String v : f.stages().get(i).values()) out.put(TextKey.of(v), i);
    }
    for (FunnelDef.Stage s : f.lost()) for (String v : s.values()) out.put(TextKey.of(v), -1);
    return out;
  }

  static FunnelLeads of(Table table, Selection rows, FunnelDef f, String time) {
    return f.history() ? history(table, rows, f, time) : snapshot(table, rows, f, time);
  }

  private static FunnelLeads history(Table table, Selection rows, FunnelDef f, String time) {
    Column<?> who = table.column(f.lead());
    Column<?> stage = table.column(f.stageColumn());
    Column<?> when = table.column(time);
    Stages stages = new Stages(stage, stageIndex(f));
    KeyNumbering ids = new KeyNumbering(who);
    // The entries (lead number, stage, time, row) in primitive arrays, then bucketed by lead (a
    // counting sort): an object per entry and a list per lead made the young collections copy
    // millions of objects (a sixth of the funnel benchmark's CPU) and held 10,000,000 rows' entries
    // beyond -Xmx2g.
    int[] rs = Cells.rows(rows);
    int[] leadOf = new int[rs.length];
    int[] stageOf = new int[rs.length];
    long[] timeOf = new long[rs.length];
    int[] rowOf = new int[rs.length];
    int entries = 0;
    it.unimi.dsi.fastutil.ints.IntArrayList order =
        new it.unimi.dsi.fastutil.ints.IntArrayList(); // lead numbers, first entry first
    int[] perLead = new int[64];
    Map<String, Integer> unmapped = new java.util.TreeMap<>();
    int noLead = 0, noTime = 0;
    for (int row : rs) {
      int id = Cells.isBlank(who, row) ? -1 : ids.of(row);
      if (id < 0) {
        noLead++;
        continue;
      }
      long t = Cells.packedTime(when, row);
      if (t == NONE) {
        noTime++;
        continue;
      }
      int k = stages.of(row);
      if (k == Stages.UNKNOWN) {
        unmapped.merge(stages.raw(row), 1, Integer::sum);
        continue;
      }
      if (id >= perLead.length)
        perLead = java.util.Arrays.copyOf(perLead, Math.max(id + 1, perLead.length * 2));
      if (perLead[id]++ == 0) order.add(id);
      leadOf[entries] = id;
      stageOf[entries] = k;
      timeOf[entries] = t;
      rowOf[entries] = row;
      entries++;
    }
    // from[id] is where lead id's entries start in byLead, in row order.
    int[] from = new int[perLead.length + 1];
    for (int id = 0; id < perLead.length; id++) from[id + 1] = from[id] + perLead[id];
    int[] byLead = new int[entries];
    int[] next = java.util.Arrays.copyOf(from, perLead.length);
    for (int e = 0; e < entries; e++) byLead[next[leadOf[e]]++] = e;
    List<Lead> leads = new ArrayList<>(order.size());
    int n = f.stages().size();
    for (int o = 0; o < order.size(); o++) {
      int number = order.getInt(o);
      int a = from[number], b = from[number + 1];
      sortEntries(byLead, a, b, stageOf, timeOf);
      int e0 = byLead[a];
      Lead lead = new Lead(ids.id(number), rowOf[e0], n);
      lead.seenAt = timeOf[e0];
      long earliest = NONE;
      for (int i = a; i < b; i++) {
        int e = byLead[i];
        if (stageOf[e] < 0) continue;
        if (earliest == NONE) earliest = timeOf[e];
        if (timeOf[e] == earliest && (lead.firstSeen < 0 || stageOf[e] < lead.firstSeen))
          lead.firstSeen = stageOf[e];
      }
      lead.current = stageOf[byLead[b - 1]];
      for (int i = a; i < b; i++) {
        int k = stageOf[byLead[i]];
        long t = timeOf[byLead[i]];
        if (k == -1) {
          if (lead.lostAt == NONE) lead.lostAt = t;
          continue;
        }
        lead.lostAt = NONE; // entered a stage after the lost outcome: reopened, not lost
        if (lead.first[k] == NONE) lead.first[k] = t;
        // A stay lasts until the next entry into another stage; repeated rows of the same stage
        // extend the stay.
        int j = i + 1;
        while (j < b && stageOf[byLead[j]] == k) j++;
        if (j < b) {
          double stay =
              (Cells.localEpochMillis(timeOf[byLead[j]]) - Cells.localEpochMillis(t)) / 1000.0;
          lead.addTimeIn(k, stay);
        }
        i = j - 1;
      }
      leads.add(lead);
    }
    return new FunnelLeads(leads, unmapped, noLead, noTime);
  }

  /**
   * Sorts a lead's entries {@code byLead[a, b)}, which are in row order, by time; entries of the
   * same moment (date-only logs: contacted and lost on one day) in process order, not file order:
   * stages by their place, a lost outcome last, so a CRM's newest-first export reads like its
   * oldest-first one; then by row (kept by a stable sort). A lead has a few entries: an insertion
   * sort, stable; a long history is sorted as boxed indices by the same, stable, comparison.
   */
  private static void sortEntries(int[] byLead, int a, int b, int[] stageOf, long[] timeOf) {
    if (b - a <= 32) {
      for (int i = a + 1; i < b; i++) {
        int e = byLead[i];
        int j = i - 1;
        while (j >= a && after(byLead[j], e, stageOf, timeOf)) {
          byLead[j + 1] = byLead[j];
          j--;
        }
        byLead[j + 1] = e;
      }
      return;
    }
    Integer[] boxed = new Integer[b - a];
    for (int i = a; i < b; i++) boxed[i - a] = byLead[i];
    java.util.Arrays.sort(
        boxed, (x, y) -> after(x, y, stageOf, timeOf) ? 1 : after(y, x, stageOf, timeOf) ? -1 : 0);
    for (int i = a; i < b; i++) byLead[i] = boxed[i - a];
  }

  /** Whether entry x sorts after entry y by time, then stage (a lost outcome last). */
  private static boolean after(int x, int y, int[] stageOf, long[] timeOf) {
    if (timeOf[x] != timeOf[y]) return timeOf[x] > timeOf[y];
    long sx = stageOf[x] < 0 ? Long.MAX_VALUE : stageOf[x];
    long sy = stageOf[y] < 0 ? Long.MAX_VALUE : stageOf[y];
    return sx > sy;
  }

  private static FunnelLeads snapshot(Table table, Selection rows, FunnelDef f, String time) {
    Column<?> who = table.column(f.lead());
    Column<?> stage = table.column(f.stageColumn());
    Column<?> created = time == null ? null : table.column(time);
    int n = f.stages().size();
    List<Column<?>> entered = new ArrayList<>();
    for (FunnelDef.Stage s : f.stages())
      entered.add(s.entered() == null ? null : table.column(s.entered()));
    Stages stages = new Stages(stage, stageIndex(f));
    KeyNumbering ids = new KeyNumbering(who);
    Map<String, Integer> unmapped = new java.util.TreeMap<>();
    List<Lead> leads = new ArrayList<>();
    java.util.BitSet seen = new java.util.BitSet();
    int noLead = 0, noTime = 0;
    for (int row : Cells.rows(rows)) {
      int number = Cells.isBlank(who, row) ? -1 : ids.of(row);
      if (number < 0) {
        noLead++;
        continue;
      }
      int current = stages.of(row);
      if (current == Stages.UNKNOWN) {
        unmapped.merge(stages.raw(row), 1, Integer::sum);
        continue;
      }
      if (seen.get(number)) continue; // one row per lead: a repeated id keeps its first row
      seen.set(number);
      Lead lead = new Lead(ids.id(number), row, n);
      lead.created = created == null ? NONE : Cells.packedTime(created, row);
      if (created != null && lead.created == NONE) noTime++;
      int furthest = -1;
      for (int k = 0; k < n; k++) {
        if (entered.get(k) != null) {
          long t = Cells.packedTime(entered.get(k), row);
          lead.first[k] = t;
          if (t != NONE) furthest = k;
        }
      }
      lead.current = current;
      if (current >= 0) {
        furthest = Math.max(furthest, current);
        if (lead.first[current] == NONE) lead.markReachedUndated(current);
      } else {
        // A lost lead reached the furthest stage it has a date for; without dates, only the first
        // stage.
        lead.lostAt = Long.MAX_VALUE;
        furthest = Math.max(furthest, 0);
        if (lead.first[furthest] == NONE) lead.markReachedUndated(furthest);
      }
      if (f.fill()) {
        // An optional stage is passed only when the lead has a date for it (or is there now).
        for (int k = 0; k < furthest; k++)
          if (lead.first[k] == NONE && !f.stages().get(k).optional()) lead.markReachedUndated(k);
      }
      leads.add(lead);
    }
    return new FunnelLeads(leads, unmapped, noLead, noTime);
  }

  /**
   * A row's stage index by {@link #stageIndex} (or UNKNOWN), decided once per distinct value of a
   * text stage column rather than normalising every row's text.
   */
  private static final class Stages {
    static final int UNKNOWN = -2;
    private static final int UNSEEN = Integer.MIN_VALUE;
    private final Column<?> column;
    private final Map<String, Integer> index;
    private final tech.tablesaw.columns.strings.DictionaryMap dict;
    private final it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap byKey =
        new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();

    Stages(Column<?> column, Map<String, Integer> index) {
      this.column = column;
      this.index = index;
      this.dict = column instanceof tech.tablesaw.api.StringColumn s ? s.getDictionary() : null;
      byKey.defaultReturnValue(UNSEEN);
    }

    int of(int row) {
      if (dict == null) return lookup(raw(row));
      int key = dict.getKeyAtIndex(row);
      int k = byKey.get(key);
      if (k == UNSEEN) {
        k = lookup(raw(row));
        byKey.put(key, k);
      }
      return k;
    }

    String raw(int row) {
      return Cells.isBlank(column, row) ? "" : Cells.label(column, row);
    }

    private int lookup(String raw) {
      Integer k = index.get(TextKey.of(raw));
      return k == null ? UNKNOWN : k;
    }
  }
}
