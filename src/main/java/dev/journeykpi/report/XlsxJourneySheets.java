package dev.journeykpi.report;

import static dev.journeykpi.report.XlsxRenderer.cell;
import static dev.journeykpi.report.XlsxRenderer.width;

import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook's sheets that follow the journey: one per stage, one per funnel, one per cohort
 * matrix.
 */
final class XlsxJourneySheets {
  private XlsxJourneySheets() {}

  /**
   * One sheet per journey stage: its touchpoints' KPI rows (funnels by their headlines; cohort
   * triangles have their own sheets), numbers as numbers, statuses coloured, with an auto-filter —
   * the stage's department picks its rows.
   */
  static void stages(XSSFWorkbook wb, XlsxRenderer.Styles st, Scorecard card) {
    var journey = card.definition().journey();
    List<String> header =
        List.of(
            "kpi",
            "label",
            "touchpoint",
            "owner",
            "breakdown",
            "period",
            "value",
            "unit",
            "n",
            "numerator",
            "denominator",
            "target",
            "status",
            "note");
    for (var stage : journey.stages()) {
      List<ResultRow> rows = new java.util.ArrayList<>();
      Map<String, dev.journeykpi.config.Journey.Touchpoint> touchpointOf = new HashMap<>();
      for (var t : journey.touchpoints()) {
        if (!t.stage().equals(stage.id())) continue;
        for (String kpi : t.kpis()) {
          touchpointOf.put(kpi, t);
          var def = card.definition().kpi(kpi).orElse(null);
          if (def == null || ScorecardLayout.isCohort(def)) continue;
          boolean funnel = dev.journeykpi.types.KpiKinds.of(def).stagesDrawn(def) != null;
          card.rows().stream()
              .filter(
                  r ->
                      r.kpi().equals(kpi)
                          && (!funnel || ResultRow.TOTAL.equals(r.dims().get("stage"))))
              .forEach(rows::add);
        }
      }
      if (rows.isEmpty()) continue;
      Sheet s = wb.createSheet(sheetName(wb, stage.label()));
      Row h = s.createRow(0);
      for (int c = 0; c < header.size(); c++) cell(h, c, header.get(c), st.header);
      int r = 1;
      for (ResultRow x : rows) {
        Row row = s.createRow(r++);
        var t = touchpointOf.get(x.kpi());
        cell(row, 0, x.kpi(), null);
        cell(row, 1, SpreadsheetSafe.cell(x.label()), null);
        cell(row, 2, SpreadsheetSafe.cell(t.label()), null);
        cell(row, 3, t.owner() == null ? "" : SpreadsheetSafe.cell(t.owner()), null);
        String breakdown =
            x.dims().entrySet().stream()
                .filter(e -> !e.getKey().equals("stage") && !e.getKey().equals("step"))
                .map(Map.Entry::getValue)
                .filter(v -> !v.equals(ResultRow.TOTAL))
                .collect(java.util.stream.Collectors.joining(" · "));
        cell(row, 4, SpreadsheetSafe.cell(breakdown), null);
        cell(row, 5, x.period(), null);
        if (x.value() != null) {
          Cell v = row.createCell(6);
          v.setCellValue(x.value());
          v.setCellStyle(st.number(x.unit()));
        }
        cell(row, 7, x.unit(), null);
        // Counts in the integer format (issue 19), as on the Scorecard and Data sheets: n always,
        // a numerator or denominator when whole (a sum of VND; a mean's total may have decimals).
        Cell n = row.createCell(8);
        n.setCellValue(x.n());
        n.setCellStyle(st.count());
        count(row, 9, x.numerator(), st);
        count(row, 10, x.denominator(), st);
        cell(row, 11, x.target() == null ? "" : x.target().machineText(), null);
        cell(row, 12, x.status() == null ? "" : x.status().machineText(), st.status(x.status()));
        cell(row, 13, SpreadsheetSafe.cell(x.note()), null);
      }
      s.createFreezePane(2, 1);
      s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, r - 1, 0, header.size() - 1));
      for (int c = 0; c < header.size(); c++) s.setColumnWidth(c, width(s, c));
    }
  }

  /** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
  private static String sheetName(XSSFWorkbook wb, String wanted) {
    String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", " ");
    base = base.length() > 28 ? base.substring(0, 28) : base;
    String name = base;
    for (int i = 2; wb.getSheet(name) != null; i++) name = base + " " + i;
    return name;
  }

  private static String lastPeriod(Scorecard card) {
    return card.periods().get(card.periods().size() - 1).label();
  }

  /**
   * One sheet per funnel KPI: for the whole population, then each breakdown group, a block of one
   * row per stage with the numbers as numbers (entered, rates as %, dropped, lost, times) — select
   * a block's first columns and insert a bar chart to draw the funnel.
   */
  static void funnel(
      XSSFWorkbook wb, XlsxRenderer.Styles st, Scorecard card, dev.journeykpi.config.KpiDef k) {
    Sheet s = wb.createSheet(sheetName(wb, "Funnel " + k.id()));
    String last = lastPeriod(card);
    Map<List<String>, Map<String, ResultRow>> byGroup = new java.util.LinkedHashMap<>();
    for (ResultRow r : card.rows()) {
      if (!r.kpi().equals(k.id()) || !r.period().equals(last)) continue;
      List<String> group = k.by().stream().map(b -> r.dims().get(b)).toList();
      byGroup
          .computeIfAbsent(group, g -> new HashMap<>())
          .put(r.dims().get("stage") + "/" + r.dims().get("step"), r);
    }
    List<List<String>> groups = new java.util.ArrayList<>(byGroup.keySet());
    groups.sort(
        (a, b) ->
            Boolean.compare(
                !a.stream().allMatch(ResultRow.TOTAL::equals),
                !b.stream().allMatch(ResultRow.TOTAL::equals)));
    List<String> steps =
        List.of(
            "entered",
            "to_next",
            "from_first",
            "dropped",
            "lost",
            "time_to_next_median",
            "time_to_next_p90");
    int r = 0;
    for (List<String> group : groups) {
      boolean whole = group.stream().allMatch(ResultRow.TOTAL::equals);
      cell(
          s.createRow(r++),
          0,
          SpreadsheetSafe.cell(
              k.label() + " — " + last + (whole ? "" : " — " + String.join(" · ", group))),
          st.section);
      Row h = s.createRow(r++);
      List<String> header = new java.util.ArrayList<>(List.of("stage", "owner"));
      header.addAll(steps);
      for (int c = 0; c < header.size(); c++) cell(h, c, header.get(c), st.header);
      for (var stage : dev.journeykpi.types.KpiKinds.of(k).stagesDrawn(k).stages()) {
        Row row = s.createRow(r++);
        cell(row, 0, SpreadsheetSafe.cell(stage.label()), null);
        cell(row, 1, stage.owner() == null ? "" : SpreadsheetSafe.cell(stage.owner()), null);
        for (int i = 0; i < steps.size(); i++) {
          ResultRow v = byGroup.get(group).get(stage.id() + "/" + steps.get(i));
          if (v == null || v.value() == null) continue;
          Cell c = row.createCell(2 + i);
          // Dropped is shown as a count here (the rate is to_next's complement).
          boolean count = steps.get(i).equals("dropped");
          c.setCellValue(count ? v.numerator() : v.value());
          c.setCellStyle(st.number(count ? "" : v.unit()));
        }
      }
      // The whole population's funnel drawn beside its block: the entered counts (column C) per
      // stage (column A).
      if (whole && !stagesOf(k).isEmpty())
        XlsxCharts.bars(
            (org.apache.poi.xssf.usermodel.XSSFSheet) s,
            2 + steps.size() + 1,
            r - stagesOf(k).size() - 1,
            k.label() + " — " + last,
            (org.apache.poi.xssf.usermodel.XSSFSheet) s,
            r - stagesOf(k).size(),
            r - 1,
            0,
            2);
      r++;
    }
    for (int c = 0; c < 2 + steps.size(); c++) s.setColumnWidth(c, width(s, c));
  }

  private static List<?> stagesOf(dev.journeykpi.config.KpiDef k) {
    return dev.journeykpi.types.KpiKinds.of(k).stagesDrawn(k).stages();
  }

  /**
   * The cohort triangle with shares as numbers (0.0%), a row per cohort: ready for conditional
   * formatting.
   */
  static void cohorts(
      XSSFWorkbook wb, XlsxRenderer.Styles st, Scorecard card, dev.journeykpi.config.KpiDef k) {
    Sheet s = wb.createSheet(sheetName(wb, "Cohorts " + k.id()));
    String last = lastPeriod(card);
    Map<String, Map<Integer, ResultRow>> byCohort = new java.util.LinkedHashMap<>();
    int maxAge = 0;
    for (ResultRow r : card.rows()) {
      if (!r.kpi().equals(k.id()) || !r.period().equals(last)) continue;
      if (!k.by().stream().allMatch(b -> ResultRow.TOTAL.equals(r.dims().get(b)))) continue;
      Integer age = ScorecardLayout.cohortAge(r);
      if (age == null) continue; // "needs a period": no cell of the triangle
      maxAge = Math.max(maxAge, age);
      byCohort.computeIfAbsent(r.dims().get("cohort"), c -> new HashMap<>()).put(age, r);
    }
    Row h = s.createRow(0);
    cell(h, 0, "cohort", st.header);
    cell(h, 1, "customers", st.header);
    for (int a = 0; a <= maxAge; a++) cell(h, 2 + a, "+" + a, st.header);
    int r = 1;
    for (Map.Entry<String, Map<Integer, ResultRow>> e : byCohort.entrySet()) {
      Row row = s.createRow(r++);
      cell(row, 0, e.getKey(), null);
      ResultRow first = e.getValue().get(0);
      if (first != null && first.denominator() != null) count(row, 1, first.denominator(), st);
      for (Map.Entry<Integer, ResultRow> cellEntry : e.getValue().entrySet()) {
        if (cellEntry.getValue().value() == null) continue;
        Cell c = row.createCell(2 + cellEntry.getKey());
        c.setCellValue(cellEntry.getValue().value());
        c.setCellStyle(st.number("%"));
      }
    }
    s.createFreezePane(2, 1);
    for (int c = 0; c < 3 + maxAge; c++) s.setColumnWidth(c, width(s, c));
  }

  /** A count's cell: the integer format when whole, else grouped with up to two decimals. */
  private static void count(Row row, int column, Double value, XlsxRenderer.Styles st) {
    if (value == null) return;
    Cell c = row.createCell(column);
    c.setCellValue(value);
    c.setCellStyle(st.number("", value == Math.rint(value)));
  }
}
