package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import tech.tablesaw.api.Table;

/**
 * Assembles typed rows from raw fields, whatever the file format: stages each mapped field, rejects
 * the row when a required column is blank or unreadable, otherwise commits it and records any
 * blanked cell in the quality report.
 */
final class RowAssembler {
  /** Builds the assembler once the header row has decided which columns exist. */
  interface Factory {
    /**
     * The assembler for a file with this header, and which field of the file feeds each of its
     * sinks.
     */
    Binding create(ColumnPlan plan);
  }

  record Binding(RowAssembler rows, int[] fieldIndex) {}

  /** The text of field {@code field} of record {@code record} of a batch, for problem reports. */
  interface BatchText {
    String get(int record, int field);
  }

  private final SourceDef source;
  private final List<ColumnDef> columns;
  private final ZoneId targetZone;
  private final boolean utf8Bytes;
  private final ColumnSink[] sinks;
  private final int[] required;
  private final int[] status;
  private final int[][] batchStatus;
  private final boolean[] rejected = new boolean[RecordBatch.RECORDS];
  private final boolean[] kept = new boolean[RecordBatch.RECORDS];
  private final QualityRecorder quality;
  private String file;

  RowAssembler(
      SourceDef source,
      List<ColumnDef> columns,
      ZoneId targetZone,
      QualityRecorder quality,
      boolean utf8Bytes) {
    this.source = source;
    this.columns = columns;
    this.targetZone = targetZone;
    this.utf8Bytes = utf8Bytes;
    this.sinks = new ColumnSink[columns.size()];
    for (int i = 0; i < sinks.length; i++)
      sinks[i] = ColumnSink.create(columns.get(i), source, targetZone, utf8Bytes);
    this.required =
        java.util.stream.IntStream.range(0, sinks.length)
            .filter(i -> sinks[i].def.required())
            .toArray();
    this.status = new int[sinks.length];
    this.batchStatus = new int[sinks.length][RecordBatch.RECORDS];
    this.quality = quality;
    // Text first (dictionary lookups), then dates, then the rest, until measured costs take over
    // (see typeBatch).
    this.costliestFirst =
        java.util.stream.IntStream.range(0, sinks.length)
            .boxed()
            .sorted(
                java.util.Comparator.comparingInt(
                    i ->
                        sinks[i] instanceof TextSink
                            ? 0
                            : sinks[i] instanceof TemporalSink ? 1 : 2))
            .mapToInt(Integer::intValue)
            .toArray();
    this.nanos = new long[sinks.length];
  }

  /**
   * The order in which the two typing threads take columns: costliest first, so that the last
   * columns taken are short and both threads finish close together (longest-processing-time-first
   * scheduling). Re-sorted from the measured time of each column every {@link #RESORT} batches: one
   * high-cardinality id column can cost as much as the rest together.
   */
  private int[] costliestFirst;

  private final long[] nanos;
  private int batches;
  private static final int RESORT = 32;

  /**
   * An empty assembler for the same columns, with its own quality recorder: one half of a file read
   * in halves.
   */
  RowAssembler twin() {
    return new RowAssembler(
        source, columns, targetZone, new QualityRecorder(source.id()), utf8Bytes);
  }

  /**
   * Appends the rows and problems of {@code twin}, typed from later in the file, whose line numbers
   * are relative to the {@code lineOffset} lines before it. An assembler that holds no rows yet
   * takes the twin's columns over instead of copying them (the usual case: the first half of the
   * only file).
   */
  void absorb(RowAssembler twin, long lineOffset) {
    for (int i = 0; i < sinks.length; i++) {
      if (rowsHeld == 0) sinks[i] = twin.sinks[i];
      else sinks[i].absorb(twin.sinks[i]);
    }
    rowsHeld += twin.rowsHeld;
    quality.absorb(twin.quality, lineOffset);
  }

  /** Makes room in every column for about {@code rows} rows (an estimate from the file's size). */
  void expectRows(long rows) {
    int n = (int) Math.min(rows, Integer.MAX_VALUE - 16);
    for (ColumnSink s : sinks) s.expectRows(n);
  }

  /** Rows committed so far. */
  private long rowsHeld;

  void startFile(String file) {
    startFile(file, false);
  }

  /**
   * @param date1904 the file is a workbook in the 1904 date system (see {@link
   *     ColumnSink#date1904})
   */
  void startFile(String file, boolean date1904) {
    // Halves of an earlier file, absorbed but not yet joined, come before this file's rows.
    for (ColumnSink s : sinks) {
      s.settle();
      s.date1904 = date1904;
    }
    this.file = file;
    quality.addFile(file);
  }

  ColumnSink sink(int i) {
    return sinks[i];
  }

  void stage(int i, int result) {
    status[i] = result;
  }

  /**
   * This row's reason why sink {@code i} has no value, other than its own (Excel: a formula without
   * a cached value).
   */
  private String[] rowWhy;

  /**
   * Stages sink {@code i} of this row (Excel, slot 0) as unreadable for {@code reason}, reported as
   * such.
   */
  void stageUnreadable(int i, String reason) {
    if (rowWhy == null) rowWhy = new String[sinks.length];
    rowWhy[i] = reason;
    status[i] = ColumnSink.BAD;
  }

  /** A note on how the file was read, for stderr (the sheet chosen). */
  void note(String message) {
    quality.note(message);
  }

  /** Counts a cell of this row filled in from a merged range (Excel). */
  void filledFromMerge(long row, int i, String value) {
    quality.filled(
        sinks[i].def.name() + ": filled from a merged range",
        file,
        row,
        sinks[i].def.header(),
        value);
  }

  /** Counts a row that could not even be split into fields as declared (ragged, empty). */
  void rejectRaw(long row, String reason, String value) {
    quality.rowRead();
    quality.reject(reason, file, row, "", value);
  }

  /** One row at a time (Excel): call after staging every sink into slot 0. */
  void finishRow(long row, IntFunction<String> rawValue) {
    String[] whyNow = rowWhy;
    rowWhy = null;
    quality.rowRead();
    for (int i : required) {
      if (status[i] != ColumnSink.OK) {
        String reason =
            whyNow != null && whyNow[i] != null
                ? sinks[i].def.name() + ": " + whyNow[i]
                : reason(i, status[i]);
        quality.reject(reason, file, row, sinks[i].def.header(), rawValue.apply(i));
        // A rejected row's cells are not kept, nor counted as cleaned: the flag its texts staged
        // must not stay set for the next row (it counted a clean text there).
        for (ColumnSink sink : sinks) if (sink instanceof TextSink t) t.cleaned = 0;
        return;
      }
    }
    for (int i = 0; i < sinks.length; i++) {
      if (status[i] == ColumnSink.BAD) {
        String why = whyNow != null && whyNow[i] != null ? whyNow[i] : sinks[i].failure;
        quality.blank(
            sinks[i].def.name() + ": " + why, file, row, sinks[i].def.header(), rawValue.apply(i));
      }
      sinks[i].commit(0, status[i]);
      if (sinks[i] instanceof TextSink t && t.cleaned > 0) {
        t.cleaned = 0;
        if (status[i] == ColumnSink.OK) cleaned(t, row, rawValue.apply(i));
      }
    }
    rowsHeld++;
    quality.rowUsed();
  }

  /** Counts a text cell kept without its control characters; the example shows them escaped. */
  private void cleaned(TextSink t, long row, String raw) {
    quality.clean(
        t.def.name() + ": control characters removed",
        file,
        row,
        t.def.header(),
        ControlChars.escaped(raw));
  }

  /**
   * A batch of CSV records at a time: each column is staged for the whole batch, rows failing a
   * required column are rejected, then each column commits the kept rows. Staging and committing
   * run column by column on {@code workers} when given; the quality report is written by the
   * calling thread only, in column then row order.
   */
  void typeBatch(
      RecordBatch b,
      int[] fieldIndex,
      boolean[] skip,
      boolean utf8,
      BatchText text,
      ColumnWorkers workers) {
    int n = b.records;
    if (workers != null) resortColumns();
    // Required columns first, on this thread (usually one date): they decide which rows are
    // rejected. Every other column is then staged and committed in one pass shared by the two
    // threads, one hand-over per batch.
    for (int i : required) sinks[i].stageBatch(b, fieldIndex[i], skip, batchStatus[i], utf8);
    for (int r = 0; r < n; r++) {
      rejected[r] = false;
      if (skip[r]) continue;
      quality.rowRead();
      for (int i : required) {
        int s = batchStatus[i][r];
        if (s != ColumnSink.OK) {
          quality.reject(
              reason(i, s), file, b.line[r], sinks[i].def.header(), text.get(r, fieldIndex[i]));
          rejected[r] = true;
          break;
        }
      }
      if (!rejected[r]) {
        quality.rowUsed();
        rowsHeld++;
      }
    }
    for (int r = 0; r < n; r++) kept[r] = !skip[r] && !rejected[r];
    forEachColumn(
        workers,
        i -> {
          ColumnSink sink = sinks[i];
          int[] st = batchStatus[i];
          if (!sink.def.required()) sink.stageBatch(b, fieldIndex[i], skip, st, utf8);
          sink.commitBatch(n, kept, st);
        });
    for (int i = 0; i < sinks.length; i++) {
      ColumnSink sink = sinks[i];
      int[] st = batchStatus[i];
      for (int r = 0; r < n; r++) {
        if (st[r] == ColumnSink.BAD && !skip[r] && !rejected[r]) {
          quality.blank(
              sink.def.name() + ": " + sink.failure,
              file,
              b.line[r],
              sink.def.header(),
              text.get(r, fieldIndex[i]));
        }
      }
      // Text cells kept without control characters: looked for only in a batch that had one.
      if (sink instanceof TextSink t && t.cleaned > 0) {
        t.cleaned = 0;
        for (int r = 0; r < n; r++) {
          if (kept[r] && st[r] == ColumnSink.OK && t.cleanedAt[r])
            cleaned(t, b.line[r], text.get(r, fieldIndex[i]));
        }
      }
    }
  }

  private void forEachColumn(ColumnWorkers workers, java.util.function.IntConsumer task) {
    if (workers == null || sinks.length < 2) {
      for (int i = 0; i < sinks.length; i++) task.accept(i);
      return;
    }
    workers.run(
        costliestFirst,
        i -> {
          long start = System.nanoTime();
          task.accept(i);
          nanos[i] +=
              System.nanoTime() - start; // each column is timed by the one thread that ran it
        });
  }

  private void resortColumns() {
    if (++batches % RESORT != 0) return;
    costliestFirst =
        java.util.stream.IntStream.range(0, sinks.length)
            .boxed()
            .sorted(java.util.Comparator.comparingLong((Integer i) -> nanos[i]).reversed())
            .mapToInt(Integer::intValue)
            .toArray();
  }

  private String reason(int i, int status) {
    return sinks[i].def.name()
        + ": "
        + (status == ColumnSink.BLANK ? "required, but blank" : sinks[i].failure);
  }

  Table table() {
    quality.sortDetails();
    // Text columns hand their dictionaries to Tablesaw here, which for 289,000 distinct ids takes a
    // while: in parallel, the largest dictionaries first, so that the other thread's many short
    // columns end with them (on the benchmark, the id column taken tenth ended 40 ms after
    // everything else).
    int[] largestFirst =
        java.util.stream.IntStream.range(0, sinks.length)
            .boxed()
            .sorted(
                java.util.Comparator.comparingInt((Integer i) -> sinks[i].distinctValues())
                    .reversed())
            .mapToInt(Integer::intValue)
            .toArray();
    try (ColumnWorkers workers = ColumnWorkers.forThisMachine()) {
      if (workers == null) {
        for (int i : largestFirst) sinks[i].column();
      } else {
        workers.run(largestFirst, i -> sinks[i].column());
      }
    }
    Table t = Table.create(source.id());
    List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
    for (ColumnSink s : sinks) cols.add(s.column());
    t.addColumns(cols.toArray(new tech.tablesaw.columns.Column<?>[0]));
    return t;
  }
}
