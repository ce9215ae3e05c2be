package dev.journeykpi.calc;

import dev.journeykpi.config.KpiDef;
import java.text.Collator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Runs one KPI over its source table for each period: population filter, period placement by the {@code time:}
 * column, one row per breakdown combination (sorted, Vietnamese-aware), then the total row. A breakdown row is
 * computed from its own rows, and the total from all rows: never an average of averages.
 */
public final class KpiRunner {
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final Comparator<String> order;

  public KpiRunner(BusinessCalendar calendar, ZoneId zone) {
    this.calendar = calendar;
    this.zone = zone;
    Collator c = Collator.getInstance(Locale.forLanguageTag("vi"));
    // Blank last, then Vietnamese alphabetical order (Đ after D, tones after the bare letter).
    this.order = Comparator.comparing((String s) -> s.equals(ResultRow.BLANK)).thenComparing(c::compare)
        .thenComparing(Comparator.naturalOrder());
  }

  public List<ResultRow> run(KpiDef kpi, Table table, List<Period> periods) {
    Measurer measurer = measurer(kpi);
    Selection population = FilterCompiler.select(table, kpi.where());
    int untimed = 0;
    if (kpi.time() != null) {
      Column<?> t = table.column(kpi.time());
      for (int row : Cells.rows(population)) {
        if (t.isMissing(row)) untimed++;
      }
    }
    List<ResultRow> out = new ArrayList<>();
    for (Period p : periods) {
      Selection rows = inPeriod(table, kpi, population, p);
      for (Map.Entry<List<String>, Selection> g : groups(table, kpi.by(), rows).entrySet()) {
        out.add(ResultRow.of(kpi.id(), kpi.label(), p.label(), dims(kpi.by(), g.getKey()), kpi.unit(),
            measurer.measure(table, g.getValue())));
      }
      Measure total = measurer.measure(table, rows);
      if (untimed > 0 && p.grain() != Period.Grain.ALL) {
        total = total.withNote(untimed + " rows without " + kpi.time() + " are in no period");
      }
      List<String> all = kpi.by().stream().map(x -> ResultRow.TOTAL).toList();
      out.add(ResultRow.of(kpi.id(), kpi.label(), p.label(), dims(kpi.by(), all), kpi.unit(), total));
    }
    return out;
  }

  Measurer measurer(KpiDef kpi) {
    double divisor = unitSeconds(kpi.unit());
    return switch (kpi.type()) {
      case COUNT -> new CountMeasurer(kpi.column());
      case SUM, MEAN, MEDIAN, PERCENTILE -> new ColumnMeasurer(kpi.column(), kpi.type(), kpi.statistic(), divisor);
      case RATIO -> new RatioMeasurer(kpi.numerator(), kpi.denominator());
      case DURATION -> new DurationMeasurer(kpi.start(), kpi.end(), kpi.businessTime() ? calendar : null, zone,
          kpi.statistic(), divisor);
    };
  }

  /** Seconds per display unit for durations; 1 for anything else. */
  static double unitSeconds(String unit) {
    return switch (unit) {
      case "minutes" -> 60;
      case "hours" -> 3600;
      case "days" -> 86400;
      default -> 1;
    };
  }

  private static Selection inPeriod(Table table, KpiDef kpi, Selection population, Period p) {
    if (kpi.time() == null || p.grain() == Period.Grain.ALL) return population;
    Column<?> t = table.column(kpi.time());
    long from = Cells.packed(p.startTime());
    long to = Cells.packed(p.endTime());
    BitmapBackedSelection s = new BitmapBackedSelection();
    for (int row : Cells.rows(population)) {
      long v = Cells.packedTime(t, row);
      if (v != Cells.MISSING_TIME && v >= from && v < to) s.add(row);
    }
    return s;
  }

  private Map<List<String>, Selection> groups(Table table, List<String> by, Selection rows) {
    if (by.isEmpty()) return Map.of();
    List<Column<?>> cols = by.stream().<Column<?>>map(table::column).toList();
    Comparator<List<String>> keyOrder = (a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = order.compare(a.get(i), b.get(i));
        if (c != 0) return c;
      }
      return 0;
    };
    // Group with hashing, then sort the few keys once: comparing with the collator on every row was the slowest
    // part of a million-row report.
    Map<List<String>, Selection> found = new java.util.HashMap<>();
    if (cols.size() == 1) {
      // The usual single breakdown: group on the label itself, no key list per row.
      Column<?> c = cols.get(0);
      int[] rs = Cells.rows(rows);
      if (c instanceof tech.tablesaw.api.StringColumn s) {
        // Group text on dictionary keys: an int per row instead of a string lookup.
        var dict = s.getDictionary();
        it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<it.unimi.dsi.fastutil.ints.IntArrayList> byKey =
            new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<>();
        for (int row : rs) {
          int k = dict.getKeyAtIndex(row);
          var list = byKey.get(k);
          if (list == null) byKey.put(k, list = new it.unimi.dsi.fastutil.ints.IntArrayList());
          list.add(row);
        }
        byKey.int2ObjectEntrySet().fastForEach(e -> {
          String label = dict.getValueForKey(e.getIntKey());
          found.put(List.of(label.isEmpty() ? ResultRow.BLANK : label), new BitmapBackedSelection(e.getValue().toIntArray()));
        });
      } else {
        Map<String, it.unimi.dsi.fastutil.ints.IntArrayList> byLabel = new java.util.HashMap<>();
        for (int row : rs) {
          byLabel.computeIfAbsent(Cells.label(c, row), k -> new it.unimi.dsi.fastutil.ints.IntArrayList()).add(row);
        }
        byLabel.forEach((k, v) -> found.put(List.of(k), new BitmapBackedSelection(v.toIntArray())));
      }
    } else {
      for (int row : Cells.rows(rows)) {
        List<String> key = new ArrayList<>(cols.size());
        for (Column<?> c : cols) key.add(Cells.label(c, row));
        found.computeIfAbsent(key, k -> new BitmapBackedSelection()).add(row);
      }
    }
    Map<List<String>, Selection> out = new TreeMap<>(keyOrder);
    out.putAll(found);
    return out;
  }

  private static Map<String, String> dims(List<String> by, List<String> values) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < by.size(); i++) m.put(by.get(i), values.get(i));
    return m;
  }
}
