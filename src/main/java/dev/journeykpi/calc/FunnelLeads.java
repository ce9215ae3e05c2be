package dev.journeykpi.calc;

import dev.journeykpi.config.FunnelDef;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The leads of a funnel and when each entered each stage, read from a stage history (one row per entry) or a
 * current-stage snapshot (one row per lead, with optional "date entered" columns).
 *
 * <p>History rules, applied the same way whatever the file order: the <em>first</em> entry into a stage is the one that
 * counts for reach (a duplicated row or a re-entry changes nothing); time in a stage adds up every stay in it, each
 * stay lasting until the lead's next entry into another stage; a stay still open at the end is not counted.
 */
final class FunnelLeads {
  static final long NONE = Cells.MISSING_TIME;

  /** One lead: its id, the row that names it (for breakdowns and lists), first entry per stage, and what else is known. */
  static final class Lead {
    final String id;
    final int row;
    /** first entry time per stage (packed), NONE when not entered or unknown */
    final long[] first;
    /** snapshot without dates: stages known to be reached even though their date is not */
    final boolean[] reachedUndated;
    /** time spent per stage in seconds, summed over stays; NaN when unknown (open stay, no history) */
    final double[] timeIn;
    /** the lost outcome's entry time, NONE when not lost */
    long lostAt = NONE;
    /** snapshot: the lead's creation (cohort) time */
    long created = NONE;

    Lead(String id, int row, int stages) {
      this.id = id;
      this.row = row;
      this.first = new long[stages];
      this.reachedUndated = new boolean[stages];
      this.timeIn = new double[stages];
      java.util.Arrays.fill(first, NONE);
      java.util.Arrays.fill(timeIn, Double.NaN);
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
      for (String v : f.stages().get(i).values()) out.put(normal(v), i);
    }
    for (FunnelDef.Stage s : f.lost()) for (String v : s.values()) out.put(normal(v), -1);
    return out;
  }

  static String normal(String v) {
    return Normalizer.normalize(v.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  static FunnelLeads of(Table table, Selection rows, FunnelDef f, String time) {
    return f.history() ? history(table, rows, f, time) : snapshot(table, rows, f, time);
  }

  private static FunnelLeads history(Table table, Selection rows, FunnelDef f, String time) {
    Column<?> who = table.column(f.lead());
    Column<?> stage = table.column(f.stageColumn());
    Column<?> when = table.column(time);
    Map<String, Integer> index = stageIndex(f);
    Map<String, List<long[]>> entries = new LinkedHashMap<>(); // lead → {stage, time, row}
    Map<String, Integer> unmapped = new java.util.TreeMap<>();
    int noLead = 0, noTime = 0;
    for (int row : Cells.rows(rows)) {
      if (Cells.isBlank(who, row)) {
        noLead++;
        continue;
      }
      long t = Cells.packedTime(when, row);
      if (t == NONE) {
        noTime++;
        continue;
      }
      String raw = Cells.isBlank(stage, row) ? "" : Cells.label(stage, row);
      Integer k = index.get(normal(raw));
      if (k == null) {
        unmapped.merge(raw, 1, Integer::sum);
        continue;
      }
      entries.computeIfAbsent(Cells.label(who, row), x -> new ArrayList<>()).add(new long[] {k, t, row});
    }
    List<Lead> leads = new ArrayList<>();
    int n = f.stages().size();
    for (Map.Entry<String, List<long[]>> e : entries.entrySet()) {
      List<long[]> es = e.getValue();
      es.sort((a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
      Lead lead = new Lead(e.getKey(), (int) es.get(0)[2], n);
      for (int i = 0; i < es.size(); i++) {
        int k = (int) es.get(i)[0];
        long t = es.get(i)[1];
        if (k == -1) {
          if (lead.lostAt == NONE) lead.lostAt = t;
          continue;
        }
        if (lead.first[k] == NONE) lead.first[k] = t;
        // A stay lasts until the next entry into another stage; repeated rows of the same stage extend the stay.
        int j = i + 1;
        while (j < es.size() && es.get(j)[0] == k) j++;
        if (j < es.size()) {
          double stay = (Cells.localEpochMillis(es.get(j)[1]) - Cells.localEpochMillis(t)) / 1000.0;
          lead.timeIn[k] = (Double.isNaN(lead.timeIn[k]) ? 0 : lead.timeIn[k]) + stay;
        }
        i = j - 1;
      }
      leads.add(lead);
    }
    return new FunnelLeads(leads, unmapped, noLead, noTime);
  }

  private static FunnelLeads snapshot(Table table, Selection rows, FunnelDef f, String time) {
    Column<?> who = table.column(f.lead());
    Column<?> stage = table.column(f.stageColumn());
    Column<?> created = time == null ? null : table.column(time);
    int n = f.stages().size();
    List<Column<?>> entered = new ArrayList<>();
    for (FunnelDef.Stage s : f.stages()) entered.add(s.entered() == null ? null : table.column(s.entered()));
    Map<String, Integer> index = stageIndex(f);
    Map<String, Integer> unmapped = new java.util.TreeMap<>();
    Map<String, Lead> byId = new LinkedHashMap<>();
    int noLead = 0, noTime = 0;
    for (int row : Cells.rows(rows)) {
      if (Cells.isBlank(who, row)) {
        noLead++;
        continue;
      }
      String raw = Cells.isBlank(stage, row) ? "" : Cells.label(stage, row);
      Integer current = index.get(normal(raw));
      if (current == null) {
        unmapped.merge(raw, 1, Integer::sum);
        continue;
      }
      String id = Cells.label(who, row);
      if (byId.containsKey(id)) continue; // one row per lead: a repeated id keeps its first row
      Lead lead = new Lead(id, row, n);
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
      if (current >= 0) {
        furthest = Math.max(furthest, current);
        if (lead.first[current] == NONE) lead.reachedUndated[current] = true;
      } else {
        // A lost lead reached the furthest stage it has a date for; without dates, only the first stage.
        lead.lostAt = Long.MAX_VALUE;
        furthest = Math.max(furthest, 0);
        if (lead.first[furthest] == NONE) lead.reachedUndated[furthest] = true;
      }
      if (f.fill()) {
        for (int k = 0; k < furthest; k++) if (lead.first[k] == NONE) lead.reachedUndated[k] = true;
      }
      byId.put(id, lead);
    }
    return new FunnelLeads(new ArrayList<>(byId.values()), unmapped, noLead, noTime);
  }
}
