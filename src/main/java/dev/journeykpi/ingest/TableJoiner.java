package dev.journeykpi.ingest;

import dev.journeykpi.config.JoinDef;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.QualityReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * One {@code join:} of a source, once both sources are imported: a left join that adds the other
 * source's columns to each row whose keys match, typed as the other source has them.
 *
 * <p>Keys are compared as filters compare text (trimmed, Unicode NFC, without case), numbers as
 * numbers. The key of each distinct text is normalised once and the other source is indexed once,
 * so a million rows cost one hash lookup each plus one copy per joined cell.
 */
public final class TableJoiner {
  private TableJoiner() {}

  /** How many keys that match several rows an error lists. */
  private static final int LISTED = 5;

  /**
   * @param columns the joined columns to add (the ones the KPIs read); may be empty for a join that
   *     only drops unmatched rows
   */
  public static LoadedSource join(
      LoadedSource left, JoinDef j, LoadedSource right, Set<String> columns) {
    Table r = right.table();
    Map<String, Integer> index = index(r, right.source().id(), j);
    Table l = left.table();
    List<Column<?>> keys = j.on().keySet().stream().<Column<?>>map(l::column).toList();
    int n = l.rowCount();
    int[] match = new int[n];
    java.util.Set<String> unmatchedKeys = new java.util.HashSet<>();
    List<String> shownKeys = new ArrayList<>();
    long unmatchedRows = 0;
    if (keys.size() == 1
        && keys.get(0) instanceof StringColumn text
        && r.column(j.on().values().iterator().next()) instanceof StringColumn theirs) {
      matchByDictionary(text, exact(theirs, index), index, match, unmatchedKeys, shownKeys);
    } else {
      // Rows of one key share its text: normalise and look up each text once.
      Map<String, Integer> seen = new HashMap<>();
      for (int row = 0; row < n; row++) {
        String raw = raw(keys, row);
        Integer at = raw == null ? null : seen.get(raw);
        if (at == null) {
          String key = raw == null ? null : normalised(keys, row);
          at = key == null ? -1 : index.getOrDefault(key, -1);
          if (raw != null) seen.put(raw, at);
          noteUnmatched(at, raw, shown(keys, row), unmatchedKeys, shownKeys);
        }
        match[row] = at;
      }
    }
    for (int m : match) if (m < 0) unmatchedRows++;
    List<Column<?>> added = new ArrayList<>();
    for (String c : columns) added.add(copy(r.column(c), match));
    // The table was imported for this run alone: the joined columns are added to it in place.
    Table out = l;
    for (Column<?> c : added) out.addColumns(c);
    QualityReport q = left.quality();
    if (unmatchedRows > 0) {
      String keysText = String.join(", ", j.on().keySet());
      String file = q.files().isEmpty() ? left.source().file() : q.files().get(0);
      List<QualityReport.Problem> examples = new ArrayList<>();
      for (String shownKey : shownKeys) {
        examples.add(
            new QualityReport.Problem(
                j.dropUnmatched() ? QualityReport.Kind.REJECTED : QualityReport.Kind.BLANKED,
                reasonStart(keysText, j.source()),
                file,
                0,
                keysText,
                shownKey));
      }
      String kinds = String.format("%,d", unmatchedKeys.size());
      if (j.dropUnmatched()) {
        Selection keep = new BitmapBackedSelection();
        for (int row = 0; row < n; row++) if (match[row] >= 0) keep.add(row);
        out = out.where(keep);
        String eg =
            examples.stream()
                .map(p -> "'" + p.value() + "'")
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        q =
            q.withUnmatchedDropped(
                "rows whose "
                    + keysText
                    + " is not in "
                    + j.source()
                    + " (join, unmatched: drop; "
                    + kinds
                    + " key(s), e.g. "
                    + eg
                    + ")",
                unmatchedRows,
                examples);
      } else {
        q =
            q.withUnmatchedKept(
                reasonStart(keysText, j.source())
                    + ": its joined columns are blank ("
                    + kinds
                    + " key(s))",
                unmatchedRows,
                examples);
      }
    }
    return new LoadedSource(left.source(), out, q);
  }

  /**
   * One text key: the rows are matched on the column's dictionary codes, an int per row, and each
   * distinct text is normalised and looked up once (a million rows, 300,000 customer ids).
   */
  private static void matchByDictionary(
      StringColumn text,
      Map<String, Integer> exact,
      Map<String, Integer> index,
      int[] match,
      java.util.Set<String> unmatchedKeys,
      List<String> shownKeys) {
    var dict = text.getDictionary();
    int n = match.length;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    int[] code = new int[n];
    for (int row = 0; row < n; row++) {
      code[row] = dict.getKeyAtIndex(row);
      min = Math.min(min, code[row]);
      max = Math.max(max, code[row]);
    }
    // Imported dictionaries number their values 0, 1, 2 …: an array per code, else a hash map.
    long range = n == 0 ? 0 : (long) max - min + 1;
    boolean dense = range <= 4L * n + 1024;
    int[] byCode = dense ? new int[(int) range] : null;
    if (dense) {
      // Each distinct text is looked up once, on both cores (the import is over), then each row
      // takes its text's row: an array read.
      int lo = min;
      int chunks = Math.max(1, Math.min(64, (int) (range / 4096)));
      java.util.stream.IntStream.range(0, chunks)
          .parallel()
          .forEach(
              c -> {
                int from = (int) (range * c / chunks);
                int to = (int) (range * (c + 1) / chunks);
                for (int i = from; i < to; i++)
                  byCode[i] = lookUp(dict.getValueForKey(lo + i), exact, index);
              });
      for (int row = 0; row < n; row++) match[row] = byCode[code[row] - min];
      // The keys not found, once each, in the order their rows come; the first three shown.
      boolean[] noted = new boolean[(int) range];
      for (int row = 0; row < n; row++) {
        int k = code[row] - min;
        if (match[row] >= 0 || noted[k]) continue;
        noted[k] = true;
        String value = dict.getValueForKey(code[row]);
        boolean blank = value == null || value.isEmpty();
        noteUnmatched(
            -1, blank ? null : value, blank ? "(blank)" : value, unmatchedKeys, shownKeys);
      }
      return;
    }
    var byCodeMap = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
    byCodeMap.defaultReturnValue(NOT_YET);
    for (int row = 0; row < n; row++) {
      int k = code[row];
      int at = byCodeMap.get(k);
      if (at == NOT_YET) {
        String value = dict.getValueForKey(k);
        at = lookUp(value, exact, index);
        byCodeMap.put(k, at);
        boolean blank = value == null || value.isEmpty();
        noteUnmatched(
            at, blank ? null : value, blank ? "(blank)" : value, unmatchedKeys, shownKeys);
      }
      match[row] = at;
    }
  }

  /**
   * The other source's row for a key text, -1 for none. Most keys are written as the other source
   * writes them: found as they are, without normalising (their hashes are cached in the
   * dictionary).
   */
  private static int lookUp(String value, Map<String, Integer> exact, Map<String, Integer> index) {
    if (value == null || value.isEmpty()) return -1;
    Integer same = exact.get(value);
    return same != null ? same : index.getOrDefault(TextKey.of(value), -1);
  }

  /** The other source's key texts as written → the row their normalised key chose. */
  private static Map<String, Integer> exact(StringColumn theirs, Map<String, Integer> index) {
    Map<String, Integer> out = new HashMap<>();
    var dict = theirs.getDictionary();
    for (int row = 0; row < theirs.size(); row++) {
      String value = dict.getValueForKey(dict.getKeyAtIndex(row));
      if (value == null || value.isEmpty() || out.containsKey(value)) continue;
      Integer at = index.get(TextKey.of(value));
      if (at != null) out.put(value, at);
    }
    return out;
  }

  /** Marks a dictionary code not looked up yet. */
  private static final int NOT_YET = -2;

  /**
   * Notes a key not found (as written: {@code Zeta} and {@code zeta} are two) once, however many
   * rows carry it, and the first three as examples.
   */
  private static void noteUnmatched(
      int at, String key, String shown, java.util.Set<String> keys, List<String> examples) {
    if (at >= 0) return;
    if (keys.add(key == null ? "\u0000blank" : key) && examples.size() < 3) examples.add(shown);
  }

  private static String reasonStart(String keys, String other) {
    return keys + " not found in " + other + " (join)";
  }

  /**
   * The other source's rows by key. A key on several rows is an error unless {@code many:} says
   * which wins; every such key is listed at once.
   */
  private static Map<String, Integer> index(Table r, String id, JoinDef j) {
    List<Column<?>> keys = j.on().values().stream().<Column<?>>map(r::column).toList();
    Column<?> by = j.by() == null ? null : r.column(j.by());
    Map<String, Integer> index = new HashMap<>(r.rowCount() * 2);
    Map<String, List<Integer>> several = new LinkedHashMap<>();
    for (int row = 0; row < r.rowCount(); row++) {
      String key = normalised(keys, row);
      if (key == null) continue; // a row without a key matches no row
      Integer before = index.putIfAbsent(key, row);
      if (before == null) continue;
      if (j.many() == null) {
        several
            .computeIfAbsent(shown(keys, before), k -> new ArrayList<>(List.of(before)))
            .add(row);
      } else if (wins(row, before, by, j.many())) {
        index.put(key, row);
      }
    }
    if (!several.isEmpty()) {
      List<String> lines = new ArrayList<>();
      several.entrySet().stream()
          .limit(LISTED)
          .forEach(
              e ->
                  lines.add(
                      "'"
                          + e.getKey()
                          + "' on data rows "
                          + e.getValue().stream()
                              .limit(10)
                              .map(x -> String.valueOf(x + 1))
                              .reduce((a, b) -> a + ", " + b)
                              .orElse("")));
      throw new DataException(
          "source '"
              + id
              + "' is joined on "
              + String.join(", ", j.on().values())
              + ", but "
              + (several.size() == 1 ? "a key matches" : several.size() + " keys match")
              + " several of its rows: "
              + String.join("; ", lines)
              + (several.size() > LISTED ? "; …" : "")
              + " (data rows count from 1 below the header, rejected rows left out). Remove the"
              + " duplicates, or say which row wins with many: first|last (and by: a column)");
    }
    return index;
  }

  /**
   * Whether {@code row} (later in the file) beats {@code before} for the key: by the {@code by}
   * column (blank counts as earliest), ties and no {@code by} by file order.
   */
  private static boolean wins(int row, int before, Column<?> by, JoinDef.Many many) {
    int c = by == null ? 0 : compare(by, row, before);
    return many == JoinDef.Many.LAST ? c >= 0 : c < 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Column<?> by, int a, int b) {
    boolean ma = by.isMissing(a), mb = by.isMissing(b);
    if (ma || mb) return ma == mb ? 0 : ma ? -1 : 1;
    if (by instanceof NumericColumn<?> nc) return Double.compare(nc.getDouble(a), nc.getDouble(b));
    if (by instanceof DateTimeColumn dt)
      return Long.compare(dt.getLongInternal(a), dt.getLongInternal(b));
    if (by instanceof DateColumn dc)
      return Integer.compare(dc.getIntInternal(a), dc.getIntInternal(b));
    return ((Comparable) by.get(a)).compareTo(by.get(b));
  }

  /** The key as stored, to find rows with the same text; null when a key cell is blank. */
  private static String raw(List<Column<?>> keys, int row) {
    if (keys.size() == 1) {
      Column<?> c = keys.get(0);
      return c.isMissing(row) ? null : c.getString(row);
    }
    StringBuilder b = new StringBuilder();
    for (Column<?> c : keys) {
      if (c.isMissing(row)) return null;
      b.append(c.getString(row)).append('\u0000');
    }
    return b.toString();
  }

  /** The key as compared: text trimmed, in NFC and lower case; numbers as numbers. */
  private static String normalised(List<Column<?>> keys, int row) {
    StringBuilder b = new StringBuilder();
    for (Column<?> c : keys) {
      if (c.isMissing(row)) return null;
      String part;
      if (c instanceof NumericColumn<?> nc) {
        part = Double.toString(nc.getDouble(row));
      } else {
        part = TextKey.of(c.getString(row));
        if (part.isEmpty()) return null;
      }
      if (b.length() > 0) b.append('\u0000');
      b.append(part);
    }
    return b.toString();
  }

  /** The key as a person reads it in a message: its values joined by " / ". */
  private static String shown(List<Column<?>> keys, int row) {
    List<String> parts = new ArrayList<>();
    for (Column<?> c : keys) parts.add(c.isMissing(row) ? "(blank)" : c.getString(row));
    return String.join(" / ", parts);
  }

  /** The other source's column, one cell per row of this source (blank where no row matched). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Column<?> copy(Column<?> from, int[] match) {
    if (from instanceof tech.tablesaw.api.DoubleColumn d) {
      double[] values = new double[match.length];
      for (int row = 0; row < match.length; row++)
        values[row] = match[row] < 0 ? Double.NaN : d.getDouble(match[row]);
      return tech.tablesaw.api.DoubleColumn.create(d.name(), values);
    }
    Column out = from.emptyCopy();
    for (int m : match) {
      if (m < 0) out.appendMissing();
      else out.append((Column) from, m);
    }
    return out;
  }
}
