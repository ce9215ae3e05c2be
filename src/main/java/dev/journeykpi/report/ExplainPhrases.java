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
      Map.entry("Preset", "Mẫu có sẵn"), Map.entry("Columns", "Cột"), Map.entry("computed", "tính từ cột khác"),
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

  /** The phrases of funnels and stalled leads. */
  private static final Map<String, String> FUNNEL_VI = Map.ofEntries(
      Map.entry("leads of %s through the stages %s", "khách tiềm năng theo %s qua các giai đoạn %s"),
      Map.entry("lost outcomes: %s", "kết cục mất khách: %s"),
      Map.entry("leads for counts, %% for rates, %s for times between stages", "số khách cho các số đếm, %% cho tỷ lệ, %s cho thời gian giữa các giai đoạn"),
      Map.entry("share of the leads that reached stage '%s' that went on to reach '%s'",
          "tỷ lệ khách đã đến giai đoạn '%s' đi tiếp đến '%s'"),
      Map.entry("stages %s", "các giai đoạn %s"),
      Map.entry("of the %s untouched for more than %s before the period (and not closed), the share touched again in it",
          "trong số %s không được chăm sóc quá %s trước kỳ (và chưa đóng), tỷ lệ được liên hệ lại trong kỳ"),
      Map.entry("rows whose stage is neither a stage nor a lost outcome, rows without %s or %s: left out and counted",
          "dòng có giai đoạn không thuộc phễu, dòng không có %s hoặc %s: bị loại và được đếm"),
      Map.entry("leads closed before the period (rows where %s)", "khách đã đóng trước kỳ (dòng có %s)"),
      Map.entry("nothing: no 'closed' filter, so every lead idle long enough is stalled, won and lost ones too",
          "không: không có bộ lọc 'closed', nên mọi khách không được chăm sóc đủ lâu đều bị bỏ quên, kể cả khách đã mua hay không mua"),
      Map.entry("only those rows close a lead: every other lead — lost, undecided or still open — stays one to re-engage, lost ones"
          + " included (name their rows in 'closed' to leave them out)", "chỉ những dòng đó đóng một khách: mọi khách khác — không"
          + " mua, chưa quyết định hay đang theo — vẫn cần tái tiếp cận, kể cả khách không mua (ghi các dòng đó vào 'closed' để loại)"),
      Map.entry("leads that reached '%s' ÷ leads that reached '%s'", "số khách đến '%s' ÷ số khách đến '%s'"),
      Map.entry("stalled leads touched in the period ÷ stalled leads", "số khách bị bỏ quên được liên hệ lại trong kỳ ÷ số khách bị bỏ quên"),
      Map.entry("activity funnel: at each stage, the leads that entered it in the period (by %s), and whether they went on",
          "phễu hoạt động: ở mỗi giai đoạn, khách vào giai đoạn đó trong kỳ (theo %s), và họ có đi tiếp không"),
      Map.entry("cohort funnel: the leads whose %s is in the period, with everything they did afterwards",
          "phễu theo nhóm: khách có %s trong kỳ, cùng mọi bước họ đi sau đó"),
      Map.entry("first stage entry (%s)", "lần vào giai đoạn đầu tiên (%s)"),
      Map.entry("touches dated by %s; stalled = last touch before the period more than %s before its first day",
          "lần chăm sóc theo ngày %s; bị bỏ quên = lần chăm sóc cuối trước kỳ cách ngày đầu kỳ hơn %s"),
      Map.entry("stage history: the first entry into a stage counts for reach (duplicates and re-entries change nothing); time in"
          + " a stage adds up every stay", "lịch sử giai đoạn: lần vào đầu tiên được tính (dòng trùng và vào lại không đổi kết"
          + " quả); thời gian ở một giai đoạn cộng mọi lần ở"),
      Map.entry("snapshot: a lead reached its current stage%s", "ảnh chụp: khách đã đến giai đoạn hiện tại%s"),
      Map.entry(" and every stage it has a date for", " và mọi giai đoạn có ngày"),
      Map.entry("skipped: fill (a lead at a later stage passed the earlier ones)", "bỏ qua: fill (khách ở giai đoạn sau đã qua các giai đoạn trước)"),
      Map.entry("skipped: exclude (a lead reached only the stages it entered)", "bỏ qua: exclude (khách chỉ tính ở giai đoạn đã vào)"),
      Map.entry("optional", "không bắt buộc"),
      Map.entry("optional stages (%s): never filled in; a lead that skips one did not drop there",
          "giai đoạn không bắt buộc (%s): không bao giờ được điền; khách bỏ qua giai đoạn đó không bị tính là rơi rụng"),
      Map.entry("entered_midway: fill (a lead first seen at a later stage passed the earlier ones)",
          "entered_midway: fill (khách xuất hiện lần đầu ở giai đoạn sau đã qua các giai đoạn trước)"),
      Map.entry("entered_midway: count_separately (a lead first seen at a later stage is counted from there, not in the rates from"
          + " the first stage)", "entered_midway: count_separately (khách xuất hiện lần đầu ở giai đoạn sau được tính từ giai đoạn"
          + " đó, không vào tỷ lệ từ đầu phễu)"),
      Map.entry("a step counts only if the next stage was entered within %s of the previous one",
          "một bước chỉ tính nếu giai đoạn sau được vào trong vòng %s kể từ giai đoạn trước"),
      Map.entry("per stage: entered, to next, from first, dropped, lost, time to next (median, p90), time in stage; rates of distinct leads",
          "mỗi giai đoạn: số vào, tỷ lệ sang bước sau, tỷ lệ từ đầu phễu, rơi rụng, mất, thời gian sang bước sau (trung vị, p90),"
          + " thời gian ở giai đoạn; tỷ lệ theo khách khác nhau"));

  /** The phrases of the customer (retention) KPIs. */
  private static final Map<String, String> CUSTOMER_VI = Map.ofEntries(
      Map.entry("customers active at the end of the period", "số khách hàng hoạt động vào cuối kỳ"),
      Map.entry("customers whose first activity ever is in the period", "số khách hàng có hoạt động đầu tiên trong kỳ"),
      Map.entry("customers active at the start of the period and not at its end", "khách hàng hoạt động đầu kỳ nhưng không còn vào cuối kỳ"),
      Map.entry("churned customers ÷ customers active at the start (new customers are not in the denominator)",
          "khách rời bỏ ÷ khách hoạt động đầu kỳ (khách mới không ở mẫu số)"),
      Map.entry("customer retention rate (E − N) ÷ S: active at the end E, new in the period N, active at the start S",
          "tỷ lệ giữ chân khách hàng (E − N) ÷ S: E hoạt động cuối kỳ, N khách mới trong kỳ, S hoạt động đầu kỳ"),
      Map.entry("customers dormant at the end of the period (%s without activity)", "khách ngủ đông vào cuối kỳ (%s không hoạt động)"),
      Map.entry("reactivations in the period: an activity after %s without one, once per dormancy episode",
          "số lần kích hoạt lại trong kỳ: hoạt động sau %s không hoạt động, mỗi đợt ngủ đông tính một lần"),
      Map.entry("customers dormant at the start (%s without activity) who were active in the period ÷ dormant at the start",
          "khách ngủ đông đầu kỳ (%s không hoạt động) có hoạt động trong kỳ ÷ khách ngủ đông đầu kỳ"),
      Map.entry("customers by state: new, returning (active in this and the previous period), resurrecting"
          + " (active now, not in the previous period, not new), dormant (active in the previous period, not now)",
          "khách theo trạng thái: mới, quay lại (hoạt động kỳ này và kỳ trước), hồi sinh (hoạt động kỳ này, không hoạt động"
          + " kỳ trước, không phải khách mới), ngủ đông (hoạt động kỳ trước, không hoạt động kỳ này)"),
      Map.entry("customers with 2 or more orders in the period ÷ customers with 1 or more", "khách có từ 2 đơn trong kỳ ÷ khách có từ 1 đơn"),
      Map.entry("orders in the period ÷ customers with an order", "số đơn trong kỳ ÷ số khách có đơn"),
      Map.entry("revenue (%s) in the period ÷ orders", "doanh thu (%s) trong kỳ ÷ số đơn"),
      Map.entry("simple customer lifetime value: AOV × purchase frequency × expected lifespan in periods",
          "giá trị vòng đời khách hàng đơn giản: AOV × tần suất mua × vòng đời dự kiến (số kỳ)"),
      Map.entry("cohort retention: customers grouped by the period of their %s, share active k periods later",
          "giữ chân theo nhóm: khách nhóm theo kỳ của %s, tỷ lệ còn hoạt động sau k kỳ"),
      Map.entry("activity (recurring: a customer is in every period it is active)", "hoạt động (lặp lại: khách thuộc mọi kỳ có hoạt động)"),
      Map.entry("first activity", "hoạt động đầu tiên"), Map.entry("one order per %s", "mỗi %s là một đơn"),
      Map.entry("active in a period = activity in it; at the start = activity in the period before",
          "hoạt động trong kỳ = có hoạt động trong kỳ; đầu kỳ = có hoạt động trong kỳ trước"),
      Map.entry("active at the end of a day = last activity less than %s before it", "hoạt động vào cuối một ngày = hoạt động gần nhất cách chưa đến %s"),
      Map.entry("each customer's whole history counts, activities dated by %s", "tính trên toàn bộ lịch sử của mỗi khách, hoạt động theo ngày %s"),
      Map.entry("rows without a customer id (%s) or without a date (%s): not activity, counted in the note",
          "dòng không có mã khách (%s) hoặc không có ngày (%s): không tính là hoạt động, được đếm trong ghi chú"),
      Map.entry("(E − N) ÷ S, above 100% when customers inactive at the start come back (in E, not in N); S = 0 is not computable",
          "(E − N) ÷ S, trên 100% khi khách không hoạt động đầu kỳ quay lại (thuộc E, không thuộc N); S = 0 thì không tính được"),
      Map.entry("count of customers", "số khách hàng"),
      Map.entry("reactivated from dormancy at the start ÷ dormant at the start", "số khách kích hoạt lại từ trạng thái ngủ đông đầu kỳ ÷ số khách ngủ đông đầu kỳ"),
      Map.entry("new + returning + resurrecting = customers active in the period; returning + dormant = active in the period before",
          "mới + quay lại + hồi sinh = khách hoạt động trong kỳ; quay lại + ngủ đông = khách hoạt động kỳ trước"),
      Map.entry("customers with ≥ 2 orders ÷ customers with ≥ 1", "khách có ≥ 2 đơn ÷ khách có ≥ 1 đơn"),
      Map.entry("orders ÷ customers with an order (orders: distinct ids among rows with a positive amount)",
          "số đơn ÷ số khách có đơn (đơn: mã khác nhau trong các dòng có số tiền dương)"),
      Map.entry("revenue net of returns (negative amounts)", "doanh thu trừ hàng trả (số tiền âm)"),
      Map.entry("revenue of positive amounts only", "doanh thu chỉ tính số tiền dương"), Map.entry("orders", "số đơn"),
      Map.entry("AOV × frequency × lifespan; lifespan %s", "AOV × tần suất × vòng đời; vòng đời %s"),
      Map.entry("= 1 ÷ churn rate (S ÷ churned)", "= 1 ÷ tỷ lệ rời bỏ (S ÷ số khách rời bỏ)"),
      Map.entry("periods (given)", "kỳ (cho trước)"),
      Map.entry("retained(cohort, k) ÷ cohort size, for the last %s cohorts; a cell resting on an unfinished period is flagged",
          "còn lại(nhóm, k) ÷ cỡ nhóm, cho %s nhóm gần nhất; ô dựa trên kỳ chưa kết thúc được đánh dấu"));

  private final boolean vi;

  ExplainPhrases(String lang) {
    this.vi = "vi".equals(lang);
  }

  boolean vi() {
    return vi;
  }

  /** The phrase in this language, with its {@code %s} filled. */
  String t(String english, Object... args) {
    String p = vi ? VI.getOrDefault(english, MORE_VI.getOrDefault(english, CUSTOMER_VI.getOrDefault(english,
        FUNNEL_VI.getOrDefault(english, english)))) : english;
    return args.length == 0 ? p.replace("%%", "%") : String.format(java.util.Locale.ROOT, p, args);
  }
}
