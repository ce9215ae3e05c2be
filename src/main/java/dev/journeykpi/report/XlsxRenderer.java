package dev.journeykpi.report;

import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.Status;
import dev.journeykpi.model.VariantComparison;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The scorecard as an Excel workbook (Apache POI): a "Scorecard" sheet laid out by journey section
 * like the terminal, with statuses coloured; with several periods a "Trend" sheet (a KPI per row, a
 * period per column, ready for a line chart); and a "Data" sheet with the tidy rows, numbers stored
 * as numbers with formats (percent, minutes, VND), a frozen header and an auto-filter, ready for
 * pivots and charts. Text from the exports is neutralised like in CSV.
 */
public final class XlsxRenderer {
  /** The fixed time stamped into a stable workbook: its creation property and every zip entry. */
  private static final long STABLE_TIME =
      java.time.Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

  private final View view;
  private final boolean stable;

  /**
   * @param stable no run-dependent time in the file (--no-timestamp), so reruns give the same bytes
   */
  public XlsxRenderer(View view, boolean stable) {
    this.view = view;
    this.stable = stable;
  }

  public void render(Scorecard card, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      defaultFills(wb);
      Styles st = new Styles(wb);
      scorecard(wb, st, new ScorecardLayout(card, view));
      if (card.periods().size() > 1) trend(wb, st, card);
      XlsxJourneySheets.stages(wb, st, card);
      for (dev.journeykpi.config.KpiDef k : card.definition().kpis()) {
        boolean present = card.rows().stream().anyMatch(r -> r.kpi().equals(k.id()));
        if (present && dev.journeykpi.types.KpiKinds.of(k).stagesDrawn(k) != null)
          XlsxJourneySheets.funnel(wb, st, card, k);
        if (present && ScorecardLayout.isCohort(k)) XlsxJourneySheets.cohorts(wb, st, card, k);
      }
      data(wb, st, card);
      if (stable)
        wb.getProperties()
            .getCoreProperties()
            .setCreated(java.util.Optional.of(new java.util.Date(STABLE_TIME)));
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      wb.write(bytes);
      finish(bytes.toByteArray(), out, stable);
    }
  }

  /**
   * The reserved second fill as Excel writes it, gray125 (POI writes darkGray, which some readers
   * then offer as a fill of their own).
   */
  private static void defaultFills(XSSFWorkbook wb) {
    wb.getStylesSource()
        .getFillAt(1)
        .getCTFill()
        .getPatternFill()
        .setPatternType(org.openxmlformats.schemas.spreadsheetml.x2006.main.STPatternType.GRAY_125);
  }

  /**
   * The "Normal" cell style that every cell format derives from, as Excel writes it: POI writes no
   * {@code <cellStyles>} (nor has it a class for one in its schema subset), and without it
   * LibreOffice and other readers fall back to a default of their own.
   */
  private static final String NORMAL_STYLE =
      "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";

  /**
   * Copies the workbook's zip with the Normal style added to its stylesheet, and, when {@code
   * stable}, every entry stamped at the same fixed time (POI stamps the current time).
   */
  private static void finish(byte[] zip, OutputStream out, boolean stable) throws IOException {
    try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
        java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
        if (stable) copy.setTime(STABLE_TIME);
        z.putNextEntry(copy);
        if (e.getName().equals("xl/styles.xml")) {
          String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          // cellStyles follows cellXfs in the schema's order.
          if (!xml.contains("<cellStyles"))
            xml = xml.replace("</cellXfs>", "</cellXfs>" + NORMAL_STYLE);
          z.write(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
          in.transferTo(z);
        }
        z.closeEntry();
      }
    }
  }

  private static void scorecard(XSSFWorkbook wb, Styles st, ScorecardLayout layout) {
    Sheet s = wb.createSheet("Scorecard");
    int r = 0;
    cell(s.createRow(r++), 0, layout.title, st.title);
    int statusColumn = layout.statusColumn;
    // The row under the first section's header: the header (periods, n, target, status) stays in
    // view while the rows scroll (issue 19: "a frozen header"); 0 with no section.
    int belowHeader = 0;
    for (ScorecardLayout.Section sec : layout.sections) {
      r++;
      cell(s.createRow(r++), 0, sec.title(), st.section);
      if (belowHeader == 0) belowHeader = r + 1;
      Row h = s.createRow(r++);
      for (int c = 0; c < sec.header().size(); c++) cell(h, c, sec.header().get(c), st.header);
      for (int i = 0; i < sec.rows().size(); i++) {
        List<String> cells = sec.rows().get(i);
        Map<String, ResultRow> results = sec.results().get(i);
        Row row = s.createRow(r++);
        for (int c = 0; c < cells.size(); c++) {
          if (number(row, c, layout, results, st)) continue;
          CellStyle style =
              c == statusColumn
                  ? st.status(sec.statuses().get(i))
                  : layout.rightAligned[c] ? st.right : null;
          cell(row, c, SpreadsheetSafe.cell(cells.get(c)), style);
        }
      }
    }
    if (!layout.comparisons.isEmpty()) {
      r++;
      cell(s.createRow(r++), 0, layout.comparisonsTitle, st.header);
      for (String line : layout.comparisons)
        cell(s.createRow(r++), 0, SpreadsheetSafe.cell(line), null);
    }
    if (!layout.summary.isEmpty()) {
      r++;
      for (String line : layout.summary) cell(s.createRow(r++), 0, line.strip(), null);
    }
    for (int c = 0; c < layout.header.size(); c++) s.setColumnWidth(c, width(s, c));
    // The KPI and breakdown columns stay in view while the periods scroll by, and the title, the
    // first section's title and its header while the rows do.
    s.createFreezePane(layout.firstPeriodColumn, belowHeader);
  }

  /**
   * A period's value or the row's n as a number cell in the unit's format, so that the sheet sums,
   * sorts and charts; false for any other cell, and for a period without a value (its text, such as
   * "–", says why).
   */
  private static boolean number(
      Row row, int c, ScorecardLayout layout, Map<String, ResultRow> results, Styles st) {
    int period = c - layout.firstPeriodColumn;
    Double value = null;
    CellStyle style = null;
    if (period >= 0 && period < layout.periodLabels.size()) {
      ResultRow r = results.get(layout.periodLabels.get(period));
      // A value with its confidence interval stays the text that shows both (the Data sheet has
      // the three numbers).
      if (r != null && r.value() != null && r.interval() == null) {
        value = r.value();
        style = st.shown(r.unit(), layout.fmt, isWhole(value));
      }
    } else if (c == layout.nColumn) {
      ResultRow last = results.get(layout.periodLabels.get(layout.periodLabels.size() - 1));
      if (last != null) {
        value = (double) last.n();
        style = st.count();
      }
    }
    if (value == null) return false;
    Cell cell = row.createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(style);
    return true;
  }

  /**
   * With several periods: one row per KPI headline, one column per period, numbers only — select it
   * and insert a line chart.
   */
  private static void trend(XSSFWorkbook wb, Styles st, Scorecard card) {
    Sheet s = wb.createSheet("Trend");
    List<String> periods = card.periods().stream().map(dev.journeykpi.model.Period::label).toList();
    Row h = s.createRow(0);
    cell(h, 0, "kpi", st.header);
    cell(h, 1, "label", st.header);
    cell(h, 2, "unit", st.header);
    for (int i = 0; i < periods.size(); i++) cell(h, 3 + i, periods.get(i), st.header);
    Map<String, Map<String, ResultRow>> byKpi = new java.util.LinkedHashMap<>();
    for (ResultRow r : card.rows()) {
      if (r.dims().isEmpty() || r.isTotal())
        byKpi.computeIfAbsent(r.kpi(), k -> new HashMap<>()).put(r.period(), r);
    }
    int r = 1;
    for (Map.Entry<String, Map<String, ResultRow>> e : byKpi.entrySet()) {
      Row row = s.createRow(r++);
      ResultRow any = e.getValue().values().iterator().next();
      cell(row, 0, e.getKey(), null);
      cell(row, 1, SpreadsheetSafe.cell(any.label()), null);
      cell(row, 2, any.unit(), null);
      for (int i = 0; i < periods.size(); i++) {
        ResultRow v = e.getValue().get(periods.get(i));
        if (v == null || v.value() == null) continue;
        Cell c = row.createCell(3 + i);
        c.setCellValue(v.value());
        c.setCellStyle(st.number(v.unit(), isWhole(v.value())));
      }
    }
    s.createFreezePane(3, 1);
    for (int c = 0; c < 3 + periods.size(); c++) s.setColumnWidth(c, width(s, c));
    trendCharts(wb, s, r - 1, periods.size());
  }

  /**
   * The "Charts" sheet: a line chart per row of the Trend sheet (rows 1..{@code lastRow}), two
   * abreast, each series pointing at its row's period columns (D..) and the header's labels.
   */
  private static void trendCharts(XSSFWorkbook wb, Sheet trend, int lastRow, int periods) {
    org.apache.poi.xssf.usermodel.XSSFSheet charts = wb.createSheet("Charts");
    cell(charts.createRow(0), 0, "One chart per row of the Trend sheet (its numbers).", null);
    for (int i = 0; i < lastRow; i++) {
      Row row = trend.getRow(1 + i);
      String unit = row.getCell(2).getStringCellValue();
      String title =
          row.getCell(1).getStringCellValue()
              + (unit.isBlank() || unit.equals("rows") ? "" : " (" + unit + ")");
      XlsxCharts.line(
          charts,
          (i % 2) * (XlsxCharts.WIDTH + 1),
          1 + (i / 2) * (XlsxCharts.HEIGHT + 1),
          title,
          (org.apache.poi.xssf.usermodel.XSSFSheet) trend,
          0,
          1 + i,
          3,
          2 + periods,
          axisFormat(unit));
    }
  }

  /** The value axis' number format of a unit: percent for rates, grouped đồng; null: general. */
  private static String axisFormat(String unit) {
    return switch (unit) {
      case "%" -> "0%";
      case "VND", "₫", "đ" -> "#,##0";
      default -> null;
    };
  }

  private static void data(XSSFWorkbook wb, Styles st, Scorecard card) {
    Sheet s = wb.createSheet("Data");
    List<String> dims = TidyColumns.dimensions(card.rows());
    boolean intervals = card.hasIntervals();
    boolean levels = card.kpiLevels();
    boolean compared = !card.comparisons().isEmpty();
    ComparisonColumns comparisons = new ComparisonColumns(card);
    List<String> header = TidyColumns.header(dims, intervals, levels, compared);
    Row h = s.createRow(0);
    for (int c = 0; c < header.size(); c++) cell(h, c, header.get(c), st.header);
    int valueColumn = header.indexOf("value");
    int r = 1;
    for (ResultRow row : card.rows()) {
      Row x = s.createRow(r++);
      VariantComparison vs = compared ? comparisons.of(row) : null;
      List<String> cells = TidyColumns.cells(row, dims, intervals, levels, vs);
      if (compared) cells.addAll(comparisons.cells(row));
      for (int c = 0; c < cells.size(); c++) {
        String name = header.get(c);
        Double number =
            switch (name) {
              case "value" -> row.value();
              case "numerator" -> row.numerator();
              case "denominator" -> row.denominator();
              case "n" -> (double) row.n();
              case "previous" -> row.previous();
              case "delta" -> row.delta();
              case "delta_relative" -> row.deltaRelative();
              case "ci_low" -> row.interval() == null ? null : row.interval().low();
              case "ci_high" -> row.interval() == null ? null : row.interval().high();
              case TidyColumns.LEVEL -> TidyColumns.level(row, vs);
              case "difference" -> vs == null ? null : vs.difference();
              case "lift" -> vs == null ? null : vs.lift();
              case "difference_low" -> vs == null ? null : vs.low();
              case "difference_high" -> vs == null ? null : vs.high();
              case "p_value" -> vs == null ? null : vs.p();
              case "p_holm" -> vs == null ? null : vs.pAdjusted();
              default -> null;
            };
        if (number != null) {
          Cell cell = x.createCell(c);
          cell.setCellValue(number);
          CellStyle fmt =
              switch (name) {
                case "value",
                    "previous",
                    "delta",
                    "ci_low",
                    "ci_high",
                    "difference",
                    "difference_low",
                    "difference_high" ->
                    st.number(row.unit(), isWhole(number));
                case "delta_relative", "lift" -> st.number("%");
                case "p_value", "p_holm" -> st.number(Styles.P_VALUE);
                default -> st.number("", isWhole(number));
              };
          cell.setCellStyle(fmt);
        } else if (name.equals("status")) {
          cell(x, c, cells.get(c), st.status(row.status()));
        } else if (name.equals("complete") && row.complete() != null) {
          // A boolean cell, so that a filter offers TRUE and FALSE rather than two texts.
          x.createCell(c).setCellValue(row.complete());
        } else if (!cells.get(c).isEmpty() && !(c >= valueColumn && isNumberColumn(name))) {
          cell(x, c, SpreadsheetSafe.cell(cells.get(c)), null);
        }
      }
    }
    s.createFreezePane(0, 1);
    s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
    for (int c = 0; c < header.size(); c++) s.setColumnWidth(c, width(s, c));
  }

  private static boolean isWhole(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v);
  }

  private static boolean isNumberColumn(String name) {
    return List.of(
            "value",
            "numerator",
            "denominator",
            "n",
            "previous",
            "delta",
            "delta_relative",
            "ci_low",
            "ci_high",
            "difference",
            "lift",
            "difference_low",
            "difference_high",
            "p_value",
            "p_holm")
        .contains(name);
  }

  static void cell(Row row, int c, String text, CellStyle style) {
    Cell cell = row.createCell(c);
    cell.setCellValue(text);
    if (style != null) cell.setCellStyle(style);
  }

  /**
   * Column width from the longest text in it (POI's autoSizeColumn needs fonts installed; this does
   * not).
   */
  static int width(Sheet s, int c) {
    int chars = 6;
    for (Row row : s) {
      Cell cell = row.getCell(c);
      if (cell == null) continue;
      int len =
          switch (cell.getCellType()) {
            case STRING -> DisplayWidth.of(cell.getStringCellValue());
            case NUMERIC -> 12;
            default -> 0;
          };
      // Long titles span the empty cells beside them; they do not widen the column.
      if (c == 0 && row.getLastCellNum() == 1) continue;
      chars = Math.max(chars, len);
    }
    return Math.min(60, chars + 2) * 256;
  }

  /** The cell styles, made once per workbook (Excel limits their number). */
  static final class Styles {
    final XSSFWorkbook wb;
    final CellStyle title;
    final CellStyle section;
    final CellStyle header;
    final CellStyle right;
    private final Map<Status, CellStyle> statuses = new EnumMap<>(Status.class);
    private final Map<String, CellStyle> numbers = new HashMap<>();

    Styles(XSSFWorkbook wb) {
      this.wb = wb;
      title = bold(14);
      section = bold(12);
      header = bold(11);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      right = wb.createCellStyle();
      right.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
      statuses.put(Status.GREEN, fill(IndexedColors.LIGHT_GREEN));
      statuses.put(Status.AMBER, fill(IndexedColors.LIGHT_ORANGE));
      statuses.put(Status.RED, fill(IndexedColors.CORAL));
    }

    private CellStyle bold(int points) {
      CellStyle s = wb.createCellStyle();
      Font f = wb.createFont();
      f.setBold(true);
      f.setFontHeightInPoints((short) points);
      s.setFont(f);
      return s;
    }

    private CellStyle fill(IndexedColors color) {
      CellStyle s = wb.createCellStyle();
      s.setFillForegroundColor(color.getIndex());
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      return s;
    }

    private final Map<String, CellStyle> shown = new HashMap<>();

    private static final ValueFormat ENGLISH = new ValueFormat("en");

    /** Whole counts, with thousands grouped. */
    CellStyle count() {
      return shown.computeIfAbsent("\u0000count", u -> format("#,##0"));
    }

    /**
     * The format of a value shown to people, its unit written after it as the terminal writes it:
     * 0.0% for rates, {@code 1,250,000 VND}, {@code 4.6 min}; Excel shows the separators of the
     * reader's locale; a time unit in the view's language ({@code 4.6 phút} in Vietnamese).
     */
    CellStyle shown(String unit, ValueFormat fmt) {
      return shown(unit, fmt, false);
    }

    /**
     * As {@link #shown(String, ValueFormat)}; a whole number without a fraction's format, which
     * Excel would show as {@code 463.} (a trailing point).
     */
    CellStyle shown(String unit, ValueFormat fmt, boolean whole) {
      String u0 = unit == null ? "" : unit;
      return shown.computeIfAbsent(
          u0 + "\u0000" + fmt.suffix(u0) + "\u0000" + whole,
          key -> {
            String u = u0;
            return format(
                switch (u) {
                  case "%" -> "0.0%";
                  case "VND", "₫", "đ" -> "#,##0\" " + u + "\"";
                  case "seconds" -> "0\"" + fmt.suffix(u) + "\"";
                  case "minutes", "hours", "days" -> "0.0\"" + fmt.suffix(u) + "\"";
                  // A count's default unit is not shown, as in the terminal: "463", not
                  // "463 rows" (nor "463 dòng").
                  case "", "rows" -> whole ? "#,##0" : "#,##0.##";
                  default -> (whole ? "#,##0" : "#,##0.##") + "\" " + u.replace("\"", "") + "\"";
                });
          });
    }

    /** {@link #shown(String, ValueFormat)} with the English units. */
    CellStyle shown(String unit) {
      return shown(unit, ENGLISH);
    }

    private CellStyle format(String format) {
      CellStyle s = wb.createCellStyle();
      s.setDataFormat(wb.createDataFormat().getFormat(format));
      return s;
    }

    /** The fill of a status; null (no style) for none. */
    CellStyle status(Status status) {
      return status == null ? null : statuses.get(status);
    }

    /**
     * Number formats per unit: 0.0% for rates, #,##0 for money in đồng, 0.0 for durations, else
     * general.
     */
    CellStyle number(String unit) {
      return number(unit, false);
    }

    /** As {@link #number(String)}; a whole number in the whole-number format (no "463."). */
    /** The style key of a p-value ({@code compare:}), which no unit is. */
    static final String P_VALUE = "\u0000p";

    CellStyle number(String unit, boolean whole) {
      return numbers.computeIfAbsent(
          unit + "\u0000" + whole,
          key -> {
            String format =
                switch (unit) {
                  case "%" -> "0.0%";
                  case "VND", "₫", "đ" -> "#,##0";
                  case "seconds", "minutes", "hours", "days" -> "0.0";
                  // Not a unit: how a comparison's p-values are shown (0.0003, not 0).
                  case P_VALUE -> "0.0000";
                  default -> whole ? "#,##0" : "#,##0.##";
                };
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat(format));
            return s;
          });
    }
  }
}
