package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an {@code .xlsx} or {@code .xls} sheet with Apache POI. The header row may be below row 1 and the data may
 * start in any column: columns are found by their header text. Numeric cells stay numbers (Excel dates and durations
 * are numbers with a date format); formula cells are read by their cached values, never recalculated.
 */
final class ExcelTableReader {
  private static final int HEADER_SCAN_ROWS = 30;

  private ExcelTableReader() {}

  static ColumnPlan read(Path file, SourceDef source, RowAssembler.Factory factory) {
    String name = SourceLoader.display(file);
    try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
      Sheet sheet = sheet(wb, source.sheet(), name);
      int headerIndex = source.headerRow() > 0 ? source.headerRow() - 1 : findHeaderRow(sheet);
      Row header = sheet.getRow(headerIndex);
      if (header == null) throw new DataException(name + ": sheet '" + sheet.getSheetName() + "' has no header in row " + (headerIndex + 1));
      List<String> headers = headerTexts(header);
      ColumnPlan plan = ColumnPlan.of(source, headers, name + " [" + sheet.getSheetName() + "]");
      RowAssembler.Binding b = factory.create(plan);
      RowAssembler rows = b.rows();
      rows.startFile(name + "[" + sheet.getSheetName() + "]");
      int[] idx = b.fieldIndex();
      String[] raw = new String[idx.length];
      DataFormatter shown = new DataFormatter();
      for (int r = headerIndex + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null || isBlank(row)) continue;
        for (int i = 0; i < idx.length; i++) {
          Cell cell = row.getCell(idx[i]);
          raw[i] = shown(shown, cell);
          rows.stage(i, stage(rows.sink(i), cell));
        }
        rows.finishRow(r + 1, i -> raw[i]);
      }
      return plan;
    } catch (IOException | RuntimeException e) {
      if (e instanceof DataException de) throw de;
      throw new DataException(name + ": cannot read as an Excel workbook: " + e.getMessage(), e);
    }
  }

  static Sheet sheet(Workbook wb, String wanted, String file) {
    if (wanted == null) return wb.getSheetAt(0);
    Sheet s = wb.getSheet(wanted);
    if (s != null) return s;
    if (wanted.matches("\\d+")) {
      int i = Integer.parseInt(wanted);
      if (i < wb.getNumberOfSheets()) return wb.getSheetAt(i);
    }
    List<String> names = new ArrayList<>();
    wb.sheetIterator().forEachRemaining(x -> names.add(x.getSheetName()));
    throw new DataException(file + ": no sheet '" + wanted + "'"
        + dev.journeykpi.config.Suggestions.hint(wanted, names) + "; sheets: " + String.join(", ", names)
        + " (or a 0-based index)");
  }

  /**
   * The first of the top rows whose text cells number at least 60% of the widest row: title rows and notes above a
   * table have one or two cells, the header has one per column.
   */
  static int findHeaderRow(Sheet sheet) {
    int widest = 0;
    int last = Math.min(sheet.getLastRowNum(), HEADER_SCAN_ROWS);
    int[] texts = new int[last + 1];
    for (int r = sheet.getFirstRowNum(); r <= last; r++) {
      Row row = sheet.getRow(r);
      if (row == null || r < 0) continue;
      int filled = 0;
      for (Cell c : row) {
        if (c.getCellType() == CellType.STRING && !c.getStringCellValue().isBlank()) texts[r]++;
        if (c.getCellType() != CellType.BLANK) filled++;
      }
      widest = Math.max(widest, filled);
    }
    for (int r = Math.max(0, sheet.getFirstRowNum()); r <= last; r++) {
      if (texts[r] >= 2 && texts[r] >= 0.6 * widest) return r;
    }
    return Math.max(0, sheet.getFirstRowNum());
  }

  static List<String> headerTexts(Row header) {
    List<String> out = new ArrayList<>();
    DataFormatter f = new DataFormatter();
    for (int c = 0; c < header.getLastCellNum(); c++) {
      out.add(shown(f, header.getCell(c)));
    }
    return out;
  }

  /** A cell as Excel shows it; a formula cell by its cached result, not its formula text. */
  static String shown(DataFormatter f, Cell cell) {
    if (cell == null) return "";
    if (cell.getCellType() != CellType.FORMULA) return f.formatCellValue(cell);
    return switch (cell.getCachedFormulaResultType()) {
      case NUMERIC -> f.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
          cell.getCellStyle().getDataFormatString());
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      default -> "";
    };
  }

  private static boolean isBlank(Row row) {
    for (Cell c : row) {
      CellType t = c.getCellType();
      if (t != CellType.BLANK && !(t == CellType.STRING && c.getStringCellValue().isBlank())) return false;
    }
    return true;
  }

  private static int stage(ColumnSink sink, Cell cell) {
    if (cell == null) return sink.stage(0, "");
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case NUMERIC -> sink.stageNumber(0, cell.getNumericCellValue(), DateUtil.isCellDateFormatted(cell));
      case BOOLEAN -> sink.stageBoolean(0, cell.getBooleanCellValue());
      case STRING -> sink.stage(0, cell.getStringCellValue());
      case ERROR -> sink.stage(0, "#ERROR");
      default -> sink.stage(0, "");
    };
  }
}
