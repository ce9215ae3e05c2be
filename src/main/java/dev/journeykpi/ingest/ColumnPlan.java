package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Location;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.ValueType;
import dev.journeykpi.model.DataException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which field of the file feeds which mapped column, decided from the header row.
 *
 * @param utf8Bytes fields come as UTF-8 bytes (else ISO-8859-1 bytes; see ByteSlice), decoded when
 *     a text value is first seen
 */
record ColumnPlan(
    List<ColumnDef> columns,
    int[] fieldIndex,
    boolean utf8Bytes,
    java.util.Map<String, String> missingMessage,
    List<String> notes) {
  ColumnPlan(List<ColumnDef> columns, int[] fieldIndex, boolean utf8Bytes) {
    this(columns, fieldIndex, utf8Bytes, java.util.Map.of(), List.of());
  }

  /**
   * The part of the plan that parses the needed columns (in declaration order) and every required
   * one.
   */
  ColumnPlan only(java.util.Set<String> needed) {
    if (needed == null && java.util.Arrays.stream(fieldIndex).allMatch(i -> i >= 0)) return this;
    List<ColumnDef> cols = new ArrayList<>();
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDef c = columns.get(i);
      if (fieldIndex[i] < 0 && needed != null && needed.contains(c.name())) {
        throw new DataException(missingMessage.get(c.name()));
      }
      if (fieldIndex[i] < 0) continue; // a profile column this export lacks, and no KPI reads it
      if (needed == null || needed.contains(c.name()) || c.required()) {
        cols.add(c);
        idx.add(fieldIndex[i]);
      }
    }
    return new ColumnPlan(cols, idx.stream().mapToInt(Integer::intValue).toArray(), utf8Bytes);
  }

  /**
   * Maps every declared column to its header; a source without mapping reads every header as text.
   */
  /**
   * For cells that arrive as text (Excel): text columns key their dictionaries by the values' UTF-8
   * bytes.
   */
  static ColumnPlan of(SourceDef source, List<String> headers, String file) {
    return of(source, headers, file, true);
  }

  static ColumnPlan of(SourceDef source, List<String> headers, String file, boolean utf8Bytes) {
    HeaderIndex index = new HeaderIndex(headers);
    List<ColumnDef> cols = new ArrayList<>();
    if (source.columns().isEmpty()) {
      for (String h : headers) {
        String name = HeaderIndex.normalise(h);
        if (!name.isEmpty() && cols.stream().noneMatch(c -> c.name().equals(name))) {
          cols.add(
              new ColumnDef(
                  name,
                  h,
                  ValueType.STRING,
                  List.of(),
                  "seconds",
                  '.',
                  false,
                  null,
                  Location.NONE));
        }
      }
    } else {
      // Lookup columns are not in the export: they are computed once the table is read
      // (SourceLoader).
      source.columns().values().stream().filter(c -> !c.isLookup()).forEach(cols::add);
    }
    int[] idx = new int[cols.size()];
    List<String> missing = new ArrayList<>();
    java.util.Map<String, String> optionalMissing = new java.util.HashMap<>();
    for (int i = 0; i < cols.size(); i++) {
      idx[i] = index.find(cols.get(i).header());
      if (idx[i] < 0 && !source.optional().contains(cols.get(i).name())) {
        missing.add(index.missing(file, cols.get(i).name(), cols.get(i).header()));
      } else if (idx[i] < 0) {
        optionalMissing.put(
            cols.get(i).name(), index.missing(file, cols.get(i).name(), cols.get(i).header()));
      }
    }
    // A header that appears twice: a mapped one could be read from either column, so the run stops;
    // another one is only worth a warning (a source without mapping reads the first).
    List<String> notes = new ArrayList<>();
    java.util.Set<String> mapped = new java.util.HashSet<>();
    if (!source.columns().isEmpty()) {
      for (int i = 0; i < cols.size(); i++) {
        if (idx[i] < 0) continue;
        List<Integer> at = index.positions(cols.get(i).header());
        at.forEach(k -> mapped.add(HeaderIndex.normalise(headers.get(k))));
        index.ambiguity(cols.get(i).header()).ifPresent(m -> missing.add(file + ": " + m));
      }
    }
    index
        .duplicates()
        .forEach(
            (h, at) -> {
              if (!mapped.contains(h)) {
                notes.add(
                    file
                        + ": "
                        + HeaderIndex.appearsTwice(h, at)
                        + (source.columns().isEmpty()
                            ? "; the first is read"
                            : "; not mapped, so not read"));
              }
            });
    if (!missing.isEmpty()) throw new DataException(String.join("\n", missing));
    return new ColumnPlan(cols, idx, utf8Bytes, optionalMissing, List.copyOf(notes));
  }
}
