package dev.journeykpi.report;

import java.util.Map;

/**
 * The sentences of {@code kpi explain}, in English (the keys themselves) or Vietnamese. {@code %s} marks where
 * names and numbers go.
 */
final class ExplainPhrases {
  private static final Map<String, String> VI = Map.ofEntries(
      Map.entry("Journey", "Hành trình"), Map.entry("Source", "Nguồn"), Map.entry("Type", "Loại"),
      Map.entry("Population", "Tập dữ liệu"), Map.entry("Period", "Kỳ"), Map.entry("Clock", "Đồng hồ"),
      Map.entry("Statistic", "Thống kê"), Map.entry("Left out", "Loại trừ"), Map.entry("Breakdown", "Phân nhóm"),
      Map.entry("Unit", "Đơn vị"), Map.entry("Target", "Mục tiêu"), Map.entry("Formula", "Công thức"),
      Map.entry("owner", "phụ trách"),
      Map.entry("number of rows", "số dòng"),
      Map.entry("number of distinct non-blank values of %s", "số giá trị khác nhau (không trống) của %s"),
      Map.entry("sum of %s", "tổng của %s"), Map.entry("mean of %s", "trung bình của %s"),
      Map.entry("median of %s", "trung vị của %s"), Map.entry("%s of %s", "%s của %s"),
      Map.entry("share of the rows that match the numerator filter", "tỷ lệ các dòng khớp bộ lọc tử số"),
      Map.entry("time from %s to %s", "thời gian từ %s đến %s"),
      Map.entry("all rows", "tất cả các dòng"), Map.entry("rows where %s", "các dòng có %s"),
      Map.entry("denominator: those rows", "mẫu số: các dòng đó"),
      Map.entry("denominator: those where %s", "mẫu số: các dòng đó có %s"),
      Map.entry("numerator: of those, rows where %s", "tử số: trong số đó, các dòng có %s"),
      Map.entry("every row counts in every period (time: none)", "mọi dòng đều tính trong mọi kỳ (time: none)"),
      Map.entry("a row counts in the period that contains its %s; rows without %s are in no period",
          "một dòng thuộc kỳ chứa %s của nó; dòng không có %s không thuộc kỳ nào"),
      Map.entry("business time: %s", "giờ làm việc: %s"),
      Map.entry("calendar time (real elapsed time in %s)", "thời gian thực (theo múi giờ %s)"),
      Map.entry("mean", "trung bình"), Map.entry("minimum", "nhỏ nhất"), Map.entry("maximum", "lớn nhất"),
      Map.entry("median (middle value; the mean of the two middle values for an even count)",
          "trung vị (giá trị giữa; trung bình hai giá trị giữa khi số lượng chẵn)"),
      Map.entry("%s: linear interpolation between closest ranks, as Excel's PERCENTILE.INC",
          "%s: nội suy tuyến tính giữa hai hạng gần nhất, như PERCENTILE.INC của Excel"),
      Map.entry("rows without %s (counted in the note)", "các dòng không có %s (được đếm trong ghi chú)"),
      Map.entry("rows without %s are open: counted in the note, never taken as 0; rows whose %s is before %s are data"
          + " errors, left out and counted; rows without %s are left out and counted",
          "dòng không có %s là đang mở: được đếm trong ghi chú, không bao giờ tính là 0; dòng có %s trước %s là lỗi"
          + " dữ liệu, bị loại và được đếm; dòng không có %s bị loại và được đếm"),
      Map.entry("none (one total)", "không (một tổng)"),
      Map.entry("%s, each value computed from its own rows, plus a total computed from all rows",
          "%s, mỗi giá trị tính từ các dòng của nó, cùng một tổng tính từ tất cả các dòng"),
      Map.entry("% (stored as a fraction: 0.85 is 85%)", "% (lưu dạng phân số: 0.85 là 85%)"),
      Map.entry("none", "không có"),
      Map.entry("green at or above %s", "xanh khi ≥ %s"), Map.entry("green at or below %s", "xanh khi ≤ %s"),
      Map.entry("green from %s to %s", "xanh từ %s đến %s"), Map.entry("amber down to %s", "vàng đến %s"),
      Map.entry("amber up to %s", "vàng đến %s"), Map.entry("amber within %s beyond it", "vàng trong khoảng %s ngoài mục tiêu"),
      Map.entry("amber within %s%% of the target beyond it", "vàng trong khoảng %s%% của mục tiêu ngoài mục tiêu"),
      Map.entry("amber within %s%% of its width beyond it", "vàng trong khoảng %s%% độ rộng ngoài khoảng"),
      Map.entry("no amber band", "không có vùng vàng"), Map.entry("red beyond", "đỏ khi vượt quá"),
      Map.entry("per period: %s (a month falls back to its quarter, then its year)",
          "theo kỳ: %s (tháng không có giá trị riêng lấy của quý, rồi của năm)"),
      Map.entry("status on every row, breakdown rows included", "trạng thái trên mọi dòng, kể cả các dòng phân nhóm"),
      Map.entry(" over rows where %s", " trên các dòng có %s"),
      Map.entry("rows(numerator ∩ denominator) ÷ rows(denominator); value, numerator and denominator are all reported",
          "số dòng(tử số ∩ mẫu số) ÷ số dòng(mẫu số); báo cáo cả giá trị, tử số và mẫu số"),
      Map.entry("%s(%s − %s) over completed rows, in %s", "%s(%s − %s) trên các dòng đã hoàn tất, tính bằng %s"),
      Map.entry("holidays", "ngày nghỉ lễ"), Map.entry("holiday", "ngày nghỉ lễ"),
      Map.entry("is %s", "là %s"), Map.entry("is not %s", "không là %s"), Map.entry("is one of %s", "thuộc %s"),
      Map.entry("is none of %s", "không thuộc %s"), Map.entry("between %s and %s (both included)", "từ %s đến %s (gồm cả hai đầu)"),
      Map.entry("is blank", "trống"), Map.entry("is not blank", "không trống"), Map.entry("contains %s", "chứa %s"),
      Map.entry(" and ", " và "), Map.entry(" or ", " hoặc "),
      Map.entry("Mon", "T2"), Map.entry("Tue", "T3"), Map.entry("Wed", "T4"), Map.entry("Thu", "T5"),
      Map.entry("Fri", "T6"), Map.entry("Sat", "T7"), Map.entry("Sun", "CN"));

  /** The phrases of the service, survey and HR KPI types. */
  private static final Map<String, String> MORE_VI = Map.ofEntries(
      Map.entry("Preset", "Mẫu có sẵn"),
      Map.entry("(every key the KPI sets replaces the preset's)", "(mọi khóa KPI tự khai báo sẽ thay giá trị của mẫu)"),
      Map.entry("counted at the end of each period over every row: a row started before the period ends and not ended by then",
          "đếm tại cuối mỗi kỳ trên mọi dòng: dòng bắt đầu trước khi kỳ kết thúc và chưa kết thúc lúc đó"),
      Map.entry("leavers: rows whose %s is in the period; headcount at an instant: %s before it and %s blank or not before it",
          "người nghỉ: dòng có %s trong kỳ; nhân sự tại một thời điểm: %s trước thời điểm đó và %s trống hoặc không trước đó"),
      Map.entry("answers in %s on a %s scale", "câu trả lời trong %s trên thang %s"),
      Map.entry("text answers: %s", "câu trả lời dạng chữ: %s"),
      Map.entry("share of rows whose time from %s to %s met its limit: %s", "tỷ lệ dòng có thời gian từ %s đến %s trong hạn: %s"),
      Map.entry("share of contacts with no other contact of the same %s within %s after it",
          "tỷ lệ liên hệ không có liên hệ nào khác của cùng %s trong vòng %s sau đó"),
      Map.entry("rows open (started, not ended) at the end of the period, from %s and %s",
          "số dòng đang mở (đã bắt đầu, chưa kết thúc) vào cuối kỳ, theo %s và %s"),
      Map.entry("leavers (%s in the period) ÷ average headcount (from %s and %s)",
          "số người nghỉ (%s trong kỳ) ÷ nhân sự bình quân (theo %s và %s)"),
      Map.entry("every contact is judged; repeats are looked for among all of those rows, in any period",
          "mọi liên hệ đều được xét; liên hệ lặp lại được tìm trong tất cả các dòng đó, ở mọi kỳ"),
      Map.entry("contacts judged: those where %s; repeats are looked for among all of the population, in any period",
          "liên hệ được xét: các dòng có %s; liên hệ lặp lại được tìm trong toàn bộ tập dữ liệu, ở mọi kỳ"),
      Map.entry("leavers counted: those where %s (everyone stays in the headcount)",
          "người nghỉ được tính: các dòng có %s (mọi người vẫn tính vào nhân sự)"),
      Map.entry("blank answers, answers outside the scale and unrecognised text answers: left out of the denominator and counted",
          "câu trả lời trống, ngoài thang điểm hoặc chữ không nhận ra: bị loại khỏi mẫu số và được đếm"),
      Map.entry("rows still open within their limit (they may still meet it), rows with no limit for their value, rows without"
          + " %s or ending before it: left out and counted; rows still open past their limit count as breached, judged at the"
          + " export's latest timestamp",
          "dòng còn mở chưa quá hạn (vẫn có thể đạt), dòng không có hạn cho giá trị của nó, dòng không có %s hoặc kết thúc"
          + " trước đó: bị loại và được đếm; dòng còn mở đã quá hạn tính là vi phạm, xét tại thời điểm muộn nhất trong file"),
      Map.entry("contacts without %s, and contacts whose window runs past the export's latest %s with no repeat yet: left out and counted",
          "liên hệ không có %s, và liên hệ có khung thời gian vượt quá %s muộn nhất trong file mà chưa lặp lại: bị loại và được đếm"),
      Map.entry("by %s: %s", "theo %s: %s"), Map.entry("other values have no limit", "giá trị khác không có hạn"),
      Map.entry("other values %s", "giá trị khác %s"),
      Map.entry("answers in %s ÷ valid answers", "số câu trả lời thuộc %s ÷ số câu trả lời hợp lệ"),
      Map.entry("mean of the valid answers", "trung bình các câu trả lời hợp lệ"),
      Map.entry("100 × (answers 9–10 − answers 0–6) ÷ valid answers; passives (7–8) stay in the denominator; −100…100",
          "100 × (số trả lời 9–10 − số trả lời 0–6) ÷ số trả lời hợp lệ; người trung lập (7–8) vẫn ở mẫu số; −100…100"),
      Map.entry("rows met ÷ (rows met + rows breached)", "số dòng đạt ÷ (số dòng đạt + số dòng vi phạm)"),
      Map.entry("contacts without a repeat ÷ contacts judged", "số liên hệ không lặp lại ÷ số liên hệ được xét"),
      Map.entry("count(%s < period end and (%s blank or %s ≥ period end))", "đếm(%s < cuối kỳ và (%s trống hoặc %s ≥ cuối kỳ))"),
      Map.entry("leavers ÷ ((headcount at start + headcount at end) ÷ 2)", "số người nghỉ ÷ ((nhân sự đầu kỳ + nhân sự cuối kỳ) ÷ 2)"),
      Map.entry("; blank parts taken as 0", "; phần trống tính là 0"));

  private final boolean vi;

  ExplainPhrases(String lang) {
    this.vi = "vi".equals(lang);
  }

  boolean vi() {
    return vi;
  }

  /** The phrase in this language, with its {@code %s} filled. */
  String t(String english, Object... args) {
    String p = vi ? VI.getOrDefault(english, MORE_VI.getOrDefault(english, english)) : english;
    return args.length == 0 ? p.replace("%%", "%") : String.format(java.util.Locale.ROOT, p, args);
  }
}
