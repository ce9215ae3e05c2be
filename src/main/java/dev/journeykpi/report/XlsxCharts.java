package dev.journeykpi.report;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts (POI's XDDF) drawn from the cells of the workbook's own sheets: each series
 * is a formula reference to the range that holds its numbers (with a cache of them, which readers
 * show until they recalculate), so a chart follows the sheet when someone edits or sorts it.
 */
final class XlsxCharts {
  /** A chart's size in cells: 8 columns by 16 rows, about 15 × 8 cm at the default sizes. */
  static final int WIDTH = 8;

  static final int HEIGHT = 16;

  /** The series' colour: a plain blue that prints well. */
  private static final XDDFColor BLUE = XDDFColor.from(new byte[] {0x1f, 0x6f, (byte) 0xb4});

  private XlsxCharts() {}

  /**
   * A line chart of one KPI over the periods: the categories are the period labels of {@code
   * header}'s row, the values the same columns of {@code row} (0-based rows and columns, both
   * ranges on {@code data}).
   *
   * @param format the number format of the values (0.0% for rates), shown on the value axis
   */
  static void line(
      XSSFSheet on,
      int col,
      int row,
      String title,
      XSSFSheet data,
      int header,
      int values,
      int firstCol,
      int lastCol,
      String format) {
    XSSFChart chart = chart(on, col, row, title);
    XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
    y.setCrosses(AxisCrosses.AUTO_ZERO);
    if (format != null) y.setNumberFormat(format);
    XDDFDataSource<String> periods =
        XDDFDataSourcesFactory.fromStringCellRange(
            data, new CellRangeAddress(header, header, firstCol, lastCol));
    XDDFNumericalDataSource<Double> numbers =
        XDDFDataSourcesFactory.fromNumericCellRange(
            data, new CellRangeAddress(values, values, firstCol, lastCol));
    if (format != null) numbers.setFormatCode(format);
    XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
    lines.setVaryColors(false);
    XDDFLineChartData.Series s = (XDDFLineChartData.Series) lines.addSeries(periods, numbers);
    s.setTitle(title, null);
    s.setMarkerStyle(MarkerStyle.CIRCLE);
    s.setSmooth(false);
    // Without a line of its own, LibreOffice draws the markers only.
    XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(BLUE));
    line.setWidth(2.0);
    s.setLineProperties(line);
    chart.plot(lines);
  }

  /**
   * A horizontal bar chart of a funnel's counts: one bar per stage, the first stage on top; the
   * stage labels in column {@code labelCol} and the counts in {@code valueCol} of rows {@code
   * firstRow}..{@code lastRow} of {@code data} (0-based).
   */
  static void bars(
      XSSFSheet on,
      int col,
      int row,
      String title,
      XSSFSheet data,
      int firstRow,
      int lastRow,
      int labelCol,
      int valueCol) {
    XSSFChart chart = chart(on, col, row, title);
    XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.LEFT);
    // Excel draws a bar chart's first category at the bottom: reversed, the funnel reads top down.
    x.setOrientation(AxisOrientation.MAX_MIN);
    XDDFValueAxis y = chart.createValueAxis(AxisPosition.BOTTOM);
    // ...and the count axis stays below it, where the last stage now is.
    y.setCrosses(AxisCrosses.MAX);
    y.setNumberFormat("#,##0");
    XDDFDataSource<String> stages =
        XDDFDataSourcesFactory.fromStringCellRange(
            data, new CellRangeAddress(firstRow, lastRow, labelCol, labelCol));
    XDDFNumericalDataSource<Double> counts =
        XDDFDataSourcesFactory.fromNumericCellRange(
            data, new CellRangeAddress(firstRow, lastRow, valueCol, valueCol));
    counts.setFormatCode("#,##0");
    XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
    bars.setBarDirection(BarDirection.BAR);
    bars.setVaryColors(false);
    XDDFBarChartData.Series s = (XDDFBarChartData.Series) bars.addSeries(stages, counts);
    s.setTitle("entered", null);
    s.setFillProperties(new XDDFSolidFillProperties(BLUE));
    chart.plot(bars);
  }

  private static XSSFChart chart(XSSFSheet on, int col, int row, String title) {
    XSSFDrawing drawing = on.getDrawingPatriarch();
    if (drawing == null) drawing = on.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + WIDTH, row + HEIGHT);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    // A period without a value is a gap in the line, not a zero.
    chart.displayBlanksAs(DisplayBlanks.GAP);
    // Absent, the element means rounded corners to Excel (its schema's default), square to others.
    chart.getCTChartSpace().addNewRoundedCorners().setVal(false);
    return chart;
  }
}
