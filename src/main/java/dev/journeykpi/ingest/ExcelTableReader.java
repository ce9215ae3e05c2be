package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Imports one sheet of an {@code .xlsx} or {@code .xls} workbook. The header row may be below row 1 and the data may
 * start in any column: columns are found by their header text. Numeric cells stay numbers (Excel dates and durations
 * are numbers with a date format); formula cells are read by their cached values, never recalculated.
 */
final class ExcelTableReader {
  private ExcelTableReader() {}

  static ColumnPlan read(Path file, SourceDef source, RowAssembler.Factory factory) {
    String name = SourceLoader.display(file);
    Importer importer = new Importer(source, factory, name);
    HeaderFinder finder = new HeaderFinder(source.headerRow(), importer);
    try {
      SheetReader.SheetInfo info = SheetReader.read(file, source.format() != null ? source.format() : SourceLoader.extension(file), source.sheet(), finder);
      finder.finish();
      if (importer.plan == null) {
        throw new DataException(name + ": sheet '" + info.name() + "' has no header"
            + (source.headerRow() > 0 ? " in row " + source.headerRow() : ""));
      }
      return importer.plan;
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static final class Importer implements HeaderFinder.Target {
    private final SourceDef source;
    private final RowAssembler.Factory factory;
    private final String name;
    ColumnPlan plan;
    private RowAssembler rows;
    private int[] idx;

    Importer(SourceDef source, RowAssembler.Factory factory, String name) {
      this.source = source;
      this.factory = factory;
      this.name = name;
    }

    @Override
    public void header(SheetRow header) {
      plan = ColumnPlan.of(source, HeaderFinder.texts(header), name);
      RowAssembler.Binding b = factory.create(plan);
      rows = b.rows();
      rows.startFile(name);
      idx = b.fieldIndex();
    }

    @Override
    public void data(SheetRow row) {
      if (row.isBlank()) return;
      for (int i = 0; i < idx.length; i++) rows.stage(i, stage(rows.sink(i), row.cell(idx[i])));
      // The shown text is only needed for a problem report: formatting every cell costs more than reading it.
      rows.finishRow(row.number(), i -> row.cell(idx[i]).shown());
    }

    private static int stage(ColumnSink sink, SheetCell cell) {
      return switch (cell.kind()) {
        case NUMBER -> sink.stageNumber(0, cell.number(), cell.dateFormatted());
        case BOOLEAN -> sink.stageBoolean(0, cell.number() == 1);
        case TEXT, ERROR -> sink.stage(0, cell.text());
        case BLANK -> sink.stage(0, "");
      };
    }
  }
}
