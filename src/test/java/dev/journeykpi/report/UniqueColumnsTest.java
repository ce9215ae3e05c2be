package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.journeykpi.cli.CliHarness;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No tidy output repeats a column name (issue 16): a definition breaks its KPIs down by a column
 * named like each of the outputs' own columns, and every renderer's header must still be unique.
 * The expected headers: a breakdown column named like one of the file's own columns is headed
 * {@code by_NAME} in that file only; {@code by_status} is a breakdown column of its own, so the
 * renamed {@code status} becomes {@code by_by_status}; {@code region} collides with nothing and
 * keeps its name.
 */
class UniqueColumnsTest {
  /** Every column of the tidy scorecard and of the customer list, plus two that must not move. */
  static final List<String> NAMES =
      List.of(
          "kpi",
          "label",
          "period",
          "value",
          "unit",
          "numerator",
          "denominator",
          "n",
          "target",
          "status",
          "previous",
          "delta",
          "delta_relative",
          "complete",
          "note",
          "customer",
          "last_activity",
          "idle_days",
          "by_status",
          "region");

  @TempDir static Path dir;
  static Path definition;

  @BeforeAll
  static void files() throws Exception {
    // Two orders of one customer in October 2026, every breakdown column "x" (one group).
    StringBuilder csv = new StringBuilder("created,cid");
    for (String n : NAMES) csv.append(',').append(n);
    csv.append('\n');
    for (String day : List.of("01/10/2026", "20/10/2026")) {
      csv.append(day).append(",C1");
      for (int i = 0; i < NAMES.size(); i++) csv.append(",x");
      csv.append('\n');
    }
    Files.writeString(dir.resolve("orders.csv"), csv);
    StringBuilder cols =
        new StringBuilder("created: { column: created, type: date, format: dd/MM/yyyy }, cid: cid");
    for (String n : NAMES) cols.append(", ").append(n).append(": ").append(n);
    String by = String.join(", ", NAMES);
    definition = dir.resolve("all-names.yaml");
    Files.writeString(
        definition,
        "version: 1\nsources:\n  orders:\n    file: orders.csv\n    columns: { "
            + cols
            + " }\nkpis:\n"
            + "  - { id: orders, type: count, source: orders, time: created, by: ["
            + by
            + "], target: { min: 1 } }\n"
            + "  - { id: active, type: customers, measure: active, customer: cid, source: orders,"
            + " time: created, by: ["
            + by
            + "] }\n");
  }

  static List<String> expectedBreakdownHeaders() {
    List<String> out = new ArrayList<>();
    for (String n : NAMES) {
      out.add(
          switch (n) {
            case "status" -> "by_by_status"; // by_status is taken by the column of that name
            // The customer list's own columns are free in the scorecard.
            case "by_status", "region", "customer", "last_activity", "idle_days" -> n;
            default -> "by_" + n;
          });
    }
    return out;
  }

  static void assertUnique(List<String> header) {
    Set<String> seen = new HashSet<>();
    for (String h : header) assertThat(seen.add(h)).as("'%s' repeated in %s", h, header).isTrue();
  }

  @Test
  void csvHeaderIsUniqueAndRenamesOnlyTheColliding() {
    CliHarness.Output r =
        CliHarness.run("report", "-c", definition.toString(), "--period", "2026-10", "-f", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    List<String> header = List.of(r.out().lines().findFirst().orElseThrow().split(","));
    assertUnique(header);
    List<String> expected = new ArrayList<>(List.of("kpi", "label", "period"));
    expected.addAll(expectedBreakdownHeaders());
    expected.addAll(TidyColumns.TAIL);
    assertThat(header).isEqualTo(expected);
    // The first data row: the count of two orders in the group, the breakdown's cells "x".
    String first = r.out().lines().skip(1).findFirst().orElseThrow();
    assertThat(first)
        .startsWith(
            "orders,orders,2026-10," + "x,".repeat(NAMES.size()) + "2,rows,,,2,>= 1,green,");
  }

  @Test
  void jsonKeysAreTheCsvHeaders() throws Exception {
    CliHarness.Output csv =
        CliHarness.run("report", "-c", definition.toString(), "--period", "2026-10", "-f", "csv");
    CliHarness.Output r =
        CliHarness.run("report", "-c", definition.toString(), "--period", "2026-10", "-f", "json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode first = new ObjectMapper().readTree(r.out()).get(0);
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isEqualTo(List.of(csv.out().lines().findFirst().orElseThrow().split(",")));
    assertThat(first.get("status").asText()).isEqualTo("green"); // 2 orders ≥ 1: the target's
    assertThat(first.get("by_by_status").asText()).isEqualTo("x"); // the breakdown's
  }

  @Test
  void xlsxDataSheetHeaderIsUnique() throws Exception {
    Path out = dir.resolve("all-names.xlsx");
    CliHarness.Output r =
        CliHarness.run(
            "report",
            "-c",
            definition.toString(),
            "--period",
            "2026-10",
            "-f",
            "xlsx",
            "-o",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    try (InputStream in = Files.newInputStream(out);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Row h = wb.getSheet("Data").getRow(0);
      List<String> header = new ArrayList<>();
      for (int c = 0; c < h.getLastCellNum(); c++) header.add(h.getCell(c).getStringCellValue());
      assertUnique(header);
      assertThat(header).contains("by_value", "by_by_status", "by_status", "region", "value");
      // The breakdown column named 'value' holds text, the value column the count.
      Row first = wb.getSheet("Data").getRow(1);
      assertThat(first.getCell(header.indexOf("by_value")).getStringCellValue()).isEqualTo("x");
      assertThat(first.getCell(header.indexOf("value")).getNumericCellValue()).isEqualTo(2.0);
    }
  }

  @Test
  void customerListHeaderIsUnique() {
    CliHarness.Output r =
        CliHarness.run(
            "leads", "-c", definition.toString(), "--kpi", "active", "--period", "2026-10");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    List<String> header = List.of(r.out().lines().findFirst().orElseThrow().split(","));
    assertUnique(header);
    // The list's own columns are customer, status, last_activity, idle_days: only those four names
    // (and by_status, pushed on by status) move; the scorecard's names are free here.
    List<String> expected = new ArrayList<>(List.of("customer"));
    for (String n : NAMES) {
      expected.add(
          switch (n) {
            case "customer", "last_activity", "idle_days" -> "by_" + n;
            case "status" -> "by_by_status";
            default -> n;
          });
    }
    expected.addAll(List.of("status", "last_activity", "idle_days"));
    assertThat(header).isEqualTo(expected);
  }
}
