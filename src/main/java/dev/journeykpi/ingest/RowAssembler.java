package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Assembles typed rows from raw fields, whatever the file format: stages each mapped field, rejects the row when a
 * required column is blank or unreadable, otherwise commits it and records any blanked cell in the quality report.
 */
final class RowAssembler {
  private final SourceDef source;
  private final ColumnSink[] sinks;
  private final int[] status;
  private final QualityReport quality;
  private String file;

  RowAssembler(SourceDef source, List<ColumnDef> columns, ZoneId targetZone, QualityReport quality) {
    this.source = source;
    this.sinks = new ColumnSink[columns.size()];
    for (int i = 0; i < sinks.length; i++) sinks[i] = ColumnSink.create(columns.get(i), source, targetZone);
    this.status = new int[sinks.length];
    this.quality = quality;
  }

  /** Builds the assembler once the header row has decided which columns exist. */
  interface Factory {
    /** The assembler for a file with this header, and which field of the file feeds each of its sinks. */
    Binding create(ColumnPlan plan);
  }

  record Binding(RowAssembler rows, int[] fieldIndex) {}

  void startFile(String file) {
    this.file = file;
    quality.addFile(file);
  }

  ColumnSink sink(int i) {
    return sinks[i];
  }

  int width() {
    return sinks.length;
  }

  void stage(int i, int result) {
    status[i] = result;
  }

  /** Counts a row that could not even be split into fields as declared (ragged, empty). */
  void rejectRaw(long row, String reason, String value) {
    quality.rowRead();
    quality.reject(reason, file, row, "", value);
  }

  /** Call after staging every sink for the row. */
  void finishRow(long row, java.util.function.IntFunction<String> rawValue) {
    quality.rowRead();
    for (int i = 0; i < sinks.length; i++) {
      ColumnSink s = sinks[i];
      if (s.def.required() && status[i] != ColumnSink.OK) {
        String why = status[i] == ColumnSink.BLANK ? "required, but blank" : s.failure;
        quality.reject(s.def.name() + ": " + why, file, row, s.def.header(), rawValue.apply(i));
        return;
      }
    }
    for (int i = 0; i < sinks.length; i++) {
      if (status[i] == ColumnSink.BAD) {
        quality.blank(sinks[i].def.name() + ": " + sinks[i].failure, file, row, sinks[i].def.header(), rawValue.apply(i));
      }
      sinks[i].commit(status[i]);
    }
    quality.rowUsed();
  }

  Table table() {
    Table t = Table.create(source.id());
    List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
    for (ColumnSink s : sinks) cols.add(s.column());
    t.addColumns(cols.toArray(new tech.tablesaw.columns.Column<?>[0]));
    return t;
  }
}
