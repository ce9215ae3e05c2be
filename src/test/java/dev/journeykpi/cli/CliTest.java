package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliFixture.report;
import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  static final String HOTEL = "kpi-definitions/hotel-housekeeping.yaml";

  @TempDir Path dir;

  @Test
  void reportPrintsTheScorecardGroupedByJourney() {
    CliRunner.Result r = report(HOTEL, "--period", "2026-10");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("Khách sạn — touchpoint scorecard — 2026-10")
        .contains("Lưu trú › Dọn phòng  (phụ trách: Buồng phòng)")
        .contains("Trả phòng › Quầy lễ tân  (phụ trách: Lễ tân)");
    assertThat(r.out().indexOf("Dọn phòng")).isLessThan(r.out().indexOf("Quầy lễ tân"));
    // Data quality goes to stderr, never into the results.
    assertThat(r.err())
        .contains("Data quality:")
        .contains("checks: 641 rows read, 639 used, 2 rejected, 1 cell blanked");
    assertThat(r.out()).doesNotContain("Data quality");
  }

  @Test
  void terminalColumnsStayAlignedWithVietnamese() {
    String out = report(HOTEL, "--period", "2026-10", "--width", "0").out();
    // Every row of a section's table ends its "n" column at the same display column.
    var lines = out.lines().filter(l -> l.startsWith("  ") && !l.contains("───")).toList();
    String header =
        lines.stream()
            .filter(l -> l.contains("Chỉ số") && l.contains("Phân nhóm"))
            .findFirst()
            .orElseThrow();
    int nEnd =
        dev.journeykpi.report.DisplayWidth.of(header.substring(0, header.indexOf(" n ") + 2));
    for (String l : lines) {
      if (l.contains("Chỉ số")) continue;
      String left =
          l.substring(0, Math.min(l.length(), l.indexOf("%") > 0 ? l.length() : l.length()));
      assertThat(dev.journeykpi.report.DisplayWidth.of(left)).isGreaterThanOrEqualTo(nEnd - 1);
    }
  }

  @Test
  void csvAndJsonAreTheTidyRowsAndStable() throws Exception {
    CliRunner.Result csv = report(HOTEL, "--period", "2026-10", "--format", "csv");
    assertThat(csv.exitCode()).isZero();
    Golden.check("hotel-2026-10.csv", csv.out());
    assertThat(report(HOTEL, "--period", "2026-10", "--format", "csv").out()).isEqualTo(csv.out());
    CliRunner.Result json = report(HOTEL, "--period", "2026-10", "--format", "json");
    Golden.check("hotel-2026-10.json", json.out());
  }

  @Test
  void departmentViewAndStatusSummary() throws Exception {
    CliRunner.Result r = report(HOTEL, "--period", "2026-10", "--by-owner", "--width", "0");
    assertThat(r.exitCode()).isZero();
    // Headline statuses: sheets changed 87.0% (amber), answer time 2.5 min ≤ 3 (green), satisfied
    // guests 68.3% < 76% (red).
    assertThat(r.out())
        .contains("Buồng phòng · Lưu trú › Dọn phòng   0 xanh · 1 vàng · 0 đỏ")
        .contains(
            "  theo giai đoạn: Lưu trú: 1 xanh · 1 vàng · 0 đỏ; Trả phòng: 0 xanh · 0 vàng · 1 đỏ")
        .contains(
            "  theo bộ phận: Buồng phòng: 0 xanh · 1 vàng · 0 đỏ; Nhà hàng: 1 xanh · 0 vàng · 0 đỏ; Lễ tân: 0 xanh · 0 vàng · 1 đỏ");
    assertThat(r.out().indexOf("Nhà hàng ·")).isLessThan(r.out().indexOf("Lễ tân ·"));
    Golden.check("hotel-by-owner.txt", r.out());
  }

  @Test
  void viewsFollowTheLocaleOrLang() {
    // The hotel definition says locale: vi; --lang en switches the people's views back, machine
    // outputs never change.
    assertThat(report(HOTEL, "--period", "2026-10").out())
        .contains("Chỉ số")
        .contains("Trạng thái");
    String en = report(HOTEL, "--period", "2026-10", "--lang", "en").out();
    assertThat(en)
        .contains("KPI  ")
        .contains("(owner: Buồng phòng)   0 green · 1 amber · 0 red")
        .contains("Status of the headline rows, 2026-10:");
    assertThat(report(HOTEL, "--period", "2026-10", "--lang", "vi", "-f", "csv").out())
        .isEqualTo(report(HOTEL, "--period", "2026-10", "--lang", "en", "-f", "csv").out());
    assertThat(report(HOTEL, "--lang", "fr").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void incompletePeriodIsStarred() {
    // The hotel exports end on 31 October 2026; November has no data yet, so it is incomplete
    // whatever today is (and reported only when asked for: a period the export does not reach is
    // otherwise a data error).
    CliRunner.Result r =
        report(HOTEL, "--period", "2026-11", "--kpi", "checkouts", "--allow-empty-period");
    assertThat(r.out()).contains("2026-11 *").contains("* chưa đủ dữ liệu: 2026-11");
    assertThat(
            report(
                    HOTEL,
                    "--period",
                    "2026-11",
                    "--kpi",
                    "checkouts",
                    "-f",
                    "csv",
                    "--allow-empty-period")
                .out())
        .contains(",false,incomplete: ");
  }

  @Test
  void markdownScorecard() throws Exception {
    CliRunner.Result r = report(HOTEL, "--period", "2026-10", "--format", "md");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith(
            "# Khách sạn — touchpoint scorecard — 2026-10\n\n## Lưu trú › Dọn phòng  (phụ trách: Buồng phòng)   0 xanh · 1 vàng · 0 đỏ\n");
    Golden.check("hotel-2026-10.md", r.out());
  }

  @Test
  void trendOverSeveralPeriods() throws Exception {
    CliRunner.Result r =
        report(HOTEL, "--period", "2026-10", "--periods", "2", "--kpi", "checkouts,average_bill");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("2026-09").contains("2026-10");
    Golden.check("hotel-trend.txt", r.out());
  }

  @Test
  void outputFileAndQualityReport() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out")).resolve("scorecard.csv");
    Path q = dir.resolve("quality.csv");
    CliRunner.Result r =
        report(
            HOTEL,
            "--period",
            "2026-10",
            "-f",
            "csv",
            "-o",
            out.toString(),
            "--quality-report",
            q.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out))
        .startsWith(
            "kpi,label,period,floor,channel,value,unit,numerator,denominator,n,target,status,previous,delta,delta_relative,complete,note\n");
    assertThat(Files.readAllLines(q))
        .containsExactly(
            "source,kind,reason,file,row,column,value",
            "checks,rejected,checked_at: not a date-time in format dd/MM/yyyy HH:mm,examples/hotel/room-checks.csv,78,Thời điểm kiểm tra,31/09/2026 10:15",
            "checks,blanked,sheets_changed: not a yes/no value (true: có/x; false: không/(blank)),examples/hotel/room-checks.csv,312,Đã thay ga,Có?",
            "checks,rejected,\"row has 4 fields, the header has 9\",examples/hotel/room-checks.csv,502,,\"KT-LOI,02/10/2026 09:00,305,3\"");
    assertThat(dir.resolve("out").toFile().list()).containsExactly("scorecard.csv");
  }

  @Test
  void failOnBreachExitsWith1AfterWritingAndNamesTheBreaches() {
    CliRunner.Result r = report(HOTEL, "--period", "2026-10", "-f", "csv", "--fail-on", "red");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BREACH);
    assertThat(r.out())
        .startsWith(
            "kpi,label,period,floor,channel,value,unit,numerator,denominator,n,target,status,previous,delta,delta_relative,complete,note\n");
    // Floor 3 changed sheets at 52 of 66 checks = 78.8%, below the amber line of 85%: red.
    assertThat(r.err())
        .contains(
            "kpi: breach: sheets_changed_rate {floor=3} 2026-10: 78,8% (target ≥ 90,0%) is red");
    CliRunner.Result amber = report(HOTEL, "--period", "2026-10", "--fail-on", "amber", "-q");
    assertThat(amber.exitCode()).isEqualTo(ExitCodes.BREACH);
    assertThat(
            report(HOTEL, "--period", "2026-10", "--kpi", "checkouts", "--fail-on", "red")
                .exitCode())
        .isZero();
    assertThat(report(HOTEL, "--fail-on", "pink").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void compareAddsTheChange() throws Exception {
    CliRunner.Result r =
        report(
            HOTEL,
            "--period",
            "2026-10",
            "--compare",
            "previous",
            "--kpi",
            "checkouts,late_checkout_rate");
    assertThat(r.exitCode()).isZero();
    Golden.check("hotel-compare.txt", r.out());
    assertThat(report(HOTEL, "--compare", "previous").err()).contains("--compare needs --period");
    assertThat(report(HOTEL, "--period", "2026-10", "--compare", "lastyear").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void csvOutputsNeutraliseFormulasFromExports() throws Exception {
    CliFixture fixture = new CliFixture(dir);
    fixture.csv("t.csv", "kênh,ngày", "=HYPERLINK(\"http://evil\"),2026-10-01", "Zalo,2026-10-02");
    fixture.definition(
        """
        sources: { t: { file: t.csv, columns: { channel: kênh, day: { column: ngày, type: date, required: true } } } }
        kpis: [ { id: n, type: count, source: t, time: day, by: [channel] } ]
        """);
    String out = fixture.run("report", "-f", "csv").out();
    assertThat(out)
        .contains("\nn,n,all,\"'=HYPERLINK(\"\"http://evil\"\")\",1,")
        .doesNotContain(",=HYPERLINK");
  }

  @Test
  void bomForExcel() throws Exception {
    Path out = dir.resolve("excel.csv");
    assertThat(
            report(HOTEL, "--period", "2026-10", "-f", "csv", "--bom", "-o", out.toString())
                .exitCode())
        .isZero();
    byte[] bytes = Files.readAllBytes(out);
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(report(HOTEL, "--period", "2026-10", "-f", "csv").out()).startsWith("kpi,");
  }

  @Test
  void severalOutputsInOneRunByExtension() throws Exception {
    CliRunner.Result r =
        report(
            HOTEL,
            "--period",
            "2026-10",
            "-o",
            dir.resolve("a.csv").toString(),
            "-o",
            dir.resolve("a.md").toString(),
            "-o",
            dir.resolve("a.json").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(dir.resolve("a.csv")))
        .isEqualTo(Files.readString(Golden.DIR.resolve("hotel-2026-10.csv")));
    assertThat(Files.readString(dir.resolve("a.md")))
        .isEqualTo(Files.readString(Golden.DIR.resolve("hotel-2026-10.md")));
    assertThat(Files.readString(dir.resolve("a.json")))
        .isEqualTo(Files.readString(Golden.DIR.resolve("hotel-2026-10.json")));
  }

  @Test
  void strictTurnsRejectedRowsIntoExit3AfterWritingResults() {
    CliRunner.Result r = report(HOTEL, "--period", "2026-10", "--strict", "-f", "csv");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.out()).startsWith("kpi,label");
    assertThat(r.err())
        .contains("kpi: data error: source 'checks': 2 rows rejected and --strict is set");
  }

  @Test
  void validateReportsEveryMistake() {
    CliRunner.Result r = run("validate", "-c", "examples/mistakes/hotel-with-mistakes.yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(
            "examples/mistakes/hotel-with-mistakes.yaml:28:13: error: kpi 'sheets_changed_rate' reads unknown source 'check' (did you mean 'checks'?)")
        .endsWith("14 error(s), 0 warning(s)\n");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void validateChecksHeadersAgainstTheData() throws Exception {
    assertThat(run("validate", "-c", HOTEL, "--check-data").exitCode()).isZero();
    Path wrong = dir.resolve("checks.csv");
    Files.writeString(
        wrong,
        "Mã kiểm tra,Thời điểm kiem tra,Phòng,Tầng,Nhân viên,Đã thay ga,Phòng tắm sạch,Điểm kiểm tra,Ghi chú\n");
    CliRunner.Result r = run("validate", "-c", HOTEL, "--data", "checks=" + wrong);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains(
            HOTEL
                + ":20:7: error: source 'checks' column 'checked_at': header 'Thời điểm kiểm tra' is not in "
                + wrong
                + " (did you mean 'Thời điểm kiem tra'?)");
  }

  @Test
  void validateChecksKpiColumnsOfUnmappedSources() throws Exception {
    CliFixture fixture = new CliFixture(dir);
    fixture.csv("t.csv", "Kênh,Ngày", "Web,2026-10-01");
    fixture.definition(
        """
        sources: { t: { file: t.csv } }
        kpis:
          - { id: n, type: count, source: t, time: none, by: [Kenh] }
        """);
    CliRunner.Result r = fixture.run("validate", "--check-data");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains("d.yaml:3:5: error: kpi 'n' reads column 'Kenh', which is not a header of")
        .contains("(did you mean 'Kênh'?)");
  }

  @Test
  void missingDataFileIsExit3WithoutStackTrace() throws Exception {
    CliRunner.Result r = report(HOTEL, "--data", "checks=" + dir.resolve("nope.csv"));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .startsWith(
            "kpi: data error: source 'checks': file "
                + dir.resolve("nope.csv")
                + " does not exist");
    assertThat(r.err()).doesNotContain("\tat ");
    CliRunner.Result debug =
        report(HOTEL, "--data", "checks=" + dir.resolve("nope.csv"), "--debug");
    assertThat(debug.err()).contains("\tat dev.journeykpi");
  }

  @Test
  void missingColumnIsExit3NamingFileAndHeader() throws Exception {
    Path f = dir.resolve("checks.csv");
    Files.writeString(f, "Mã kiểm tra,Thời điểm\nKT1,01/10/2026 10:00\n");
    CliRunner.Result r = report(HOTEL, "--data", "checks=" + f, "--kpi", "rooms_checked");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains(
            "checks.csv: column 'Thời điểm kiểm tra' (mapped to 'checked_at') is not in the header row; headers: Mã kiểm tra, Thời điểm");
  }

  @Test
  void usageErrorsAreExit2() {
    assertThat(report(HOTEL, "--period", "10/2026").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(report(HOTEL, "--period", "10/2026").err())
        .contains("period '10/2026' is not a month (2026-10)");
    assertThat(report(HOTEL, "--fromat", "csv").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(report(HOTEL, "--format", "xml").err())
        .contains("--format 'xml' is not one of table, csv, json");
    assertThat(report(HOTEL, "--kpi", "sheet_rate").err()).contains("no KPI 'sheet_rate'");
    assertThat(report("nowhere.yaml").err())
        .contains("definition file 'nowhere.yaml' does not exist");
    assertThat(report(HOTEL, "--data", "chekcs=x.csv").err())
        .contains("no source 'chekcs' (did you mean 'checks'?)");
    assertThat(run("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void explainStatesEveryDefault() throws Exception {
    CliRunner.Result r =
        run(
            "explain",
            "-c",
            HOTEL,
            "rs_answer_time",
            "rs_delivery_p90",
            "satisfied_guests",
            "--lang",
            "en");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("Clock:      business time: Mon–Sun 06:00–23:00; 1 holiday")
        .contains(
            "Statistic:  p90: linear interpolation between closest ranks, as Excel's PERCENTILE.INC")
        .contains("rows without answered_at are open: counted in the note, never taken as 0")
        .contains(
            "Population: all rows; denominator: those where satisfaction is not blank; numerator: of those, rows where satisfaction ≥ 4");
    Golden.check("hotel-explain.txt", r.out());
    // Every id is listed, in the definition's order (its first two: sheets_changed_rate,
    // bathroom_ok_rate).
    assertThat(run("explain", "-c", HOTEL, "rs_answer").err())
        .contains("no KPI 'rs_answer'; KPIs: sheets_changed_rate, bathroom_ok_rate, ");
    // Without --lang, the definition's locale (vi) speaks.
    assertThat(run("explain", "-c", HOTEL, "rs_answer_time").out())
        .contains("Đồng hồ:     giờ làm việc: T2–CN 06:00–23:00; 1 ngày nghỉ lễ")
        .contains(
            "Loại trừ:    dòng không có answered_at là đang mở: được đếm trong ghi chú, không bao giờ tính là 0");
  }

  /**
   * An output file that cannot be written is a usage error naming the file and why, not an internal
   * error.
   */
  @Test
  void anUnwritableOutputIsAUsageError() throws Exception {
    Path notAFolder = dir.resolve("report.csv");
    java.nio.file.Files.writeString(notAFolder, "x");
    CliRunner.Result r = report(HOTEL, "-q", "-o", notAFolder.resolve("out.csv").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(
            "kpi: cannot write "
                + notAFolder.resolve("out.csv")
                + ": a part of its path is a file, not a folder")
        .doesNotContain("internal error");
  }

  /**
   * A source without columns: is read as text, so its time column cannot place rows (review
   * finding): the message names the KPI, the source and the column and says what to map, exit 2,
   * where it said only "column 'created' is not a date or date-time column".
   */
  @Test
  void aTimeColumnReadAsTextIsNamedWithItsKpiAndSource() throws Exception {
    CliFixture fixture = new CliFixture(dir);
    fixture.csv("t.csv", "id,created", "1,2026-10-01", "2,2026-10-02");
    fixture.definition(
        "sources:\n  t: { file: t.csv }\nkpis:\n  - { id: n, type: count, source: t, time: created }\n");
    CliRunner.Result r = fixture.run("report", "--period", "2026-10", "-q", "-f", "csv");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(
            "kpi 'n' places rows in periods by 'created', which source 't' reads as string, not as dates:"
                + " map it under the source's columns: with type: datetime (or date) and its format");
  }

  /**
   * "(blank)" written in a cell (as Excel's pivot tables write blanks) is a blank by default, so a
   * breakdown has one "(blank)" group, not two of the same name (review finding; the roll-up then
   * kept only one of them). Rows: A, "", "(blank)", "(blank)", "" → A 1, (blank) 4, total 5.
   */
  @Test
  void aCellReadingBlankIsBlank() throws Exception {
    CliFixture fixture = new CliFixture(dir);
    fixture.csv("t.csv", "id,g", "1,A", "2,", "3,(blank)", "4,(blank)", "5,");
    fixture.definition(
        "sources:\n  t: { file: t.csv, columns: { id: id, g: g } }\n"
            + "kpis:\n  - { id: n, type: count, source: t, time: none, by: [g] }\n");
    CliRunner.Result r = fixture.run("report", "-q", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(
            r.out()
                .lines()
                .filter(l -> l.startsWith("n,"))
                .map(l -> l.split(",")[3] + "=" + l.split(",")[4])
                .toList())
        .containsExactly("A=1", "(blank)=4", "(total)=5");
  }

  /**
   * A folder that does not exist is not created (issue 14): a typo in -o wrote somewhere new with
   * exit 0. Exit 2 naming the missing folder, and nothing created.
   */
  @Test
  void anOutputInAFolderThatDoesNotExistIsAUsageError() {
    Path missing = dir.resolve("reprots").resolve("2026-10");
    CliRunner.Result r =
        report(HOTEL, "--period", "2026-10", "-q", "-o", missing.resolve("out.csv").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(
            "kpi: cannot write " + missing.resolve("out.csv") + ": no such folder " + missing);
    assertThat(dir.resolve("reprots")).doesNotExist();
  }

  static final String SERVICE = "kpi-definitions/customer-service.yaml";

  /**
   * Every service preset on the generated exports: the tidy rows are stable, and the terminal view
   * is the golden.
   */
  @Test
  void customerServiceScorecard() throws Exception {
    CliRunner.Result csv = report(SERVICE, "--period", "2026-10", "--format", "csv");
    assertThat(csv.exitCode()).isZero();
    Golden.check("service-2026-10.csv", csv.out());
    CliRunner.Result table = report(SERVICE, "--period", "2026-10", "--width", "0");
    Golden.check("service-2026-10.txt", table.out());
    // The roll-up reads as an outline: department, its teams indented, their agents indented again.
    assertThat(table.out())
        .containsPattern("\\n\\s+CSKH +\\d")
        .containsPattern("\\n\\s+  Nhóm Miền Bắc +\\d")
        .containsPattern("\\n\\s+    Nguyễn Thu Hà +\\d");
    assertThat(csv.out().lines().filter(l -> l.startsWith("frt_by_team,")).toList())
        .anyMatch(l -> l.contains(",CSKH,(total),(total),"))
        .anyMatch(l -> l.contains(",CSKH,Nhóm Miền Bắc,(total),"));
  }

  @Test
  void explainStatesEachPresetsDefinition() throws Exception {
    CliRunner.Result r =
        run(
            "explain",
            "-c",
            SERVICE,
            "frt",
            "aht",
            "fcr_repeat",
            "sla",
            "backlog",
            "csat",
            "nps",
            "turnover",
            "--lang",
            "en");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(
            "Preset:     first_response_time — time from a ticket's creation to the first agent response")
        .contains("Clock:      business time: Mon–Fri 08:00–12:00, 13:30–17:30; Sat 08:00–12:00")
        .contains(
            "Formula:    mean(talk_time + hold_time + after_call_work) over rows where answered is true; blank parts taken as 0")
        .contains(
            "share of rows whose time from created_at to first_response_at met its limit: by priority: Khẩn cấp 30 minutes")
        .contains(
            "100 × (answers 9–10 − answers 0–6) ÷ valid answers; passives (7–8) stay in the denominator");
    Golden.check("service-explain.txt", r.out());
  }

  static final String RETENTION = "kpi-definitions/retention.yaml";

  /**
   * The retention scorecard on two years of generated orders: tidy rows, the terminal view with its
   * cohort triangle.
   */
  @Test
  void retentionScorecard() throws Exception {
    CliRunner.Result csv = report(RETENTION, "--period", "2026-10", "--format", "csv");
    assertThat(csv.exitCode()).isZero();
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .startsWith("kpi,label,period,region,state,cohort,age,value,");
    Golden.check("retention-2026-10.csv", csv.out());
    CliRunner.Result table = report(RETENTION, "--period", "2026-10", "--lang", "en");
    assertThat(table.out())
        .contains("Giữ chân theo nhóm tháng đầu — 2026-10\n  Cohort   Customers    +0 ");
    Golden.check("retention-2026-10.txt", table.out());
    CliRunner.Result trend =
        report(RETENTION, "--period", "2026-10", "--periods", "12", "--kpi", "active,churn,crr");
    assertThat(trend.exitCode()).isZero();
    Golden.check("retention-trend.txt", trend.out());
    CliRunner.Result explain =
        run(
            "explain",
            "-c",
            RETENTION,
            "churn",
            "crr",
            "reactivation",
            "lifecycle",
            "cohorts",
            "clv",
            "--lang",
            "en");
    assertThat(explain.out())
        .contains(
            "Formula:    (E − N) ÷ S, above 100% when customers inactive at the start come back (in E, not in N)")
        .contains("active at the end of a day = last activity less than 90 days before it");
    Golden.check("retention-explain.txt", explain.out());
  }

  /**
   * The customers behind the churn and reactivation KPIs: as many churned as the churn rate's
   * numerator, churned plus retained as its denominator; reactivated plus still dormant as the
   * reactivation rate's denominator.
   */
  @Test
  void customersBehindRetentionKpis() throws Exception {
    CliRunner.Result churn =
        run("leads", "-c", RETENTION, "--kpi", "churn", "--period", "2026-10", "-q");
    assertThat(churn.exitCode()).isZero();
    assertThat(churn.out()).startsWith("customer,status,last_activity,idle_days\n");
    String churnRow =
        report(RETENTION, "--period", "2026-10", "--kpi", "churn", "-f", "csv", "-q").out();
    assertThat(count(churn.out(), ",churned,")).isEqualTo(field(churnRow, "numerator"));
    assertThat(count(churn.out(), ",churned,") + count(churn.out(), ",retained,"))
        .isEqualTo(field(churnRow, "denominator"));
    assertThat(churn.out().lines().skip(1).findFirst().orElseThrow()).contains(",churned,");
    CliRunner.Result react =
        run("leads", "-c", RETENTION, "--kpi", "reactivation", "--period", "2026-10", "-q");
    String rate =
        report(RETENTION, "--period", "2026-10", "--kpi", "reactivation", "-f", "csv", "-q").out();
    assertThat(count(react.out(), ",reactivated,")).isEqualTo(field(rate, "numerator"));
    assertThat(count(react.out(), ",reactivated,") + count(react.out(), ",still dormant,"))
        .isEqualTo(field(rate, "denominator"));
    // For Excel: --bom starts the file with a UTF-8 byte-order mark.
    Path file = dir.resolve("churned.csv");
    assertThat(
            run(
                    "leads",
                    "-c",
                    RETENTION,
                    "--kpi",
                    "churn",
                    "--period",
                    "2026-10",
                    "-q",
                    "--bom",
                    "-o",
                    file.toString())
                .exitCode())
        .isZero();
    assertThat(java.nio.file.Files.readString(file)).startsWith("\ufeffcustomer,status,");
    // A breakdown's values come with each customer; measures of orders, and customers KPIs without
    // a period, are refused.
    assertThat(run("leads", "-c", RETENTION, "--kpi", "crr", "--period", "2026-10", "-q").out())
        .startsWith("customer,region,status,last_activity,idle_days\n");
    CliRunner.Result aov = run("leads", "-c", RETENTION, "--kpi", "aov", "--period", "2026-10");
    assertThat(aov.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(aov.err())
        .contains("kpi 'aov' measures aov; kpi leads lists the customers of active, new, churned");
    assertThat(run("leads", "-c", RETENTION, "--kpi", "churn").err())
        .contains("kpi leads needs a period for customers KPI 'churn' (--period, --from/--to)");
  }

  private static long count(String csv, String part) {
    return csv.lines().filter(l -> l.contains(part)).count();
  }

  /** A whole-number column of the first row of tidy CSV (no quoted commas before it). */
  private static long field(String csv, String column) {
    java.util.List<String> header =
        java.util.List.of(csv.lines().findFirst().orElseThrow().split(","));
    String[] row = csv.lines().skip(1).findFirst().orElseThrow().split(",");
    return (long) Double.parseDouble(row[header.indexOf(column)]);
  }

  /**
   * Without a period a cohort KPI has no triangle: its row says why, in every format (this once
   * crashed).
   */
  @Test
  void cohortsWithoutAPeriodSayWhy() throws Exception {
    CliRunner.Result table = report(RETENTION, "--kpi", "cohorts", "--lang", "en", "--width", "0");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out())
        .contains("customer KPIs need a period (--period, --from/--to)")
        .doesNotContain("+0");
    for (String format : java.util.List.of("markdown", "html")) {
      assertThat(report(RETENTION, "--kpi", "cohorts", "--format", format).exitCode())
          .as(format)
          .isZero();
    }
    Path xlsx = dir.resolve("cohorts.xlsx");
    assertThat(report(RETENTION, "--kpi", "cohorts", "-o", xlsx.toString()).exitCode()).isZero();
  }

  static final String SALES = "kpi-definitions/sales-journey.yaml";
  static final String LEAD_STAGES = "kpi-definitions/lead-stages.yaml";

  /**
   * The sales journey and the lead stages per campaign: terminal funnels, tidy rows, the leads
   * behind a stage.
   */
  @Test
  void funnelScorecards() throws Exception {
    CliRunner.Result table = report(SALES, "--period", "2026-Q3", "--width", "0");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out())
        .contains("Phễu bán hàng — 2026-Q3\n  Giai đoạn ")
        .contains("các bước theo campaign");
    Golden.check("sales-journey-2026-q3.txt", table.out());
    CliRunner.Result csv = report(SALES, "--period", "2026-Q3", "-f", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .startsWith("kpi,label,period,campaign,stage,step,value,unit,");
    Golden.check("sales-journey-2026-q3.csv", csv.out());
    CliRunner.Result stages = report(LEAD_STAGES, "--period", "2026-Q3");
    Golden.check("lead-stages-2026-q3.txt", stages.out());
    CliRunner.Result leads =
        run(
            "leads",
            "-c",
            SALES,
            "--kpi",
            "sales_funnel",
            "--stage",
            "responded",
            "--period",
            "2026-Q3",
            "-q");
    assertThat(leads.exitCode()).isZero();
    assertThat(leads.out()).startsWith("lead,campaign,status,entered_at,days_there\n");
    // As many leads as the funnel says dropped at Đã phản hồi.
    long dropped =
        csv.out()
            .lines()
            .filter(l -> l.startsWith("sales_funnel,") && l.contains(",(total),responded,dropped,"))
            .count();
    assertThat(dropped).isEqualTo(1);
    String droppedRow =
        csv.out()
            .lines()
            .filter(l -> l.startsWith("sales_funnel,") && l.contains(",(total),responded,dropped,"))
            .findFirst()
            .orElseThrow();
    String numerator = droppedRow.split(",")[8];
    assertThat(leads.out().lines().count() - 1).isEqualTo(Long.parseLong(numerator));
    assertThat(run("leads", "-c", SALES, "--kpi", "sales_funnel", "--stage", "respond").err())
        .contains("funnel 'sales_funnel' has no stage 'respond' (did you mean 'responded'?)");
    assertThat(run("leads", "-c", SALES, "--kpi", "win_rate", "--stage", "won").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    // Stalled leads: as many as the re-engagement KPI's denominator, the untouched ones first.
    CliRunner.Result stalled =
        run("leads", "-c", SALES, "--kpi", "reengagement", "--period", "2026-10", "-q");
    assertThat(stalled.out()).startsWith("lead,status,last_touch,idle_days\n");
    CliRunner.Result kpiRow =
        report(SALES, "--period", "2026-10", "--kpi", "reengagement", "-f", "csv", "-q");
    String denominator = kpiRow.out().lines().skip(1).findFirst().orElseThrow().split(",")[6];
    assertThat(stalled.out().lines().count() - 1).isEqualTo(Long.parseLong(denominator));
    assertThat(stalled.out().lines().skip(1).findFirst().orElseThrow()).contains(",untouched,");
    CliRunner.Result explain =
        run("explain", "-c", SALES, "sales_funnel", "contact_rate", "reengagement", "--lang", "en");
    assertThat(explain.out())
        .contains("skipped: fill (a lead at a later stage passed the earlier ones)");
    Golden.check("sales-journey-explain.txt", explain.out());
  }

  @Test
  void listShowsTheJourney() throws Exception {
    CliRunner.Result r = run("list", "-c", HOTEL);
    assertThat(r.exitCode()).isZero();
    Golden.check("hotel-list.txt", r.out());
  }

  @Test
  void initWritesAKitThatRuns() throws Exception {
    assertThat(run("init", "--list").out()).startsWith("hotel-touchpoints  ");
    Path kit = dir.resolve("client");
    CliRunner.Result r = run("init", "--template", "hotel-touchpoints", kit.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(kit.resolve("README.md")).exists();
    assertThat(kit.resolve("examples/hotel/room-service.xlsx")).exists();
    Path def = kit.resolve("kpi-definitions/hotel-touchpoints.yaml");
    CliRunner.Result report = report(def.toString(), "--period", "2026-10", "-f", "csv");
    assertThat(report.exitCode()).isZero();
    assertThat(report.out()).isEqualTo(Files.readString(Golden.DIR.resolve("hotel-2026-10.csv")));
    // A second init into the same folder does not overwrite without --force.
    assertThat(run("init", "--template", "hotel-touchpoints", kit.toString()).err())
        .contains("exist already (use --force");
    assertThat(run("init", "--template", "hotel-touchpoints", "--force", kit.toString()).exitCode())
        .isZero();
    assertThat(run("init", "--template", "hotel", kit.toString()).err())
        .contains("no template 'hotel'");
  }

  /**
   * A kit's definition is renamed after its template: that name is the one checked, so an edited
   * definition is never overwritten without --force, even when the kit's other files are gone. Its
   * "# Run:" line and the "next:" hint name the kit's file and the period the example covers.
   */
  @Test
  void initNeverOverwritesAnEditedKitDefinition() throws Exception {
    Path kit = dir.resolve("client");
    CliRunner.Result first = run("init", "--template", "lead-stages", kit.toString());
    assertThat(first.out())
        .contains(
            "next: scripts/kpi report -c "
                + kit.resolve("kpi-definitions/lead-stages.yaml")
                + " --period 2026-Q3");
    Path def = kit.resolve("kpi-definitions/lead-stages.yaml");
    assertThat(Files.readString(def))
        .contains(
            "# Run:  scripts/kpi report -c kpi-definitions/lead-stages.yaml --period 2026-Q3");
    Path hotel = dir.resolve("hotel");
    run("init", "--template", "hotel-touchpoints", hotel.toString());
    Path hotelDef = hotel.resolve("kpi-definitions/hotel-touchpoints.yaml");
    assertThat(Files.readString(hotelDef)).contains("-c kpi-definitions/hotel-touchpoints.yaml");
    Files.writeString(hotelDef, Files.readString(hotelDef) + "# MY EDITS\n");
    Files.delete(hotel.resolve("README.md"));
    CliRunner.Result again = run("init", "--template", "hotel-touchpoints", hotel.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exist already (use --force to overwrite): " + hotelDef);
    assertThat(Files.readString(hotelDef)).endsWith("# MY EDITS\n");
  }

  @Test
  void customerServiceKitRuns() throws Exception {
    assertThat(run("init", "--list").out()).contains("\ncustomer-service  ");
    Path kit = dir.resolve("cskh");
    assertThat(run("init", "--template", "customer-service", kit.toString()).exitCode()).isZero();
    CliRunner.Result report =
        report(
            kit.resolve("kpi-definitions/customer-service.yaml").toString(),
            "--period",
            "2026-10",
            "-f",
            "csv");
    assertThat(report.exitCode()).isZero();
    assertThat(report.out()).isEqualTo(Files.readString(Golden.DIR.resolve("service-2026-10.csv")));
    Path shop = dir.resolve("shop");
    assertThat(run("init", "--template", "retention", shop.toString()).exitCode()).isZero();
    assertThat(
            report(
                    shop.resolve("kpi-definitions/retention.yaml").toString(),
                    "--period",
                    "2026-10",
                    "-f",
                    "csv")
                .out())
        .isEqualTo(Files.readString(Golden.DIR.resolve("retention-2026-10.csv")));
    Path sales = dir.resolve("sales");
    assertThat(run("init", "--template", "sales-journey", sales.toString()).exitCode()).isZero();
    assertThat(
            report(
                    sales.resolve("kpi-definitions/sales-journey.yaml").toString(),
                    "--period",
                    "2026-Q3",
                    "-f",
                    "csv")
                .out())
        .isEqualTo(Files.readString(Golden.DIR.resolve("sales-journey-2026-q3.csv")));
    Path stages = dir.resolve("stages");
    assertThat(run("init", "--template", "lead-stages", stages.toString()).exitCode()).isZero();
    assertThat(
            report(
                    stages.resolve("kpi-definitions/lead-stages.yaml").toString(),
                    "--period",
                    "2026-Q3")
                .exitCode())
        .isZero();
  }

  @Test
  void helpListsExitCodes() {
    CliRunner.Result r = run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Exit codes:").contains("3   data error");
  }

  @Test
  void inspectPrintsTypesAndASnippet() {
    CliRunner.Result r = run("inspect", "examples/hotel/checkouts.csv");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("delimiter ';'")
        .contains("  #  Header          Type     Format      Blank  Samples")
        .contains("      tong_tien: { column: Tổng tiền, type: number, decimal: \",\" }")
        .contains(
            "      ngay_tra_phong: { column: Ngày trả phòng, type: date, format: dd/MM/yyyy }");
  }

  // ---- issue 14: failures and outputs ----

  static final String CHECKS_HEADER =
      "Mã kiểm tra,Thời điểm kiểm tra,Phòng,Tầng,Nhân viên,Đã thay ga,Phòng tắm sạch,Điểm kiểm tra,Ghi chú\n";

  /**
   * The client switched the export's dates to ISO: every row's required checked_at fails dd/MM/yyyy
   * HH:mm, so no row is used. That is exit 3 without --strict, no scorecard of zeros is written
   * (the old file stays), and the quality summary (even with -q) and report say why.
   */
  @Test
  void anExportOfWhichNoRowIsUsedIsADataErrorAndWritesNoScorecard() throws Exception {
    Path f = dir.resolve("checks.csv");
    Files.writeString(
        f,
        CHECKS_HEADER
            + "KT1,2026-10-05 11:37,509,5,An,có,x,3,\nKT2,2026-10-06 09:00,403,4,An,có,x,4,\n"
            + "KT3,2026-10-07 10:00,301,3,Bình,không,x,5,\n");
    Path out = dir.resolve("scorecard.csv");
    Files.writeString(out, "last month");
    Path q = dir.resolve("quality.csv");
    CliRunner.Result r =
        report(
            HOTEL,
            "--period",
            "2026-10",
            "--kpi",
            "rooms_checked",
            "-q",
            "--data",
            "checks=" + f,
            "-o",
            out.toString(),
            "--quality-report",
            q.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    // 3 rows read (lines 2-4), 0 used, all 3 rejected for the one reason; its first example is line
    // 2.
    assertThat(r.err())
        .contains("checks: 3 rows read, 0 used, 3 rejected")
        .contains(
            "kpi: data error: source 'checks': none of its 3 rows could be used (3 rejected for checked_at: not a"
                + " date-time in format dd/MM/yyyy HH:mm, e.g. "
                + f
                + ":2:Thời điểm kiểm tra '2026-10-05 11:37'); no output written");
    assertThat(Files.readString(out)).isEqualTo("last month");
    assertThat(Files.readAllLines(q)).hasSize(4); // the header and the 3 rejected rows
    // kpi leads too: an empty list from an unreadable export is not "nobody to follow up".
    Path orders = dir.resolve("orders.csv");
    Files.writeString(
        orders,
        "Mã đơn,Ngày đặt,Mã khách hàng,Khu vực,Kênh bán,Số tiền (VND),Trạng thái\n"
            + "D1,2026-10-01,KH1,Bắc,Web,100000,Hoàn thành\nD2,2026-10-02,KH2,Nam,Web,200000,Hoàn thành\n");
    Path leads = dir.resolve("leads.csv");
    CliRunner.Result l =
        run(
            "leads",
            "-c",
            "kpi-definitions/retention.yaml",
            "--kpi",
            "churn",
            "--period",
            "2026-10",
            "--data",
            "orders=" + orders,
            "-o",
            leads.toString());
    assertThat(l.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(l.err())
        .contains(
            "kpi: data error: source 'orders': none of its 2 rows could be used (2 rejected for created_at:");
    assertThat(leads).doesNotExist();
  }

  /**
   * Last month's cron run on an export nobody refreshed: the hotel checks run from 2026-09-01 to
   * 2026-10-31 (the earliest and latest "Thời điểm kiểm tra" of room-checks.csv, read with a plain
   * date parser), so November finds no row. Before, every KPI printed 0 (0 rooms checked, 0 %
   * changed …) with exit 0. Now exit 3 naming the source and its last day, nothing written;
   * --allow-empty-period lets the empty period through. A period before the data (2026-08) is named
   * the other way round; kpi leads does the same.
   */
  @Test
  void aPeriodTheExportDoesNotReachIsADataError() throws Exception {
    Path out = dir.resolve("scorecard.csv");
    Files.writeString(out, "last month");
    CliRunner.Result r =
        report(HOTEL, "--period", "2026-11", "--kpi", "rooms_checked", "-q", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains(
            "kpi: data error: source 'checks': its dates (checked_at) end 2026-10-31, before the period"
                + " 2026-11 begins: is the export up to date?; no output written");
    assertThat(Files.readString(out)).isEqualTo("last month");
    CliRunner.Result before =
        report(HOTEL, "--period", "2026-08", "--kpi", "rooms_checked", "-q", "-f", "csv");
    assertThat(before.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(before.err())
        .contains(
            "source 'checks': its dates (checked_at) begin 2026-09-01, after the period 2026-08 ends");
    assertThat(before.out()).isEmpty();
    // September is reached (its first day is the data's first): no error.
    assertThat(
            report(HOTEL, "--period", "2026-09", "--kpi", "rooms_checked", "-q", "-f", "csv")
                .exitCode())
        .isZero();
    CliRunner.Result allowed =
        report(
            HOTEL,
            "--period",
            "2026-11",
            "--kpi",
            "rooms_checked",
            "-q",
            "-f",
            "csv",
            "--allow-empty-period");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("rooms_checked,");
    // Several sources, one of which reaches November: the others (room service, checkouts:
    // 2026-10-31 their last day, read from the .xlsx's serials and the CSV by hand) are warnings,
    // their KPIs empty or 0 with the period's note; the run goes on (exit 0) and writes the
    // scorecard.
    Path checks = dir.resolve("checks-nov.csv");
    Files.writeString(
        checks,
        Files.readString(Path.of("examples/hotel/room-checks.csv"))
            + "KT99999,05/11/2026 10:00,509,5,Trần Văn Hùng,Có,x,3,\n");
    CliRunner.Result some =
        report(HOTEL, "--period", "2026-11", "-q", "-f", "csv", "--data", "checks=" + checks);
    assertThat(some.exitCode()).as(some.err()).isZero();
    assertThat(some.err())
        .contains(
            "kpi: warning: source 'room_service': its dates (called_at) end 2026-10-31, before the"
                + " period 2026-11 begins: is the export up to date?; its KPIs have no rows in the period")
        .contains("kpi: warning: source 'checkouts': its dates (checkout_date) end 2026-10-31")
        .doesNotContain("source 'checks'");
    assertThat(some.out()).contains("rooms_checked,");
    // The retention orders run from 2024 to 2026-10: churn in 2026-12 would list every customer as
    // churned.
    CliRunner.Result l =
        run(
            "leads",
            "-c",
            "kpi-definitions/retention.yaml",
            "--kpi",
            "churn",
            "--period",
            "2026-12");
    assertThat(l.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(l.err())
        .contains(
            "kpi: data error: source 'orders': its dates (created_at) end 2026-10-31, before the period"
                + " 2026-12 begins");
    assertThat(l.out()).isEmpty();
  }

  /**
   * The hotel checks export has 641 rows and 2 rejected: 2/641 = 0.312 %. Above 0.3 % (exit 3,
   * after writing the scorecard, naming the source and its share: one decimal would print 0.3 %, so
   * two), within 0.4 % (exit 0).
   */
  @Test
  void maxRejectedFailsASourceAboveTheShareAfterWriting() {
    CliRunner.Result over =
        report(HOTEL, "--period", "2026-10", "-f", "csv", "--max-rejected", "0.3%");
    assertThat(over.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(over.out()).startsWith("kpi,label");
    assertThat(over.err())
        .contains(
            "kpi: data error: source 'checks': 0.31% of its rows rejected (2 of 641), more than --max-rejected 0.3%");
    assertThat(report(HOTEL, "--period", "2026-10", "--max-rejected", "0.4%").exitCode()).isZero();
    CliRunner.Result bare = report(HOTEL, "--period", "2026-10", "--max-rejected", "5");
    assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bare.err())
        .contains("--max-rejected '5' is not a share between 0% and 100%, such as 5% or 0.5%");
  }

  /**
   * -o report.pdf wrote a text table (before kpi wrote PDFs; now -o report.docx stands for any
   * extension kpi does not write); --format xlsx -o out.xlsx was refused although both say xlsx.
   */
  @Test
  void outputExtensionsAreCheckedAndAgreeingFormatsAccepted() throws Exception {
    Path docx = dir.resolve("report.docx");
    CliRunner.Result r = report(HOTEL, "--period", "2026-10", "-o", docx.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "kpi: cannot write "
                + docx
                + ": kpi does not write .docx files; the extension picks the"
                + " format: .csv, .json, .md, .txt (the table), .html, .xlsx, .pdf\n");
    assertThat(docx).doesNotExist();

    Path xlsx = dir.resolve("out.xlsx");
    CliRunner.Result agree =
        report(HOTEL, "--period", "2026-10", "--format", "xlsx", "-o", xlsx.toString(), "-q");
    assertThat(agree.exitCode()).as(agree.err()).isZero();
    byte[] zip = Files.readAllBytes(xlsx);
    assertThat(new String(zip, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("PK"); // a workbook is a zip
    assertThat(
            report(HOTEL, "--period", "2026-10", "-f", "md", "-o", dir.resolve("a.md").toString())
                .exitCode())
        .isZero();

    Path md = dir.resolve("out.md");
    CliRunner.Result disagree =
        report(HOTEL, "--period", "2026-10", "--format", "csv", "-o", md.toString());
    assertThat(disagree.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(disagree.err())
        .contains(
            "kpi: --format csv and -o "
                + md
                + " disagree: the .md extension writes md; drop --format, or name the file .csv");
    assertThat(md).doesNotExist();

    // kpi leads writes CSV only.
    Path leads = dir.resolve("churn.xlsx");
    CliRunner.Result l =
        run(
            "leads",
            "-c",
            "kpi-definitions/retention.yaml",
            "--kpi",
            "churn",
            "--period",
            "2026-10",
            "-o",
            leads.toString());
    assertThat(l.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(l.err())
        .contains("kpi: cannot write " + leads + ": kpi leads writes CSV; name the file .csv");
  }

  /**
   * A disk that fills up while the scorecard is written: injected as a stream that fails after 100
   * bytes, as a full disk does. One line naming the file and the reason, exit 2 (as any unwritable
   * output), the previous file intact, no temporary file left.
   */
  @Test
  void aWriteErrorIsExit2AndLeavesThePreviousFile() throws Exception {
    Path out = dir.resolve("scorecard.csv");
    Files.writeString(out, "last month");
    AtomicFile.Opener real = AtomicFile.opener;
    AtomicFile.opener =
        tmp ->
            new java.io.FilterOutputStream(real.open(tmp)) {
              long written;

              @Override
              public void write(int b) throws java.io.IOException {
                if (++written > 100) throw new java.io.IOException("No space left on device");
                super.write(b);
              }
            };
    try {
      CliRunner.Result r = report(HOTEL, "--period", "2026-10", "-q", "-o", out.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).isEqualTo("kpi: cannot write " + out + ": No space left on device\n");
    } finally {
      AtomicFile.opener = real;
    }
    assertThat(Files.readString(out)).isEqualTo("last month");
    assertThat(dir.toFile().list()).containsExactly("scorecard.csv");
  }

  /**
   * Standard output that cannot be written (`kpi report > file` on a full disk) is not a success.
   */
  @Test
  void aStandardOutputWriteErrorIsExit2() {
    java.io.Writer full =
        new java.io.Writer() {
          @Override
          public void write(char[] c, int off, int len) throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(
            new String[] {"report", "-c", HOTEL, "--period", "2026-10", "-q"},
            new java.io.PrintWriter(full),
            new java.io.PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .endsWith(
            "kpi: cannot write standard output: the disk is full, or the output was closed\n");
  }

  /** A byte stream that fails every write with the operating system's message {@code reason}. */
  private static java.io.OutputStream failingWith(String reason) {
    return new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException(reason);
      }
    };
  }

  /**
   * A reader that went away (`kpi report | head -1`: EPIPE, whose message is "Broken pipe") is not
   * a full disk: no message, and SIGPIPE's 141 (128 + 13), as a shell reports `yes | head -1`'s
   * writer.
   */
  @Test
  void aClosedPipeOnStandardOutputIsQuietAndExit141() {
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(
            new String[] {"report", "-c", HOTEL, "--period", "2026-10", "-q"},
            new StdoutWriter(failingWith("Broken pipe")),
            new java.io.PrintWriter(err, true));
    assertThat(code).isEqualTo(141);
    assertThat(err.toString()).doesNotContain("cannot write").doesNotContain("Exception");
  }

  /** A real ENOSPC on standard output keeps its message and exit 2. */
  @Test
  void aFullDiskOnStandardOutputIsStillExit2() {
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(
            new String[] {"report", "-c", HOTEL, "--period", "2026-10", "-q"},
            new StdoutWriter(failingWith("No space left on device")),
            new java.io.PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .endsWith(
            "kpi: cannot write standard output: the disk is full, or the output was closed\n");
  }

  /**
   * Control characters from a definition (a label), a file name or an error message reach the
   * terminal escaped: ESC as \e, BEL as \x07, CR as \r. CSV keeps the label exactly.
   */
  @Test
  void controlCharactersAreShownEscapedOnTheTerminalAndInMessages() throws Exception {
    Path def = dir.resolve("esc.yaml");
    Files.writeString(
        def,
        Files.readString(Path.of(HOTEL))
            .replace(
                "file: ../examples/hotel/",
                "file: " + Path.of("examples/hotel").toAbsolutePath() + "/")
            .replace("label: Số phòng được kiểm tra", "label: \"Rooms \\e[31mchecked\\a\\rX\""));
    for (String format : new String[] {"table", "md"}) {
      CliRunner.Result r =
          report(def.toString(), "--period", "2026-10", "--kpi", "rooms_checked", "-f", format);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out())
          .contains("Rooms \\e[31mchecked\\x07\\rX")
          .doesNotContain("\u001b")
          .doesNotContain("\u0007")
          .doesNotContain("\r");
    }
    assertThat(
            report(def.toString(), "--period", "2026-10", "--kpi", "rooms_checked", "-f", "csv")
                .out())
        .contains("Rooms \u001b[31mchecked\u0007\rX");

    // A file name with ESC and CR: in the data-quality summary (as file:row:column) and in an error
    // message.
    Path odd = dir.resolve("checks\u001b[2J\r.csv");
    Files.copy(Path.of("examples/hotel/room-checks.csv"), odd);
    CliRunner.Result q =
        report(HOTEL, "--period", "2026-10", "--kpi", "rooms_checked", "--data", "checks=" + odd);
    assertThat(q.err())
        .contains(dir + "/checks\\e[2J\\r.csv:78:Thời điểm kiểm tra '31/09/2026 10:15'")
        .doesNotContain("\u001b")
        .doesNotContain("\r");
    CliRunner.Result missing =
        report(HOTEL, "--data", "checks=" + dir.resolve("gone\u001b]0;pwned\u0007.csv"));
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(missing.err())
        .contains("gone\\e]0;pwned\\x07.csv does not exist")
        .doesNotContain("\u001b")
        .doesNotContain("\u0007");
  }

  /**
   * Usage errors are exit 2 by their type (UsageException); the message is the same one line as
   * before.
   */
  @Test
  void aBadPeriodOrOutputIsStillExit2WithItsMessage() {
    CliRunner.Result period = report(HOTEL, "--period", "2026-13");
    assertThat(period.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(period.err())
        .isEqualTo(
            "kpi: period '2026-13' is not a month (2026-10), a quarter (2026-Q3), a year (2026) or"
                + " an ISO week (2026-W45); last, last-week, last-quarter and last-year name the"
                + " data's last complete one\n");
    Path xml = dir.resolve("out.xml");
    CliRunner.Result output = report(HOTEL, "--period", "2026-10", "-o", xml.toString());
    assertThat(output.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(output.err())
        .isEqualTo(
            "kpi: cannot write "
                + xml
                + ": kpi does not write .xml files; the extension picks the"
                + " format: .csv, .json, .md, .txt (the table), .html, .xlsx, .pdf\n");
    assertThat(xml).doesNotExist();
  }

  /**
   * The CSV splitter scans bytes: a non-ASCII delimiter is refused as a usage error, not a crash in
   * the importer.
   */
  @Test
  void inspectRefusesADelimiterOrEncodingItCannotUse() {
    CliRunner.Result delim =
        run("inspect", "examples/hotel/checkouts.csv", "--delimiter", "\u00a7");
    assertThat(delim.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(delim.err())
        .isEqualTo("kpi: --delimiter must be one ASCII character (or 'tab'), found '\u00a7'\n");
    CliRunner.Result enc = run("inspect", "examples/hotel/checkouts.csv", "--encoding", "utf-9");
    assertThat(enc.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(enc.err())
        .isEqualTo(
            "kpi: --encoding 'utf-9' is not a known charset (e.g. UTF-8, UTF-16, windows-1258, cp1252)\n");
  }
}
