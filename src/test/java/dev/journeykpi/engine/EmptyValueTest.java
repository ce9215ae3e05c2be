package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.journeykpi.cli.CliHarness;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.Status;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value that cannot be computed is empty with the reason, never a silent 0, in every KPI type; a
 * count of nothing is a real 0. Two tickets in October 2026, both with blank amount and CSAT;
 * {@code where: { channel: chat }} keeps none:
 *
 * <pre>
 * created           resolved          channel customer hired       left
 * 01/10/2026 09:00  01/10/2026 10:00  email   C1       01/01/2020  -
 * 31/10/2026 09:00  (open)            phone   C2       01/01/2020  31/10/2026
 * 02/01/2019 09:00  02/01/2019 10:00  chat    C3       01/01/2018  01/06/2019
 * </pre>
 *
 * The data runs to 31/10, so October is complete and the notes hold only the reasons. The chat
 * ticket of 2019 is in no period measured (and C3 left before 2026, active in none), so the KPIs
 * measure exactly as without it; it is there so that 'chat' is a value of the data and the filter
 * keeps nothing for want of October chats, not because 'chat' is in no row, which a report now
 * notes on the KPI's rows (issue 16, {@code cli.AbsentTextReportTest}).
 */
class EmptyValueTest {
  @TempDir Path dir;
  Path definition;

  /** Each KPI of the definition with what it must give: a number, or null and the reason. */
  record Expected(String id, String yaml, Double value, String note) {}

  static final String CHAT = ", where: { channel: chat }";

  static final List<Expected> TABLE =
      List.of(
          // Counts of nothing are 0, and judged: a month without complaints is a real 0.
          new Expected("count", "type: count, target: { min: 1 }" + CHAT, 0.0, ""),
          new Expected("distinct", "type: count, distinct: customer" + CHAT, 0.0, ""),
          new Expected("backlog", "type: backlog, start: created, end: resolved" + CHAT, 0.0, ""),
          new Expected(
              "active", "type: customers, measure: active, customer: customer" + CHAT, 0.0, ""),
          // No rows at all.
          new Expected(
              "sum", "type: sum, column: amount, target: { min: 10 }" + CHAT, null, "no rows"),
          new Expected(
              "dur_min",
              "type: duration, start: created, end: resolved, stat: min, target: { max: 10 }"
                  + CHAT,
              null,
              "no rows"),
          new Expected(
              "sla",
              "type: sla, start: created, end: resolved, limit: 4 hours, target: { min: 90% }"
                  + CHAT,
              null,
              "no rows"),
          new Expected(
              "fcr",
              "type: no_repeat, customer: customer, within: 7 days, target: { min: 90% }" + CHAT,
              null,
              "no rows"),
          // Rows, but no values: both amounts blank.
          new Expected(
              "sum_blank",
              "type: sum, column: amount, target: { min: 10 }",
              null,
              "no values in amount; 2 rows without amount skipped"),
          new Expected(
              "mean",
              "type: mean, column: amount, target: { min: 10 }",
              null,
              "no values in amount; 2 rows without amount skipped"),
          new Expected(
              "median",
              "type: median, column: amount, target: { min: 10 }",
              null,
              "no values in amount; 2 rows without amount skipped"),
          new Expected(
              "p90",
              "type: percentile, p: 90, column: amount, target: { max: 10 }",
              null,
              "no values in amount; 2 rows without amount skipped"),
          // The phone ticket has no resolved time: open, not a duration of 0.
          new Expected(
              "dur_max",
              "type: duration, start: created, end: resolved, stat: max, target: { max: 10 }, where: { channel: phone }",
              null,
              "no completed durations; 1 open (no resolved)"),
          new Expected(
              "score",
              "type: score, column: csat, scale: 1-5, target: { min: 80% }",
              null,
              "no valid answers; 2 blank answers left out"),
          new Expected(
              "nps",
              "type: score, column: csat, scale: 0-10, stat: nps, target: { min: 10 }",
              null,
              "no valid answers; 2 blank answers left out"),
          // Zero denominators.
          new Expected(
              "ratio",
              "type: ratio, numerator: { channel: email }, denominator: { channel: chat }, target: { min: 50% }",
              null,
              "denominator is 0"),
          new Expected(
              "turnover",
              "type: turnover, start: hired, end: left, target: { max: 5% }" + CHAT,
              null,
              "no headcount; headcount 0 at start, 0 at end"),
          new Expected(
              "churn",
              "type: customers, measure: churn_rate, customer: customer, target: { max: 5% }"
                  + CHAT,
              null,
              "no customers active at the start: not computable"));

  @BeforeEach
  void write() throws IOException {
    Files.writeString(
        dir.resolve("t.csv"),
        """
        Created,Resolved,Channel,Amount,CSAT,Customer,Hired,Left
        01/10/2026 09:00,01/10/2026 10:00,email,,,C1,01/01/2020,
        31/10/2026 09:00,,phone,,,C2,01/01/2020,31/10/2026
        """);
    // The same two tickets and the chat of 2019 (see the class comment), for the table's KPIs.
    Files.writeString(
        dir.resolve("t-and-chat.csv"),
        Files.readString(dir.resolve("t.csv"))
            + "02/01/2019 09:00,02/01/2019 10:00,chat,,,C3,01/01/2018,01/06/2019\n");
    StringBuilder kpis = new StringBuilder();
    for (Expected e : TABLE) {
      // Backlog and turnover are judged at the period's edges: no time column.
      String time = e.yaml.matches("type: (backlog|turnover).*") ? "" : ", time: created";
      kpis.append("  - { id: ")
          .append(e.id)
          .append(", source: t")
          .append(time)
          .append(", ")
          .append(e.yaml)
          .append(" }\n");
    }
    definition = dir.resolve("k.yaml");
    Files.writeString(
        definition,
        """
        version: 1
        sources:
          t:
            file: t-and-chat.csv
            columns:
              created: { column: Created, type: datetime, format: dd/MM/yyyy HH:mm }
              resolved: { column: Resolved, type: datetime, format: dd/MM/yyyy HH:mm }
              channel: Channel
              amount: { column: Amount, type: number }
              csat: { column: CSAT, type: number }
              customer: Customer
              hired: { column: Hired, type: date, format: dd/MM/yyyy }
              left: { column: Left, type: date, format: dd/MM/yyyy }
        kpis:
        """
            + kpis);
  }

  @Test
  void everyTypeGivesNoValueAndItsReasonWhereItHasNothingToMeasure() {
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(definition)),
            new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
    Map<String, ResultRow> byId =
        card.rows().stream().collect(Collectors.toMap(ResultRow::kpi, Function.identity()));
    for (Expected e : TABLE) {
      ResultRow r = byId.get(e.id);
      assertThat(r.value()).as(e.id).isEqualTo(e.value);
      assertThat(r.note()).as(e.id).isEqualTo(e.note);
      // Targets judge values, never their absence.
      if (e.value == null) assertThat(r.status()).as(e.id).isNull();
    }
    assertThat(byId.get("count").status()).isEqualTo(Status.RED); // 0 is below the target of 1
  }

  @Test
  void csvLeavesTheValueEmptyAndJsonWritesNull() throws IOException {
    var csv =
        CliHarness.run("report", "-c", definition.toString(), "-p", "2026-10", "-q", "-f", "csv");
    assertThat(csv.exitCode()).isZero();
    Map<String, CSVRecord> records = new LinkedHashMap<>();
    for (CSVRecord r :
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv.out()))) {
      records.put(r.get("kpi"), r);
    }
    JsonNode json =
        new ObjectMapper()
            .readTree(
                CliHarness.run(
                        "report", "-c", definition.toString(), "-p", "2026-10", "-q", "-f", "json")
                    .out());
    Map<String, JsonNode> objects = new LinkedHashMap<>();
    json.forEach(o -> objects.put(o.get("kpi").asText(), o));
    for (Expected e : TABLE) {
      String plain = e.value == null ? "" : "0";
      assertThat(records.get(e.id).get("value")).as(e.id).isEqualTo(plain);
      assertThat(records.get(e.id).get("note")).as(e.id).isEqualTo(e.note);
      if (e.value == null) {
        assertThat(records.get(e.id).get("status")).as(e.id).isEmpty();
        assertThat(objects.get(e.id).get("value").isNull()).as(e.id).isTrue();
      } else {
        assertThat(objects.get(e.id).get("value").asDouble()).as(e.id).isZero();
      }
    }
  }

  @Test
  void theTerminalShowsADashAndTheReason() {
    var table =
        CliHarness.run(
            "report", "-c", definition.toString(), "-p", "2026-10", "-q", "--kpi", "sum");
    assertThat(table.exitCode()).isZero();
    // KPI, value, n, target, (no status), note
    assertThat(table.out()).containsPattern("\\n  sum +– +0 +≥ 10 +no rows\\n");
  }

  @Test
  void failOnDoesNotJudgeAnEmptyValue() {
    // Every KPI but the count has a target its empty value would miss if it were read as 0 (sum >=
    // 10, ratio >= 50%…).
    List<String> empty = TABLE.stream().filter(e -> e.value == null).map(Expected::id).toList();
    var run =
        CliHarness.run(
            "report",
            "-c",
            definition.toString(),
            "-p",
            "2026-10",
            "-q",
            "-f",
            "csv",
            "--fail-on",
            "amber",
            "--kpi",
            String.join(",", empty));
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("breach");
    // The count's 0 is a value, and below its target.
    var count =
        CliHarness.run(
            "report",
            "-c",
            definition.toString(),
            "-p",
            "2026-10",
            "-q",
            "-f",
            "csv",
            "--fail-on",
            "red",
            "--kpi",
            "count");
    assertThat(count.exitCode()).isEqualTo(1);
  }

  /**
   * Item: a count of rows when no KPI reads any column of the source was 0 (a table with no columns
   * has no rows).
   */
  @Test
  void aCountThatReadsNoColumnCountsTheRows() throws IOException {
    Path f = dir.resolve("count.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              created: { column: Created, type: datetime, format: dd/MM/yyyy HH:mm }
              channel: Channel
        kpis:
          - { id: tickets, type: count, source: t, time: none }
        """);
    // Two data rows in t.csv.
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(f)), new RunRequest(List.of(Period.ALL), Map.of(), List.of()));
    assertThat(card.rows()).extracting(ResultRow::value).containsExactly(2.0);
    var csv = CliHarness.run("report", "-c", f.toString(), "-q", "-f", "csv");
    assertThat(csv.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("tickets,tickets,all,2,rows,,,2,");
  }
}
