package dev.journeykpi.report;

import dev.journeykpi.model.BreakdownLabel;
import dev.journeykpi.model.Messages;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Status;
import java.util.List;

/**
 * The words of the views for people, in English or Vietnamese: {@code --lang}, else the
 * definition's {@code locale}. Machine outputs (CSV, JSON, the Data sheet) keep English column
 * names and status words, so scripts do not depend on the language.
 */
public record Labels(
    String kpi,
    String breakdown,
    String total,
    String numDen,
    String target,
    String status,
    String note,
    String change,
    String owner,
    String green,
    String amber,
    String red,
    String headline,
    String byStage,
    String byDepartment,
    String incomplete,
    String generated,
    String trend,
    String cohort,
    String customers,
    String belowTriangle,
    String stage,
    String entered,
    String toNext,
    String fromFirst,
    String dropped,
    String lost,
    String timeToNext,
    String stepsBy,
    String droppedByOwner,
    String blank,
    String partTotal,
    String allTime,
    String asAbove,
    String median,
    String kpis,
    String otherKpis,
    List<String> listHeader) {

  static final Labels EN =
      new Labels(
          "KPI",
          "Breakdown",
          "Total",
          "num / den",
          "Target",
          "Status",
          "Note",
          "Change",
          "owner",
          "green",
          "amber",
          "red",
          "Status of the headline rows, %s:",
          "by stage",
          "by department",
          "* incomplete: %s (the period is not over, or the data ends before it does; see the notes)",
          "Generated",
          "Trend",
          "Cohort",
          "Customers",
          "the cohort triangle is below",
          "Stage",
          "Entered",
          "→ next",
          "from first",
          "Dropped",
          "Lost",
          "to next",
          "steps by",
          "Dropped at the steps each department owns",
          ResultRow.BLANK,
          ResultRow.TOTAL,
          Period.ALL.label(),
          "″ as above",
          "median",
          "KPIs",
          "Other KPIs",
          List.of("Stage", "Touchpoint", "Owner", "KPI", "Label", "Type", "Source"));

  static final Labels VI =
      new Labels(
          "Chỉ số",
          "Phân nhóm",
          "Tổng",
          "tử / mẫu",
          "Mục tiêu",
          "Trạng thái",
          "Ghi chú",
          "Thay đổi",
          "phụ trách",
          "xanh",
          "vàng",
          "đỏ",
          "Trạng thái các chỉ số chính, %s:",
          "theo giai đoạn",
          "theo bộ phận",
          "* chưa đủ dữ liệu: %s (kỳ chưa kết thúc, hoặc dữ liệu dừng trước cuối kỳ; xem ghi chú)",
          "Tạo lúc",
          "Xu hướng",
          "Nhóm",
          "Số khách",
          "bảng nhóm khách ở bên dưới",
          "Giai đoạn",
          "Số vào",
          "→ bước sau",
          "từ đầu phễu",
          "Rơi rụng",
          "Mất",
          "sang bước sau",
          "các bước theo",
          "Rơi rụng ở các bước của từng bộ phận",
          "(trống)",
          "(tổng)",
          "toàn bộ",
          "″ như trên",
          "trung vị",
          "Các chỉ số",
          "Chỉ số khác",
          List.of("Giai đoạn", "Điểm chạm", "Phụ trách", "Mã", "Tên", "Loại", "Nguồn"));

  public static Labels of(String lang) {
    return "vi".equals(lang) ? VI : EN;
  }

  /**
   * A time unit of a definition ("days", "working days") in the language; other units as they are.
   */
  String unit(String unit) {
    return this == VI ? Messages.notes("vi").timeUnit(unit) : unit;
  }

  /**
   * A breakdown value as people read it: {@link ResultRow#BLANK} and {@link ResultRow#TOTAL} are
   * data values in CSV and JSON, words of the language in the views; other values as the data has
   * them (a data value {@code (total)}, labelled {@code '(total)} to keep it apart from the total,
   * is shown as it is: {@link BreakdownLabel}).
   */
  String value(String v) {
    return ResultRow.BLANK.equals(v)
        ? blank
        : ResultRow.TOTAL.equals(v) ? partTotal : BreakdownLabel.shown(v);
  }

  /** A period's label as people read it: all time is "all" or "toàn bộ"; others as they are. */
  String period(String label) {
    return Period.ALL.label().equals(label) ? allTime : label;
  }

  /** A status in the language's word; "" for none. */
  String status(Status s) {
    return s == null
        ? ""
        : switch (s) {
          case GREEN -> green;
          case AMBER -> amber;
          case RED -> red;
          case NONE -> "";
        };
  }
}
