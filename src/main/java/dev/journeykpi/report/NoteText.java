package dev.journeykpi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notes for people in their language. Calculators write notes in English (CSV and JSON keep them so, for scripts);
 * the views for people translate each "; "-separated part through the patterns below, which mirror the notes the
 * calculators write. A part without a pattern stays in English (a test keeps the shipped definitions' notes covered).
 */
final class NoteText {
  /** @param unitGroup the group holding a definition's time unit ("days"), translated too; 0 when none */
  private record Rule(Pattern pattern, String vi, int unitGroup) {}

  private static final List<Rule> RULES = new ArrayList<>();

  private static void rule(String regex, String vi) {
    RULES.add(new Rule(Pattern.compile(regex), vi, 0));
  }

  private static void rule(String regex, String vi, int unitGroup) {
    RULES.add(new Rule(Pattern.compile(regex), vi, unitGroup));
  }

  static {
    rule("incomplete: period not over \\(until (.+)\\)", "chưa đủ dữ liệu: kỳ chưa kết thúc (đến $1)");
    rule("incomplete: data ends (.+)", "chưa đủ dữ liệu: dữ liệu dừng ở $1");
    rule("(\\d+) open \\(no (.+)\\)", "$1 đang mở (chưa có $2)");
    rule("(\\d+) with (\\S+) before (\\S+) left out \\(e\\.g\\. (.+)\\)", "$1 dòng có $2 trước $3 bị loại (ví dụ $4)");
    rule("(\\d+) with (\\S+) before (\\S+) left out", "$1 dòng có $2 trước $3 bị loại");
    rule("(\\d+) rows without (.+) are in no period", "$1 dòng không có $2 không thuộc kỳ nào");
    rule("(\\d+) rows without (.+) skipped", "$1 dòng không có $2 bị bỏ qua");
    rule("(\\d+) rows missing part of (.+) \\(taken as 0\\)", "$1 dòng thiếu một phần của $2 (tính là 0)");
    rule("(\\d+) rows without (\\S+) left out", "$1 dòng không có $2 bị loại");
    rule("(\\d+) without (\\S+) left out", "$1 dòng không có $2 bị loại");
    rule("(\\d+) without (\\S+) or with (\\S+) before (\\S+) left out", "$1 dòng không có $2 hoặc có $3 trước $4 bị loại");
    rule("no rows", "không có dòng nào");
    rule("no values in (.+)", "không có giá trị trong $1");
    rule("no completed durations", "chưa có khoảng thời gian nào hoàn tất");
    rule("denominator is 0", "mẫu số bằng 0");
    rule("(\\d+) blank answers left out", "$1 câu trả lời trống bị loại");
    rule("(\\d+) answers outside (\\S+) left out", "$1 câu trả lời ngoài thang $2 bị loại");
    rule("(\\d+) unrecognised answers left out", "$1 câu trả lời không nhận ra bị loại");
    rule("e\\.g\\. (.+)", "ví dụ $1");
    rule("no valid answers", "không có câu trả lời hợp lệ");
    rule("promoters (\\d+) \\((.+)\\), passives (\\d+) \\((.+)\\), detractors (\\d+) \\((.+)\\)",
        "ủng hộ $1 ($2), trung lập $3 ($4), phản đối $5 ($6)");
    rule("(\\d+) still open and past the limit counted as breached", "$1 còn mở đã quá hạn, tính là vi phạm");
    rule("(\\d+) open within the limit so far left out", "$1 còn mở chưa quá hạn bị loại");
    rule("(\\d+) with no limit for their (\\S+) left out \\((.+)\\)", "$1 dòng không có hạn cho $2 bị loại ($3)");
    rule("no rows to judge", "không có dòng để xét");
    rule("(\\d+) whose (\\S+) (\\D+) window runs past the data's end left out", "$1 liên hệ có khung $2 $3 vượt quá cuối dữ liệu bị loại", 3);
    rule("no contacts to judge", "không có liên hệ để xét");
    rule("headcount (\\d+) at start, (\\d+) at end", "nhân sự $1 đầu kỳ, $2 cuối kỳ");
    rule("no headcount", "không có nhân sự");
    rule("turnover needs a period .*", "tỷ lệ nghỉ việc cần một kỳ (--period)");
    rule("customer KPIs need a period .*", "chỉ số khách hàng cần một kỳ (--period)");
    rule("stalled leads need a period .*", "chỉ số này cần một kỳ (--period)");
    rule("active at start (\\d+)", "hoạt động đầu kỳ $1");
    rule("no customers active at the start: not computable", "không có khách hoạt động đầu kỳ: không tính được");
    rule("E (\\d+), N (\\d+), S (\\d+)", "E $1, N $2, S $3");
    rule("no dormant customers at the start", "không có khách ngủ đông đầu kỳ");
    rule("no customers with orders", "không có khách có đơn");
    rule("no orders", "không có đơn");
    rule("lifespan is 1 ÷ churn rate, and the churn rate is (.+)", "vòng đời = 1 ÷ tỷ lệ rời bỏ, mà tỷ lệ rời bỏ là $1");
    rule("AOV (\\S+) × frequency (\\S+) × lifespan (\\S+) periods \\(1 ÷ churn (.+)\\)",
        "AOV $1 × tần suất $2 × vòng đời $3 kỳ (1 ÷ tỷ lệ rời bỏ $4)");
    rule("AOV (\\S+) × frequency (\\S+) × lifespan (\\S+) periods \\(given\\)", "AOV $1 × tần suất $2 × vòng đời $3 kỳ (cho trước)");
    rule("first activity in the period", "hoạt động đầu tiên trong kỳ");
    rule("active in this and the previous period", "hoạt động kỳ này và kỳ trước");
    rule("active now, not in the previous period, not new", "hoạt động kỳ này, không hoạt động kỳ trước, không phải khách mới");
    rule("active in the previous period, not now", "hoạt động kỳ trước, không hoạt động kỳ này");
    rule("no customers in the cohort", "nhóm không có khách");
    rule("(\\d+) rows with a stage not in the funnel left out \\((.+)\\)", "$1 dòng có giai đoạn không thuộc phễu bị loại ($2)");
    rule("(\\d+) leads first appear at a later stage \\(the log starts mid-way\\): counted from there, not in the rates from the first stage",
        "$1 khách xuất hiện lần đầu ở giai đoạn sau (dữ liệu bắt đầu giữa chừng): tính từ giai đoạn đó, không vào tỷ lệ từ đầu phễu");
    rule("(\\d+) leads first appear at a later stage \\(the log starts mid-way\\): counted as having passed the earlier stages \\(entered_midway: fill\\)",
        "$1 khách xuất hiện lần đầu ở giai đoạn sau (dữ liệu bắt đầu giữa chừng): coi như đã qua các giai đoạn trước (entered_midway: fill)");
    rule("no leads", "không có khách");
    rule("no times", "không có thời gian");
    rule("not defined for an activity funnel", "không áp dụng cho phễu hoạt động");
    rule("an activity funnel has no overall conversion", "phễu hoạt động không có tỷ lệ chuyển đổi tổng");
    rule("no stalled leads at the start", "không có khách bị bỏ quên đầu kỳ");
    rule("(\\d+) leads closed before the period not counted", "$1 khách đã đóng trước kỳ không được tính");
  }

  private NoteText() {}

  /**
   * The note in the language ("vi" translates; anything else keeps the calculators' English). In Vietnamese, numbers
   * with decimals are written as the values are ("31,0%", "635.819,33"), not with the calculators' plain '.' mark.
   */
  static String of(String note, String lang) {
    if (!"vi".equals(lang) || note == null || note.isEmpty()) return note;
    List<String> out = new ArrayList<>();
    for (String part : note.split("; ")) out.add(translate(part));
    return vietnameseNumbers(String.join("; ", out));
  }

  /** A decimal number standing alone (not part of a date, time, id or version). */
  private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.:/-])(\\d+)\\.(\\d+)(?![\\w.:/-])");

  private static String vietnameseNumbers(String text) {
    Matcher m = DECIMAL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, grouped(m.group(1)) + "," + m.group(2));
    m.appendTail(out);
    return out.toString();
  }

  /** "635819" → "635.819". */
  private static String grouped(String digits) {
    StringBuilder b = new StringBuilder(digits);
    for (int i = b.length() - 3; i > 0; i -= 3) b.insert(i, '.');
    return b.toString();
  }

  /** The parts of a note that no pattern translates; empty when the whole note is covered. */
  static List<String> untranslated(String note) {
    List<String> out = new ArrayList<>();
    if (note == null || note.isEmpty()) return out;
    for (String part : note.split("; ")) if (rule(part) == null) out.add(part);
    return out;
  }

  private static Rule rule(String part) {
    for (Rule r : RULES) if (r.pattern().matcher(part).matches()) return r;
    return null;
  }

  private static String translate(String part) {
    Rule r = rule(part);
    if (r == null) return part;
    Matcher m = r.pattern().matcher(part);
    m.matches();
    String vi = r.vi().replace("\\", "\\\\");
    if (r.unitGroup() > 0) {
      vi = vi.replace("$" + r.unitGroup(), Matcher.quoteReplacement(timeUnit(m.group(r.unitGroup()))));
    }
    return m.replaceFirst(vi);
  }

  /** A time unit as a definition writes it ("days", "working days", "h") in Vietnamese; an unknown one as it is. */
  static String timeUnit(String unit) {
    return TIME_UNITS.getOrDefault(unit.toLowerCase(java.util.Locale.ROOT), unit);
  }

  private static final java.util.Map<String, String> TIME_UNITS = java.util.Map.ofEntries(
      java.util.Map.entry("working days", "ngày làm việc"), java.util.Map.entry("working day", "ngày làm việc"),
      java.util.Map.entry("business days", "ngày làm việc"), java.util.Map.entry("business day", "ngày làm việc"),
      java.util.Map.entry("days", "ngày"), java.util.Map.entry("day", "ngày"), java.util.Map.entry("d", "ngày"),
      java.util.Map.entry("hours", "giờ"), java.util.Map.entry("hour", "giờ"), java.util.Map.entry("h", "giờ"),
      java.util.Map.entry("minutes", "phút"), java.util.Map.entry("minute", "phút"), java.util.Map.entry("min", "phút"),
      java.util.Map.entry("seconds", "giây"), java.util.Map.entry("second", "giây"), java.util.Map.entry("s", "giây"));
}
