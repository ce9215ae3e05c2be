package dev.journeykpi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the rows of one sheet of an Excel workbook. {@code .xlsx} is streamed with POI's event API (SAX over the
 * sheet's XML): the workbook object model took 10 s and a lot of memory for a 40,000-row export, streaming takes a
 * fraction of that. Legacy {@code .xls} goes through POI's HSSF object model, which is fast enough for the sizes that
 * format allows.
 */
final class SheetReader {
  /** The chosen sheet and all sheet names, for messages. */
  record SheetInfo(String name, List<String> all) {}

  private SheetReader() {}

  /** @param format "xls" for the legacy binary format, anything else for .xlsx/.xlsm */
  static SheetInfo read(Path file, String format, String wanted, Consumer<SheetRow> rows) throws IOException {
    return format.equals("xls") ? readXls(file, wanted, rows) : readXlsx(file, wanted, rows);
  }

  private static SheetInfo readXlsx(Path file, String wanted, Consumer<SheetRow> rows) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      List<String> strings = XlsxParts.sharedStrings(part(() -> reader.getSharedStringsData()));
      XlsxParts.Styles styles = XlsxParts.styles(part(() -> reader.getStylesData()));
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> names = new ArrayList<>();
      String chosen = null;
      while (it.hasNext()) {
        try (InputStream sheet = it.next()) {
          String n = it.getSheetName();
          names.add(n);
          if (chosen == null && matches(wanted, n, names.size() - 1)) {
            chosen = n;
            XMLReader xml = XlsxParts.xmlReader();
            xml.setContentHandler(new SheetHandler(strings, styles, rows));
            xml.parse(new InputSource(sheet));
          }
        }
      }
      if (chosen == null) throw noSheet(file, wanted, names);
      return new SheetInfo(chosen, names);
    } catch (DataException e) {
      throw e;
    } catch (Exception e) {
      throw new DataException(file + ": cannot read as an Excel workbook: " + e.getMessage(), e);
    }
  }

  private interface PartSource {
    InputStream open() throws Exception;
  }

  /** A part of the workbook, or null when the workbook has none (POI throws for a missing relation). */
  private static InputStream part(PartSource source) throws Exception {
    try {
      return source.open();
    } catch (IllegalArgumentException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      return null;
    }
  }

  private static boolean matches(String wanted, String name, int index) {
    return wanted == null ? index == 0 : wanted.equals(name) || (wanted.matches("\\d+") && Integer.parseInt(wanted) == index);
  }

  static DataException noSheet(Path file, String wanted, List<String> names) {
    return new DataException(file + ": no sheet '" + wanted + "'" + dev.journeykpi.config.Suggestions.hint(wanted, names)
        + "; sheets: " + String.join(", ", names) + " (or a 0-based index)");
  }

  private static SheetInfo readXls(Path file, String wanted, Consumer<SheetRow> rows) throws IOException {
    try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
      List<String> names = new ArrayList<>();
      wb.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
      Sheet sheet = null;
      for (int i = 0; i < names.size(); i++) {
        if (matches(wanted, names.get(i), i)) {
          sheet = wb.getSheetAt(i);
          break;
        }
      }
      if (sheet == null) throw noSheet(file, wanted, names);
      for (Row r : sheet) {
        SheetCell[] cells = new SheetCell[Math.max(0, r.getLastCellNum())];
        for (Cell c : r) cells[c.getColumnIndex()] = cell(c);
        rows.accept(new SheetRow(r.getRowNum() + 1, cells));
      }
      return new SheetInfo(sheet.getSheetName(), names);
    } catch (DataException e) {
      throw e;
    } catch (Exception e) {
      throw new DataException(file + ": cannot read as an Excel workbook: " + e.getMessage(), e);
    }
  }

  private static SheetCell cell(Cell c) {
    CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (t) {
      case NUMERIC -> SheetCell.number(c.getNumericCellValue(), DateUtil.isCellDateFormatted(c),
          c.getCellStyle().getDataFormat(), c.getCellStyle().getDataFormatString());
      case STRING -> SheetCell.text(c.getStringCellValue());
      case BOOLEAN -> SheetCell.bool(c.getBooleanCellValue());
      case ERROR -> new SheetCell(SheetCell.Kind.ERROR, "#ERROR", 0, false, 0, null);
      default -> SheetCell.BLANK;
    };
  }

  /**
   * SAX handler for a sheet's XML: {@code <row r="3"><c r="B3" t="s" s="4"><v>12</v></c></row>}. Cell types: s
   * (shared string), inlineStr, str (formula text), b, e, n (default; a date when its style's format is a date).
   */
  private static final class SheetHandler extends DefaultHandler {
    private final List<String> strings;
    private final XlsxParts.Styles styles;
    private final Consumer<SheetRow> rows;
    private final List<SheetCell> cells = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inValue;
    private int rowNumber;
    private int column;
    private String type;
    private int style;

    SheetHandler(List<String> strings, XlsxParts.Styles styles, Consumer<SheetRow> rows) {
      this.strings = strings;
      this.styles = styles;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      switch (local) {
        case "row" -> {
          String r = a.getValue("r");
          rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
          cells.clear();
          column = -1;
        }
        case "c" -> {
          String ref = a.getValue("r");
          column = ref != null ? columnOf(ref) : column + 1;
          type = a.getValue("t");
          String s = a.getValue("s");
          style = s == null ? 0 : Integer.parseInt(s);
          text.setLength(0);
        }
        case "v", "t" -> {
          inValue = true;
          if (local.equals("v")) text.setLength(0);
        }
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) text.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (local) {
        case "v", "t" -> inValue = false;
        case "c" -> {
          while (cells.size() <= column) cells.add(null);
          cells.set(column, value());
        }
        case "row" -> rows.accept(new SheetRow(rowNumber, cells.toArray(new SheetCell[0])));
        default -> { }
      }
    }

    private SheetCell value() {
      String v = text.toString();
      if (type == null || type.equals("n")) {
        if (v.isEmpty()) return SheetCell.BLANK;
        NumberStyle st = numberStyle(style);
        return SheetCell.number(Double.parseDouble(v), st.date, st.formatId, st.formatCode);
      }
      return switch (type) {
        case "s" -> SheetCell.text(sharedString(v));
        case "b" -> SheetCell.bool(v.equals("1"));
        case "e" -> new SheetCell(SheetCell.Kind.ERROR, "#ERROR", 0, false, 0, null);
        default -> SheetCell.text(v); // inlineStr, str
      };
    }

    /** A cell style's number format and whether it shows dates, worked out once per style (a sheet uses a few). */
    private record NumberStyle(int formatId, String formatCode, boolean date) {}

    private NumberStyle[] numberStyles = new NumberStyle[64];

    private NumberStyle numberStyle(int style) {
      if (style < 0 || style >= 1 << 16) return plain(style);
      if (style >= numberStyles.length) numberStyles = java.util.Arrays.copyOf(numberStyles, Math.max(style + 1, 2 * numberStyles.length));
      NumberStyle st = numberStyles[style];
      if (st == null) numberStyles[style] = st = plain(style);
      return st;
    }

    private NumberStyle plain(int style) {
      int idx = styles.formatId(style);
      String fmt = styles.formatCode(style);
      return new NumberStyle(idx, fmt, fmt != null && DateUtil.isADateFormat(idx, fmt));
    }

    private String sharedString(String v) {
      int i = Integer.parseInt(v.trim());
      if (i < 0 || i >= strings.size()) {
        throw new IllegalStateException("cell refers to shared string " + i + " of " + strings.size());
      }
      return strings.get(i);
    }

    /** "B3" → 1, "AA10" → 26. */
    static int columnOf(String ref) {
      int c = 0;
      for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) c = c * 26 + (ref.charAt(i) - 'A' + 1);
      return c - 1;
    }
  }

}
