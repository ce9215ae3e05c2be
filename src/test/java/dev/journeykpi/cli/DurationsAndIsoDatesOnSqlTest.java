package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.engine.SqlKpiEngine;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duration columns and date columns without {@code format:} (ISO) on the SQL engine (issue 17): a
 * generated export of texts worked by hand gives each row the same seconds or date-time on both
 * engines, and the same quality counts with the same examples.
 */
class DurationsAndIsoDatesOnSqlTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  /**
   * Duration texts and their seconds by DurationParser's rule (ingest), worked by hand; null where
   * the text is not a duration (blanked, counted), "" a blank cell (neither).
   */
  private static final Object[][] DURATIONS = {
    {"1:02:03", 3723.0}, // 1 × 3600 + 2 × 60 + 3
    {"5:30", 330.0}, // M:SS: 5 × 60 + 30
    {"00:05:30", 330.0},
    {"90", 90.0}, // a plain number in the column's unit (seconds)
    {"1.5", 1.5},
    {"-0:05", 5.0}, // Long.parseLong("-0") is 0, not negative: 0 × 60 + 5
    {"5:-0", 300.0}, // Double.parseDouble("-0") is -0.0, not below 0: 300 + -0.0
    {"-5", null}, // a negative number
    {"-1:00", null}, // a negative part
    {"", ""},
    {"abc", null},
    {"5:60", null}, // the seconds 60 or more
    {"1:60:00", null}, // the minutes of H:MM:SS 60 or more
    {"1:2:3:4", null}, // four parts
    {":30", null}, // an empty part
    {"5:", null},
    {"5:30.5", 330.5}, // the last part a decimal
    {"5:30,5", 330.5}, // ... with a comma as its mark
    {"5: 30", 330.0}, // Double.parseDouble trims the space
    {"+1:00", 60.0}, // a plus sign
    {"0:.5", 0.5},
    {"5:30d", 330.0}, // Java's double suffix
    {"59:59", 3599.0},
    {"100:00", 6000.0}, // M:SS: the minutes have no bound
    {"1:05:00,25", 3900.25},
    {"99999999999999999999:00", null}, // beyond a long
  };

  /** The export of {@link #DURATIONS} and its definition: a sum, and each row's seconds. */
  static Definition durations(Path tmp) throws Exception {
    return KpiEngine.load(List.of(durationsConfig(tmp)));
  }

  /** {@link #durations}' definition file, written in {@code tmp} with its export. */
  static Path durationsConfig(Path tmp) throws Exception {
    StringBuilder csv = new StringBuilder("id,talk\n");
    for (int i = 0; i < DURATIONS.length; i++)
      csv.append("r").append(i).append(",\"").append(DURATIONS[i][0]).append("\"\n");
    Files.writeString(tmp.resolve("d.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("d.yaml"),
        """
        version: 1
        name: durations
        timezone: Asia/Ho_Chi_Minh
        sources:
          t:
            file: d.csv
            columns:
              id: { column: id, required: true }
              talk: { column: talk, type: duration }
            derive:
              again: "coalesce(talk, talk)"
              longer: "talk > again"
        kpis:
          - { id: total, type: sum, source: t, time: none, column: talk, unit: seconds }
          - { id: each, type: mean, source: t, time: none, column: talk, unit: seconds, by: [id] }
          - { id: long_calls, type: count, source: t, time: none, where: { talk: { gt: 300 } } }
          - { id: derived, type: sum, source: t, time: none, column: again, unit: seconds,
              where: { longer: false } }
        """,
        StandardCharsets.UTF_8);
    return tmp.resolve("d.yaml");
  }

  @Test
  void durationTextsGiveTheSameSecondsAndQualityOnBothEngines(@TempDir Path tmp) throws Exception {
    Definition def = durations(tmp);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "postgres")).isEmpty();
    Scorecard[] both = runBoth(def, Period.ALL);
    for (Scorecard s : both) {
      Map<String, ResultRow> by = byKey(s);
      // 3723 + 330 + 330 + 90 + 1.5 + 5 + 300 + 330.5 + 330.5 + 330 + 60 + 0.5 + 330 + 3599
      // + 6000 + 3900.25 = 19660.25, from the 16 texts that are durations.
      assertThat(by.get("total []").value()).isEqualTo(19660.25);
      assertThat(by.get("total []").n()).isEqualTo(16);
      // A filter in seconds: above 300 are 3723, 330 (three times), 330.5 (twice), 330 (5:30d),
      // 3599, 6000, 3900.25 — ten; 300 itself (5:-0) is not above.
      assertThat(by.get("long_calls []").value()).isEqualTo(10.0);
      // Expressions over durations: coalesce gives the seconds again, and no duration is above
      // itself, so the same 19660.25 from the same 16 rows (the blanks compare as blank).
      assertThat(by.get("derived []").value()).isEqualTo(19660.25);
      assertThat(by.get("derived []").n()).isEqualTo(16);
      for (int i = 0; i < DURATIONS.length; i++) {
        ResultRow r = by.get("each [r" + i + "]");
        Object want = DURATIONS[i][1];
        if (want instanceof Double v) {
          assertThat(r).as("%s", DURATIONS[i][0]).isNotNull();
          assertThat(r.value()).as("%s", DURATIONS[i][0]).isEqualTo(v);
        } else {
          assertThat(r == null || r.value() == null).as("%s", DURATIONS[i][0]).isTrue();
        }
      }
      // 9 texts are not durations (the blank is no problem): blanked, with the first three.
      QualityReport q = s.quality().get(0);
      assertThat(q.rowsRead()).isEqualTo(DURATIONS.length);
      assertThat(q.rowsUsed()).isEqualTo(DURATIONS.length);
      assertThat(counts(q.blanked()))
          .containsExactly(Map.entry("talk: not a duration (seconds, or H:MM:SS / M:SS)", 9L));
      assertThat(examples(q.blanked())).containsExactly("-5", "-1:00", "abc");
    }
    SqlEngineDifferentialTest.assertSame(both[0], both[1]);
  }

  /**
   * ISO texts in a column without format, in Europe/Paris (UTC+1 in winter, +2 from 2026-03-29
   * 01:00 UTC): each row's seconds after the base, 2026-02-01 00:00 local, worked by hand; null
   * where the text is not ISO (blanked).
   */
  private static final Object[][] ISO = {
    {"2026-03-01", 2_419_200.0}, // 28 days × 86,400
    {"2026-03-01T10:15", 2_456_100.0}, // + 10 × 3600 + 15 × 60 = 36,900
    {"2026-03-01 10:15:30", 2_456_130.0}, // a space for the T
    {"2026-03-01t10:15:30.1234", 2_456_130.123}, // a lower-case t; the milliseconds kept
    {"2026-03-01T10:15:30.", 2_456_130.0}, // a point without digits
    {"2026-03-01T10:15Z", 2_459_700.0}, // 10:15 UTC is 11:15 in Paris: + 40,500
    {"2026-03-01T23:30:00+01:00", 2_503_800.0}, // 22:30 UTC, 23:30 in Paris: + 84,600
    {"2026-03-01T10:15:00-05:30", 2_479_500.0}, // 15:45 UTC, 16:45 in Paris: + 60,300
    {"2026-03-01T10:15+0100", null}, // java.time's offset has a colon
    {"2026-02-29", null}, // no such day in 2026
    {"2026-03-01 10:15Z", null}, // a space where an offset follows
    {"2026-3-1", null},
    {"", ""},
    {"x", null},
    {"2026-03-01T24:00", null},
    {"2026-03-01T10:15:30.1234567891", null}, // ten digits of fraction
    {"2026-03-31T23:59:59.999+19:00", null}, // an offset beyond 18 hours
    {"2026-03-01T10:15:00+18:00", 2_394_900.0}, // 02-28 16:15 UTC, 17:15 in Paris: 27 d + 62,100
    {"2026-03-01T10:15:00-00:00", 2_459_700.0},
    {"2026-03-01T10", null},
    {"2028-02-29", 65_491_200.0}, // 365 + 365 + 28 = 758 days (2028 a leap year)
    {"2026-03-29T01:30:00Z", 4_847_400.0}, // 03:30 summer time: 56 days + 12,600 − the hour lost
    {"2026-03-01T10:15 Z", null},
  };

  /** The export of {@link #ISO} and its definition: each row's time after the base, and day. */
  static Definition isoDates(Path tmp) throws Exception {
    return KpiEngine.load(List.of(isoDatesConfig(tmp)));
  }

  /** {@link #isoDates}' definition file, written in {@code tmp} with its export. */
  static Path isoDatesConfig(Path tmp) throws Exception {
    StringBuilder csv = new StringBuilder("id;base;at\n");
    for (int i = 0; i < ISO.length; i++)
      csv.append("r").append(i).append(";01/02/2026 00:00;").append(ISO[i][0]).append("\n");
    Files.writeString(tmp.resolve("i.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("i.yaml"),
        """
        version: 1
        name: iso dates
        timezone: Europe/Paris
        sources:
          t:
            file: i.csv
            columns:
              id: { column: id, required: true }
              base: { column: base, type: datetime, format: dd/MM/yyyy HH:mm }
              at: { column: at, type: datetime }
              day: { column: at, type: date }
        kpis:
          - { id: took, type: duration, source: t, time: none, start: base, end: at, stat: max,
              unit: seconds, by: [id] }
          - { id: days, type: count, source: t, time: day, by: [id] }
        """,
        StandardCharsets.UTF_8);
    return tmp.resolve("i.yaml");
  }

  @Test
  void isoTextsGiveTheSameTimesAndQualityOnBothEngines(@TempDir Path tmp) throws Exception {
    Definition def = isoDates(tmp);
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "postgres")).isEmpty();
    Scorecard[] both = runBoth(def, Period.parse("2026-03"));
    for (Scorecard s : both) {
      Map<String, ResultRow> by = byKey(s);
      for (int i = 0; i < ISO.length; i++) {
        ResultRow r = by.get("took [r" + i + "]");
        if (ISO[i][1] instanceof Double v) {
          assertThat(r).as("%s", ISO[i][0]).isNotNull();
          assertThat(r.value())
              .as("%s", ISO[i][0])
              .isCloseTo(v, org.assertj.core.data.Offset.offset(1e-6));
        } else {
          assertThat(r == null || r.value() == null).as("%s", ISO[i][0]).isTrue();
        }
      }
      // A date column reads the same texts: the day of each time (offsets taken to Paris first).
      // March 2026 holds rows 0-7, 17 (02-28 in Paris: no), 18 and 21: 0-7, 18, 21 = 10.
      assertThat(by.get("days [(total)]").value()).isEqualTo(10.0);
      // 10 texts are not ISO, in each column (the blank is no problem).
      QualityReport q = s.quality().get(0);
      assertThat(counts(q.blanked()))
          .containsExactly(
              Map.entry("at: not a date-time in format ISO yyyy-MM-dd[THH:mm:ss]", 10L),
              Map.entry("day: not a date in format ISO yyyy-MM-dd[THH:mm:ss]", 10L));
    }
    SqlEngineDifferentialTest.assertSame(both[0], both[1]);
    assertThat(examples(both[1].quality().get(0).blanked()))
        .isEqualTo(examples(both[0].quality().get(0).blanked()));
  }

  /**
   * The shipped pwc-call-centre.yaml, whose talk time is a duration column of a workbook (h:mm:ss
   * cells read by kpi's importer for both engines): every KPI gives the same rows, talk_time too.
   */
  @Test
  void pwcCallCentreGivesTheSameRowsOnBothEngines() {
    // Where the definition reads it (../../shared from kpi-definitions/), from the project's root.
    Path data = Path.of("../shared/datasets/pwc-call-centre/01 Call-Center-Dataset.xlsx");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(data), "../shared/datasets is not here");
    Definition def = KpiEngine.load(List.of(Path.of("kpi-definitions/pwc-call-centre.yaml")));
    assertThat(SqlKpiEngine.refusals(def, def.kpis(), "duckdb")).isEmpty();
    RunRequest request =
        new RunRequest(
            Period.parse("2021-03").lastN(3),
            Map.of(),
            List.of(),
            RunRequest.Compare.PREVIOUS,
            TODAY);
    Scorecard tablesaw = KpiEngine.run(def, request);
    assertThat(tablesaw.rows()).anyMatch(r -> r.kpi().equals("talk_time") && r.value() != null);
    SqlEngineDifferentialTest.assertSame(tablesaw, SqlKpiEngine.run(def, request));
  }

  /**
   * src/test/resources/sql-gaps/calls.yaml: two duration columns (hold's plain numbers in minutes)
   * and an ISO time without format. Worked by hand: c1 5:30 + 0:45 = 330 + 45 = 375 s; c2 1:02:03
   * and no hold = 3723 s; c3 90 s + 30 minutes = 1890 s (08:00 at +07:00, Asia/Ho_Chi_Minh's own
   * offset); c4 abc (blanked) + 1:00 = 60 s. The mean: (375 + 3723 + 1890 + 60) / 4 = 1512 s, 25.2
   * minutes, on both engines; and the SQL each dialect prints for it, golden.
   */
  @Test
  void kpiSqlTypesDurationsAndIsoDatesOnEveryDialect() throws Exception {
    Path config = Path.of("src/test/resources/sql-gaps/calls.yaml");
    Definition def = KpiEngine.load(List.of(config));
    Scorecard[] both = runBoth(def, Period.parse("2026-10"));
    for (Scorecard s : both) {
      ResultRow handle = byKey(s).get("handle []");
      assertThat(handle.value()).isCloseTo(25.2, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(handle.n()).isEqualTo(4);
    }
    SqlEngineDifferentialTest.assertSame(both[0], both[1]);
    String[][] goldens = {
      {"duckdb", "sql/duckdb/calls-durations-iso-2026-10.sql"},
      {"postgres", "sql/postgres/calls-durations-iso-2026-10.sql"},
      {"spark", "sql/spark/calls-durations-iso-2026-10.sql"},
      {"trino", "sql/trino/calls-durations-iso-2026-10.sql"},
      {"bigquery", "sql/bigquery/calls-durations-iso-2026-10.sql"},
      {"snowflake", "sql/snowflake/calls-durations-iso-2026-10.sql"},
    };
    for (String[] g : goldens) {
      CliRunner.Result r =
          CliRunner.run("sql", "-c", config.toString(), "--period", "2026-10", "--dialect", g[0]);
      assertThat(r.exitCode()).as(r.err()).isZero();
      Golden.check(g[1], r.out());
    }
  }

  /** The default engine's scorecard, then the SQL engine's. */
  private static Scorecard[] runBoth(Definition def, Period period) {
    RunRequest request =
        new RunRequest(List.of(period), Map.of(), List.of(), RunRequest.Compare.NONE, TODAY);
    return new Scorecard[] {KpiEngine.run(def, request), SqlKpiEngine.run(def, request)};
  }

  private static Map<String, ResultRow> byKey(Scorecard s) {
    Map<String, ResultRow> out = new LinkedHashMap<>();
    for (ResultRow r : s.rows()) out.put(r.kpi() + " " + r.dims().values(), r);
    return out;
  }

  private static Map<String, Long> counts(Map<String, QualityReport.Tally> tallies) {
    Map<String, Long> out = new LinkedHashMap<>();
    tallies.forEach((reason, t) -> out.put(reason, t.count()));
    return out;
  }

  private static List<String> examples(Map<String, QualityReport.Tally> tallies) {
    List<String> out = new ArrayList<>();
    tallies.values().forEach(t -> t.examples().forEach(p -> out.add(p.value())));
    return out;
  }
}
