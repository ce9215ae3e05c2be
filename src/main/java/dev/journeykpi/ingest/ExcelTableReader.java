package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.ParquetColumn;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Imports one sheet of an {@code .xlsx} or {@code .xls} workbook. The header row may be below row 1
 * and the data may start in any column: columns are found by their header text. Numeric cells stay
 * numbers (Excel dates and durations are numbers with a date format, counted in the workbook's date
 * system); formula cells are read by their cached values, never recalculated, and one without a
 * cached value is reported; a text, boolean or date merged over rows is filled down its column and
 * counted, a number or duration is counted once, on the range's first row, and said.
 */
final class ExcelTableReader {
  private ExcelTableReader() {}

  /**
   * @param format "xlsx" or "xls", from {@link FileFormat#of}
   */
  static ColumnPlan read(Path file, String format, SourceDef source, RowAssembler.Factory factory) {
    String name = SourceLoader.display(file);
    Importer importer = new Importer(source, factory, name);
    HeaderFinder finder = new HeaderFinder(source.headerRow(), importer);
    try {
      SheetReader.SheetInfo info =
          SheetReader.read(file, format, source.sheet(), i -> importer.info = i, finder);
      finder.finish();
      importer.finish();
      if (importer.plan == null) {
        throw new DataException(
            name
                + ": sheet '"
                + info.name()
                + "' has no header"
                + (source.headerRow() > 0 ? " in row " + source.headerRow() : "")
                + "; sheets: "
                + info.listing());
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

    /** By sink: the numbers merged over rows, counted once each (see {@link #data}). */
    private MergedNumbers[] mergedNumbers;

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
        throw new DataException(
            e.getMessage()
                + "\n"
                + name
                + ": read sheet '"
                + info.name()
                + "', header row "
                + header.number()
                + "; sheets: "
                + info.listing()
                + (source.sheet() == null ? " (choose one with sheet:)" : ""),
            e);
      }
      RowAssembler.Binding b = factory.create(plan);
      rows = b.rows();
      rows.startFile(name, info.date1904());
      if (source.sheet() == null && !info.hiddenBefore().isEmpty()) {
        rows.note("reading sheet '" + info.name() + "' of " + name + " (" + hidden(info) + ")");
      }
      idx = b.fieldIndex();
      mergedNumbers = new MergedNumbers[idx.length];
    }

    private static String hidden(SheetReader.SheetInfo info) {
      var h = info.hiddenBefore();
      return h.size() == 1
          ? "sheet '" + h.get(0) + "' is hidden"
          : "sheets '" + String.join("', '", h) + "' are hidden";
    }

    @Override
    public void data(SheetRow row) {
      if (row.isBlank()) return;
      for (int i = 0; i < idx.length; i++) {
        SheetCell cell = row.cell(idx[i]);
        SheetRow.Span merged = row.span(idx[i]);
        if (merged != null && rows.sink(i) instanceof ColumnSink.Numeric) {
          // An amount merged over three rows is one amount, shown once (Excel's own SUM counts it
          // once): copied into every row it would be summed three times. It stays on its first row;
          // the others have none of their own.
          mergedNumber(i, merged);
          if (rows.sink(i).def.required()) {
            rows.stageUnreadable(i, MERGED_NUMBER);
          } else {
            rows.stage(i, rows.sink(i).stage(0, ""));
          }
          continue;
        }
        if (cell.kind() == SheetCell.Kind.FORMULA) {
          rows.stageUnreadable(i, "formula without a cached value");
        } else if (cell.kind() == SheetCell.Kind.NUMBER
            && !Double.isFinite(cell.number())
            && !(rows.sink(i) instanceof TextSink)) {
          // Excel writes no such number, but another writer can (<v>NaN</v>, <v>1E+999</v>):
          // blanked as a Parquet file's NaN is, never summed.
          rows.stageUnreadable(i, ParquetColumn.NOT_FINITE);
        } else {
          rows.stage(i, stage(rows.sink(i), cell));
        }
        if (row.filled(idx[i])) rows.filledFromMerge(row.number(), i, cell.shown());
      }
      // The shown text is only needed for a problem report: formatting every cell costs more than
      // reading it.
      rows.finishRow(row.number(), i -> row.cell(idx[i]).shown());
    }

    /**
     * The reason a row is rejected for a required number column whose cell is a merged range's
     * lower row.
     */
    static final String MERGED_NUMBER =
        "a number merged over several rows, counted on its first row only";

    /** A column's numbers merged over rows: how many ranges, and the first one's rows. */
    private static final class MergedNumbers {
      int ranges;
      SheetRow.Span first;
      SheetRow.Span last;
    }

    private void mergedNumber(int i, SheetRow.Span span) {
      MergedNumbers m =
          mergedNumbers[i] == null ? (mergedNumbers[i] = new MergedNumbers()) : mergedNumbers[i];
      if (span.equals(m.last)) return; // rows come in order: the same range again
      m.ranges++;
      m.last = span;
      if (m.first == null) m.first = span;
    }

    /**
     * One note per number or duration column with values merged over rows, e.g. {@code amount: a
     * number merged over 3 rows (orders.xlsx rows 5-7) is counted once, on its first row}.
     */
    void finish() {
      if (mergedNumbers == null) return;
      for (int i = 0; i < mergedNumbers.length; i++) {
        MergedNumbers m = mergedNumbers[i];
        if (m == null) continue;
        String what = rows.sink(i) instanceof ColumnSink.Duration ? "duration" : "number";
        String rowsOf = name + " rows " + m.first.firstRow() + "-" + m.first.lastRow();
        rows.note(
            rows.sink(i).def.name()
                + ": "
                + (m.ranges == 1
                    ? "a "
                        + what
                        + " merged over "
                        + m.first.rows()
                        + " rows ("
                        + rowsOf
                        + ") is counted once, on its first row"
                    : m.ranges
                        + " "
                        + what
                        + "s merged over several rows (the first: "
                        + rowsOf
                        + ") are counted once each, on the first row of their range")
                // A number can also be a label of every row (a floor, a code): in a breakdown or a
                // filter the other rows would be blanks. Said here, with the way to have it filled.
                + "; if it labels every row (a floor, a code), map the column as text and it is filled down");
      }
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
