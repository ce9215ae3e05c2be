package dev.journeykpi.ingest;

import dev.journeykpi.model.DataException;
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
 * Reads the rows of one sheet of an Excel workbook. {@code .xlsx} is streamed with POI's event API
 * (SAX over the sheet's XML): the workbook object model took 10 s and a lot of memory for a
 * 40,000-row export, streaming takes a fraction of that. Legacy {@code .xls} goes through POI's
 * HSSF object model, which is fast enough for the sizes that format allows.
 */
final class SheetReader {
  /**
   * The chosen sheet, every sheet of the workbook with whether Excel hides it (for messages), and
   * whether the workbook counts dates from 1904 (Mac Excel's old default: its serial numbers are
   * 1,462 days below the 1900 system's for the same day).
   */
  record SheetInfo(String name, List<String> all, List<Boolean> hidden, boolean date1904) {
    /** The sheets as a message lists them: "Hướng dẫn (hidden), Data". */
    String listing() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) out.add(all.get(i) + (hidden.get(i) ? " (hidden)" : ""));
      return String.join(", ", out);
    }

    /**
     * The hidden sheets before the chosen one: those a reader taking the first sheet would have
     * read instead.
     */
    List<String> hiddenBefore() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < all.size() && !all.get(i).equals(name); i++) {
        if (hidden.get(i)) out.add(all.get(i));
      }
      return out;
    }
  }

  private SheetReader() {}

  /**
   * @param format "xls" for the legacy binary format, anything else for .xlsx/.xlsm
   */
  static SheetInfo read(Path file, String format, String wanted, Consumer<SheetRow> rows)
      throws IOException {
    return read(file, format, wanted, info -> {}, rows);
  }

  /**
   * Reads sheet {@code wanted} (a name or a 0-based index; null: the first visible sheet), telling
   * {@code opened} about it before the first row. Merged ranges are filled with their top-left
   * value ({@link MergedRanges}).
   */
  static SheetInfo read(
      Path file, String format, String wanted, Consumer<SheetInfo> opened, Consumer<SheetRow> rows)
      throws IOException {
    return format.equals("xls")
        ? readXls(file, wanted, opened, rows)
        : readXlsx(file, wanted, opened, rows);
  }

  private static SheetInfo readXlsx(
      Path file, String wanted, Consumer<SheetInfo> opened, Consumer<SheetRow> rows)
      throws IOException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      XlsxParts.Book book = XlsxParts.workbook(reader.getWorkbookData());
      List<String> names = book.sheets().stream().map(XlsxParts.SheetRef::name).toList();
      List<Boolean> hidden = book.sheets().stream().map(XlsxParts.SheetRef::hidden).toList();
      int chosen = choose(wanted, names, hidden);
      if (chosen < 0) throw noSheet(file, wanted, names);
      List<String> strings = XlsxParts.sharedStrings(part(() -> reader.getSharedStringsData()));
      XlsxParts.Styles styles = XlsxParts.styles(part(() -> reader.getStylesData()));
      SheetInfo info = new SheetInfo(names.get(chosen), names, hidden, book.date1904());
      opened.accept(info);
      try (InputStream scanned = sheetPart(reader, book, chosen);
          InputStream sheet = sheetPart(reader, book, chosen)) {
        MergeFeed feed = new MergeFeed(scanned, rows);
        XMLReader xml = XlsxParts.xmlReader();
        xml.setContentHandler(new SheetHandler(strings, styles, book.date1904(), feed));
        xml.parse(new InputSource(sheet));
        feed.finish();
      }
      return info;
    } catch (DataException e) {
      throw e;
    } catch (java.io.UncheckedIOException e) {
      throw new DataException(
          file + ": cannot read as an Excel workbook: " + e.getCause().getMessage(), e);
    } catch (Exception e) {
      throw new DataException(file + ": cannot read as an Excel workbook: " + e.getMessage(), e);
    }
  }

  /**
   * Hands the rows on with their merged ranges filled. The ranges are listed after all the rows, so
   * a second stream of the sheet is scanned for them on another thread ({@link MergedRanges#scan}:
   * it inflates the whole part, about a second for a 300,000-row sheet) while this one parses; rows
   * parsed before the ranges are known wait in a buffer. On two cores the scan costs next to
   * nothing, where scanning first added a sixth to the import.
   */
  private static final class MergeFeed implements Consumer<SheetRow> {
    private final java.util.concurrent.FutureTask<MergedRanges> scan;
    private final Consumer<SheetRow> rows;
    private final java.util.ArrayDeque<SheetRow> waiting = new java.util.ArrayDeque<>();
    private MergedRanges merges;

    MergeFeed(InputStream part, Consumer<SheetRow> rows) {
      this.rows = rows;
      this.scan = new java.util.concurrent.FutureTask<>(() -> MergedRanges.scan(part));
      Thread t = new Thread(scan, "xlsx-merged-cells");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void accept(SheetRow row) {
      if (merges == null) {
        if (!scan.isDone()) {
          waiting.add(row);
          return;
        }
        try {
          ranges();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      rows.accept(merges.fill(row));
    }

    /**
     * Call after the last row: waits for the scan if needed and hands on the rows still waiting.
     */
    void finish() throws IOException {
      if (merges == null) ranges();
    }

    private void ranges() throws IOException {
      try {
        merges = scan.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
      while (!waiting.isEmpty()) rows.accept(merges.fill(waiting.poll()));
    }
  }

  /**
   * The part of sheet {@code index}: by its relation id, or in tab order when the workbook gives
   * none.
   */
  private static InputStream sheetPart(XSSFReader reader, XlsxParts.Book book, int index)
      throws Exception {
    String id = book.sheets().get(index).relationId();
    if (id != null) return reader.getSheet(id);
    java.util.Iterator<InputStream> it = reader.getSheetsData();
    for (int i = 0; i < index; i++) it.next().close();
    return it.next();
  }

  private interface PartSource {
    InputStream open() throws Exception;
  }

  /**
   * A part of the workbook, or null when the workbook has none (POI throws for a missing relation).
   */
  private static InputStream part(PartSource source) throws Exception {
    try {
      return source.open();
    } catch (IllegalArgumentException
        | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      return null;
    }
  }

  /**
   * The index of the wanted sheet, or -1. Without a wanted sheet, the first visible one: a hidden
   * first sheet is a template or instructions, never what the user sees as the data.
   */
  static int choose(String wanted, List<String> names, List<Boolean> hidden) {
    if (wanted == null) {
      for (int i = 0; i < names.size(); i++) {
        if (!hidden.get(i)) return i;
      }
      return names.isEmpty() ? -1 : 0;
    }
    for (int i = 0; i < names.size(); i++) {
      if (wanted.equals(names.get(i))) return i;
    }
    if (wanted.matches("\\d+") && wanted.length() < 6 && Integer.parseInt(wanted) < names.size())
      return Integer.parseInt(wanted);
    return -1;
  }

  static DataException noSheet(Path file, String wanted, List<String> names) {
    if (wanted == null) return new DataException(file + ": the workbook has no sheet");
    return new DataException(
        file
            + ": no sheet '"
            + wanted
            + "'"
            + dev.journeykpi.config.Suggestions.hint(wanted, names)
            + "; sheets: "
            + String.join(", ", names)
            + " (or a 0-based index)");
  }

  private static SheetInfo readXls(
      Path file, String wanted, Consumer<SheetInfo> opened, Consumer<SheetRow> rows)
      throws IOException {
    try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
      List<String> names = new ArrayList<>();
      List<Boolean> hidden = new ArrayList<>();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        names.add(wb.getSheetName(i));
        hidden.add(wb.isSheetHidden(i) || wb.isSheetVeryHidden(i));
      }
      int chosen = choose(wanted, names, hidden);
      if (chosen < 0) throw noSheet(file, wanted, names);
      Sheet sheet = wb.getSheetAt(chosen);
      boolean date1904 =
          wb instanceof org.apache.poi.hssf.usermodel.HSSFWorkbook h
              ? h.getInternalWorkbook().isUsing1904DateWindowing()
              : wb instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x && x.isDate1904();
      SheetInfo info = new SheetInfo(sheet.getSheetName(), names, hidden, date1904);
      opened.accept(info);
      MergedRanges merges = new MergedRanges(sheet.getMergedRegions());
      for (Row r : sheet) {
        SheetCell[] cells = new SheetCell[Math.max(0, r.getLastCellNum())];
        for (Cell c : r) cells[c.getColumnIndex()] = cell(c, date1904);
        rows.accept(merges.fill(new SheetRow(r.getRowNum() + 1, cells)));
      }
      return info;
    } catch (DataException e) {
      throw e;
    } catch (Exception e) {
      throw new DataException(file + ": cannot read as an Excel workbook: " + e.getMessage(), e);
    }
  }

  private static SheetCell cell(Cell c, boolean date1904) {
    CellType t =
        c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (t) {
      case NUMERIC ->
          SheetCell.number(
              c.getNumericCellValue(),
              DateUtil.isCellDateFormatted(c),
              c.getCellStyle().getDataFormat(),
              c.getCellStyle().getDataFormatString(),
              date1904);
      case STRING -> SheetCell.text(c.getStringCellValue());
      case BOOLEAN -> SheetCell.bool(c.getBooleanCellValue());
      case ERROR -> SheetCell.error();
      default -> SheetCell.BLANK;
    };
  }

  /**
   * SAX handler for a sheet's XML: {@code <row r="3"><c r="B3" t="s" s="4"><v>12</v></c></row>}.
   * Cell types: s (shared string), inlineStr, str (formula text), b, e, n (default; a date when its
   * style's format is a date).
   */
  private static final class SheetHandler extends DefaultHandler {
    private final List<String> strings;
    private final XlsxParts.Styles styles;
    private final Consumer<SheetRow> rows;
    private final boolean date1904;
    private final List<SheetCell> cells = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private boolean inValue;
    private boolean inFormula;

    /**
     * The cell has an {@code <f>}, and a {@code <v>}: a formula's cached value is its {@code <v>}.
     */
    private boolean hasFormula;

    private boolean hasValue;
    private int rowNumber;
    private int column;
    private String type;
    private int style;

    SheetHandler(
        List<String> strings, XlsxParts.Styles styles, boolean date1904, Consumer<SheetRow> rows) {
      this.strings = strings;
      this.styles = styles;
      this.date1904 = date1904;
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
          hasFormula = false;
          hasValue = false;
        }
        case "v", "t" -> {
          inValue = true;
          if (local.equals("v")) {
            text.setLength(0);
            hasValue = true;
          }
        }
        case "f" -> {
          inFormula = true;
          hasFormula = true;
          formula.setLength(0);
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        text.append(ch, start, length);
      } else if (inFormula) {
        formula.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (local) {
        case "v", "t" -> inValue = false;
        case "f" -> inFormula = false;
        case "c" -> {
          while (cells.size() <= column) cells.add(null);
          cells.set(column, value());
        }
        case "row" -> rows.accept(new SheetRow(rowNumber, cells.toArray(new SheetCell[0])));
        default -> {}
      }
    }

    private SheetCell value() {
      // No <v>, or an empty one (openpyxl writes <v></v>): a formula never computed. Excel writes a
      // formula whose result is the empty string as t="str" with an empty <v>, a cached value.
      if (hasFormula && text.length() == 0 && !(hasValue && "str".equals(type))) {
        return SheetCell.uncachedFormula(
            "=" + (formula.length() > 0 ? formula : "(shared formula)"));
      }
      String v = text.toString();
      if (type == null || type.equals("n")) {
        if (v.isEmpty()) return SheetCell.BLANK;
        NumberStyle st = numberStyle(style);
        return SheetCell.number(
            Double.parseDouble(v), st.date, st.formatId, st.formatCode, date1904);
      }
      return switch (type) {
        case "s" -> SheetCell.text(sharedString(v));
        case "b" -> SheetCell.bool(v.equals("1"));
        case "e" -> SheetCell.error();
        default -> SheetCell.text(v); // inlineStr, str
      };
    }

    /**
     * A cell style's number format and whether it shows dates, worked out once per style (a sheet
     * uses a few).
     */
    private record NumberStyle(int formatId, String formatCode, boolean date) {}

    private NumberStyle[] numberStyles = new NumberStyle[64];

    private NumberStyle numberStyle(int style) {
      if (style < 0 || style >= 1 << 16) return plain(style);
      if (style >= numberStyles.length)
        numberStyles =
            java.util.Arrays.copyOf(numberStyles, Math.max(style + 1, 2 * numberStyles.length));
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
        throw new IllegalStateException(
            "cell refers to shared string " + i + " of " + strings.size());
      }
      return strings.get(i);
    }

    /** "B3" → 1, "AA10" → 26. */
    static int columnOf(String ref) {
      int c = 0;
      for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++)
        c = c * 26 + (ref.charAt(i) - 'A' + 1);
      return c - 1;
    }
  }
}
