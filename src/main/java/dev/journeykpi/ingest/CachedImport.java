package dev.journeykpi.ingest;

import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.QualityReport.Kind;
import dev.journeykpi.model.QualityReport.Problem;
import dev.journeykpi.model.QualityReport.Tally;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An imported source as the import cache keeps it: its quality report, then its typed columns as
 * the arrays Tablesaw keeps them in — an imported text column's dictionary (values, row counts and
 * a key per row, exactly as the import built it), numbers as doubles, dates as Tablesaw's packed
 * ints, date-times as its packed longs, yes/no as its bytes. Read back, the table and the report
 * are equal to the imported ones cell for cell, so a cached run prints what a cold one prints.
 */
final class CachedImport {
  private CachedImport() {}

  private static final int IMPORTED_TEXT = 1;
  private static final int OTHER_TEXT = 2;
  private static final int NUMBER = 3;
  private static final int DATE = 4;
  private static final int DATE_TIME = 5;
  private static final int YES_NO = 6;

  /** Rows copied at a time into the buffer a column is written from (no copy of a whole column). */
  private static final int CHUNK = 1 << 16;

  /** Whether every column of the table is of a kind this class writes (the import's kinds). */
  static boolean writable(Table t) {
    for (Column<?> c : t.columns()) {
      if (!(c instanceof StringColumn
          || c instanceof DoubleColumn
          || c instanceof DateColumn
          || c instanceof DateTimeColumn
          || c instanceof BooleanColumn)) return false;
    }
    return true;
  }

  static void write(CacheFile.Out out, String key, Table table, QualityReport q)
      throws IOException {
    out.str(key);
    quality(out, q);
    out.str(table.name());
    int rows = table.rowCount();
    out.i32(rows);
    out.i32(table.columnCount());
    for (Column<?> c : table.columns()) column(out, c, rows);
  }

  /**
   * The table and report of an entry written under {@code key}; a different key (two keys with the
   * same hash) is a miss too.
   */
  static Imported read(CacheFile.In in, String key) throws CacheFile.Corrupt {
    String written = in.str();
    if (!key.equals(written)) throw new CacheFile.Corrupt("another key");
    QualityReport q = quality(in);
    Table t = Table.create(in.str());
    int rows = in.length();
    int cols = in.length();
    Column<?>[] read = new Column<?>[cols];
    for (int i = 0; i < cols; i++) read[i] = column(in, rows);
    t.addColumns(read);
    if (!in.atEnd()) throw new CacheFile.Corrupt("trailing bytes");
    return new Imported(t, q);
  }

  record Imported(Table table, QualityReport quality) {}

  private static void column(CacheFile.Out out, Column<?> c, int rows) throws IOException {
    if (c instanceof StringColumn s) {
      ImportedDictionary.Parts p =
          s.getDictionary() instanceof ImportedDictionary d ? d.parts() : null;
      if (p != null) {
        out.i8(IMPORTED_TEXT);
        out.str(c.name());
        out.i32(p.keys());
        // The values' UTF-8 bytes end to end, then where each starts (TextValues, as kept).
        int[] starts = p.values().starts();
        out.ints(starts, p.keys() + 1);
        out.bytes(p.values().bytes(), starts[p.keys()]);
        out.ints(p.counts(), p.keys());
        out.ints(p.rows(), p.size());
        return;
      }
      // A column Tablesaw built (a looked-up one): its values by first appearance, then a code per
      // row (-1 blank); read back, it is built again by setting its rows in order, as it was built.
      out.i8(OTHER_TEXT);
      out.str(c.name());
      Map<String, Integer> codes = new LinkedHashMap<>();
      int[] row = new int[rows];
      for (int r = 0; r < rows; r++) {
        row[r] = s.isMissing(r) ? -1 : codes.computeIfAbsent(s.get(r), v -> codes.size());
      }
      out.i32(codes.size());
      for (String v : codes.keySet()) out.str(v);
      out.ints(row, rows);
    } else if (c instanceof DoubleColumn d) {
      out.i8(NUMBER);
      out.str(c.name());
      double[] a = new double[Math.min(rows, CHUNK)];
      for (int from = 0; from < rows; from += CHUNK) {
        int n = Math.min(CHUNK, rows - from);
        for (int i = 0; i < n; i++) a[i] = d.getDouble(from + i);
        out.doubles(a, n);
      }
    } else if (c instanceof DateColumn d) {
      out.i8(DATE);
      out.str(c.name());
      int[] a = new int[Math.min(rows, CHUNK)];
      for (int from = 0; from < rows; from += CHUNK) {
        int n = Math.min(CHUNK, rows - from);
        for (int i = 0; i < n; i++) a[i] = d.getIntInternal(from + i);
        out.ints(a, n);
      }
    } else if (c instanceof DateTimeColumn d) {
      out.i8(DATE_TIME);
      out.str(c.name());
      long[] a = new long[Math.min(rows, CHUNK)];
      for (int from = 0; from < rows; from += CHUNK) {
        int n = Math.min(CHUNK, rows - from);
        for (int i = 0; i < n; i++) a[i] = d.getLongInternal(from + i);
        out.longs(a, n);
      }
    } else if (c instanceof BooleanColumn b) {
      out.i8(YES_NO);
      out.str(c.name());
      byte[] a = new byte[Math.min(rows, CHUNK)];
      for (int from = 0; from < rows; from += CHUNK) {
        int n = Math.min(CHUNK, rows - from);
        for (int i = 0; i < n; i++) a[i] = b.getByte(from + i);
        out.bytes(a, n);
      }
    } else {
      throw new IllegalArgumentException(c.type() + " is not cached"); // writable() said no
    }
  }

  private static Column<?> column(CacheFile.In in, int rows) throws CacheFile.Corrupt {
    int kind = in.i8();
    String name = in.str();
    if (name == null) throw new CacheFile.Corrupt("a column without a name");
    switch (kind) {
      case IMPORTED_TEXT -> {
        int keys = in.length();
        if (keys < 1) throw new CacheFile.Corrupt("no blank key");
        int[] starts = in.ints(keys + 1);
        if (starts[0] != 0) throw new CacheFile.Corrupt("first value at " + starts[0]);
        for (int k = 0; k < keys; k++) {
          if (starts[k + 1] < starts[k]) throw new CacheFile.Corrupt("value " + k + " ends early");
        }
        TextValues values = new TextValues(in.bytes(starts[keys]), starts, keys);
        int[] counts = in.ints(keys);
        int[] keyOfRow = in.ints(rows);
        for (int k : keyOfRow) if (k < 0 || k >= keys) throw new CacheFile.Corrupt("key " + k);
        return StringColumn.createInternal(
            name, new ImportedDictionary(values, counts, keys, keyOfRow, rows));
      }
      case OTHER_TEXT -> {
        int n = in.length();
        String[] values = new String[n];
        for (int k = 0; k < n; k++) values[k] = in.str();
        int[] codes = in.ints(rows);
        StringColumn s = StringColumn.create(name, rows);
        for (int r = 0; r < rows; r++) {
          int k = codes[r];
          if (k < -1 || k >= n) throw new CacheFile.Corrupt("code " + k);
          if (k >= 0) s.set(r, values[k]);
        }
        return s;
      }
      case NUMBER -> {
        return DoubleColumn.create(name, in.doubles(rows));
      }
      case DATE -> {
        return DateColumn.createInternal(name, in.ints(rows));
      }
      case DATE_TIME -> {
        return DateTimeColumn.createInternal(name, in.longs(rows));
      }
      case YES_NO -> {
        byte[] a = in.bytes(rows);
        BooleanColumn b = BooleanColumn.create(name);
        for (byte v : a) b.append(v);
        return b;
      }
      default -> throw new CacheFile.Corrupt("column kind " + kind);
    }
  }

  private static void quality(CacheFile.Out out, QualityReport q) throws IOException {
    out.str(q.source());
    strings(out, q.files());
    out.i64(q.rowsRead());
    out.i64(q.rowsUsed());
    for (Map<String, Tally> m :
        List.of(q.rejected(), q.blanked(), q.filled(), q.cleaned(), q.dropped())) {
      out.i32(m.size());
      for (Map.Entry<String, Tally> e : m.entrySet()) {
        out.str(e.getKey());
        out.i64(e.getValue().count());
        problems(out, e.getValue().examples());
      }
    }
    strings(out, q.notes());
    problems(out, q.details());
    out.i64(q.detailsDropped());
    out.i32(q.excluded().size());
    for (Map.Entry<String, Long> e : q.excluded().entrySet()) {
      out.str(e.getKey());
      out.i64(e.getValue());
    }
    QualityReport.Dates d = q.dates();
    out.i8(d == null ? 0 : 1);
    if (d != null) {
      out.str(d.datedBy());
      out.str(d.first() == null ? null : d.first().toString());
      out.str(d.last() == null ? null : d.last().toString());
      out.i8(d.judgesHistory() ? 1 : 0);
    }
  }

  private static QualityReport quality(CacheFile.In in) throws CacheFile.Corrupt {
    String source = in.str();
    List<String> files = strings(in);
    long read = in.i64();
    long used = in.i64();
    List<Map<String, Tally>> tallies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Tally> m = new LinkedHashMap<>();
      int n = in.length();
      for (int k = 0; k < n; k++) {
        String reason = in.str();
        long count = in.i64();
        m.put(reason, new Tally(count, problems(in)));
      }
      tallies.add(m);
    }
    List<String> notes = strings(in);
    List<Problem> details = problems(in);
    long detailsDropped = in.i64();
    Map<String, Long> excluded = new LinkedHashMap<>();
    int n = in.length();
    for (int k = 0; k < n; k++) excluded.put(in.str(), in.i64());
    QualityReport.Dates dates = null;
    if (in.i8() == 1) {
      String by = in.str();
      String first = in.str();
      String last = in.str();
      dates =
          new QualityReport.Dates(
              by,
              first == null ? null : LocalDate.parse(first),
              last == null ? null : LocalDate.parse(last),
              in.i8() == 1);
    }
    return new QualityReport(
        source,
        files,
        read,
        used,
        tallies.get(0),
        tallies.get(1),
        tallies.get(2),
        tallies.get(3),
        tallies.get(4),
        notes,
        details,
        detailsDropped,
        excluded,
        dates);
  }

  private static void strings(CacheFile.Out out, List<String> l) throws IOException {
    out.i32(l.size());
    for (String s : l) out.str(s);
  }

  private static List<String> strings(CacheFile.In in) throws CacheFile.Corrupt {
    int n = in.length();
    List<String> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) l.add(in.str());
    return l;
  }

  private static void problems(CacheFile.Out out, List<Problem> l) throws IOException {
    out.i32(l.size());
    for (Problem p : l) {
      out.i8(p.kind().ordinal());
      out.str(p.reason());
      out.str(p.file());
      out.i64(p.row());
      out.str(p.column());
      out.str(p.value());
    }
  }

  private static List<Problem> problems(CacheFile.In in) throws CacheFile.Corrupt {
    int n = in.length();
    List<Problem> l = new ArrayList<>(n);
    Kind[] kinds = Kind.values();
    for (int i = 0; i < n; i++) {
      int k = in.i8();
      if (k < 0 || k >= kinds.length) throw new CacheFile.Corrupt("kind " + k);
      l.add(new Problem(kinds[k], in.str(), in.str(), in.i64(), in.str(), in.str()));
    }
    return l;
  }
}
