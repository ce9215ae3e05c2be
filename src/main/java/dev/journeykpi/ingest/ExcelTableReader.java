package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Imports one sheet of an {@code .xlsx} or {@code .xls} workbook. The header row may be below row 1 and the data may
 * start in any column: columns are found by their header text. Numeric cells stay numbers (Excel dates and durations
 * are numbers with a date format, counted in the workbook's date system); formula cells are read by their cached
 * values, never recalculated, and one without a cached value is reported; merged ranges are filled with their
 * top-left value and counted.
 */
final class ExcelTableReader {
  private ExcelTableReader() {}

  /** @param format "xlsx" or "xls", from {@link FileFormat#of} */
  static ColumnPlan read(Path file, String format, SourceDef source, RowAssembler.Factory factory) {
    String name = SourceLoader.display(file);
    Importer importer = new Importer(source, factory, name);
    HeaderFinder finder = new HeaderFinder(source.headerRow(), importer);
    try {
      SheetReader.SheetInfo info = SheetReader.read(file, format, source.sheet(), i -> importer.info = i, finder);
      finder.finish();
      if (importer.plan == null) {
        throw new DataException(name + ": sheet '" + info.name() + "' has no header"
            + (source.headerRow() > 0 ? " in row " + source.headerRow() : "") + "; sheets: " + info.listing());
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
    SheetReader.SheetInfo info;
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
      try {
        plan = ColumnPlan.of(source, HeaderFinder.texts(header), name);
      } catch (DataException e) {
        // A header not found may be on another sheet: say which one was read and which there are.
        throw new DataException(e.getMessage() + "\n" + name + ": read sheet '" + info.name() + "', header row "
            + header.number() + "; sheets: " + info.listing() + (source.sheet() == null ? " (choose one with sheet:)" : ""), e);
      }
      RowAssembler.Binding b = factory.create(plan);
      rows = b.rows();
      rows.startFile(name, info.date1904());
      if (source.sheet() == null && !info.hiddenBefore().isEmpty()) {
        rows.note("reading sheet '" + info.name() + "' of " + name + " (" + hidden(info) + ")");
      }
      idx = b.fieldIndex();
    }

    private static String hidden(SheetReader.SheetInfo info) {
      var h = info.hiddenBefore();
      return h.size() == 1 ? "sheet '" + h.get(0) + "' is hidden" : "sheets '" + String.join("', '", h) + "' are hidden";
    }

    @Override
    public void data(SheetRow row) {
      if (row.isBlank()) return;
      for (int i = 0; i < idx.length; i++) {
        SheetCell cell = row.cell(idx[i]);
        if (cell.kind() == SheetCell.Kind.FORMULA) {
          rows.stageUnreadable(i, "formula without a cached value");
        } else {
          rows.stage(i, stage(rows.sink(i), cell));
        }
        if (row.filled(idx[i])) rows.filledFromMerge(row.number(), i, cell.shown());
      }
      // The shown text is only needed for a problem report: formatting every cell costs more than reading it.
      rows.finishRow(row.number(), i -> row.cell(idx[i]).shown());
    }

    private static int stage(ColumnSink sink, SheetCell cell) {
      return switch (cell.kind()) {
        case NUMBER -> sink.stageNumber(0, cell.number(), cell.dateFormatted());
        case BOOLEAN -> sink.stageBoolean(0, cell.number() == 1);
        case TEXT, ERROR -> sink.stage(0, cell.text());
        case BLANK, FORMULA -> sink.stage(0, "");
      };
    }
  }
}
