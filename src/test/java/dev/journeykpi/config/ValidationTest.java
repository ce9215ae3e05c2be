package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {
  @TempDir Path dir;

  static List<String> problems(Path... files) {
    DefinitionLoader loader = KpiKinds.loader();
    loader.read(List.of(files));
    return loader.diagnostics().sorted().stream().map(Diagnostic::toString).toList();
  }

  /** Writes a definition file a.yaml in the test's folder. */
  private Path aYaml(String text) throws IOException {
    Path f = dir.resolve("a.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void reportsEveryMistakeOnceWithItsPosition() {
    Path f = Path.of("examples/mistakes/hotel-with-mistakes.yaml");
    List<String> p = problems(f);
    String at = f + ":";
    // Positions are line:column of the offending value or key in that file.
    assertThat(p)
        .contains(
            at
                + "8:21: error: work interval '13:30-1730' is not HH:mm-HH:mm (e.g. 08:00-12:00, or 22:00-06:00 across midnight)",
            at
                + "9:14: error: holiday '2026-02-30' is not a date yyyy-MM-dd or a range yyyy-MM-dd..yyyy-MM-dd",
            at
                + "15:73: error: source 'checks' column 'checked_at': date format 'dd/mm/yyyy HH:mm' has no month (MM); minutes are 'mm', months 'MM'",
            at
                + "18:45: error: source 'checks' column 'score' has unknown type 'numbr' (did you mean 'number'?); allowed: string, number, boolean, date, datetime, duration",
            at + "21:18: error: stage 'stay' is listed twice",
            at
                + "23:34: error: touchpoint 'housekeeping' names unknown stage 'stya' (did you mean 'stay'?); stages: stay",
            at
                + "28:13: error: kpi 'sheets_changed_rate' reads unknown source 'check' (did you mean 'checks'?); sources: checks",
            at
                + "33:11: error: kpi 'inspection_score' has unknown type 'avg' (did you mean 'mean'?); allowed: "
                + String.join(", ", KpiKinds.names()),
            at
                + "43:10: error: kpi 'floor_score'.by refers to unknown column 'flor' (did you mean 'floor'?); columns: checked_at, floor, sheets_changed, score",
            at
                + "44:23: error: operator 'gte' does not apply to string column 'floor' (declare its type: number, date, datetime or duration)",
            at
                + "46:5: error: kpi 'answer_time' needs 'time': the date column that places a row in a period (or time: none)",
            at
                + "51:12: error: kpi 'answer_time'.clock is 'calendar' or 'business', found 'buisness' (did you mean 'business'?)");
    // 14: the 'numbr' typo is one error; the column is then checked as the number it was meant to
    // be, so the score KPI reading it (line 42) is not refused a second time.
    assertThat(p).hasSize(14).noneMatch(l -> l.startsWith(at + "42:"));
  }

  @Test
  void unknownKeysAreCaughtWithSuggestions() throws IOException {
    Path f =
        aYaml(
            """
        version: 1
        sorces: {}
        kpis:
          - id: x
            type: count
            source: s
            time: none
            distinc: id
        """);
    assertThat(problems(f))
        .contains(
            f
                + ":2:1: error: unknown key 'sorces' in the definition file (did you mean 'sources'?); allowed: calendar, include, journey, kpis, locale, name, sources, timezone, version",
            f
                + ":8:5: error: unknown key 'distinc' in kpi (did you mean 'distinct'?); allowed: "
                + String.join(
                    ", ",
                    new java.util.TreeSet<>(
                        java.util.stream.Stream.concat(
                                KpiBinder.COMMON.stream(),
                                KpiKinds.all().stream().flatMap(k -> k.keys().stream()))
                            .toList())));
  }

  /**
   * On the business clock a "day" would be 24 working hours — three 8-hour working days — so a
   * duration's or funnel's unit in days and an SLA limit in days (plain, per value, or default) are
   * refused where written; working hours and calendar days stay accepted.
   */
  @Test
  void daysOnTheBusinessClockAreRefused() throws IOException {
    Path f =
        aYaml(
            """
        sources: { t: { file: x.csv, columns: { a: { column: A, type: datetime }, b: { column: B, type: datetime }, p: P } } }
        kpis:
          - { id: d, type: duration, source: t, time: a, start: a, end: b, clock: business, unit: days }
          - { id: s, type: sla, source: t, time: a, start: a, end: b, clock: business, limit: 1 days }
          - { id: v, type: sla, source: t, time: a, start: a, end: b, clock: business, limit: { by: p, values: { X: 2 ngày, Y: 8 hours }, default: 1 day } }
          - { id: ok, type: sla, source: t, time: a, start: a, end: b, clock: business, limit: 8 hours }
          - { id: cal, type: duration, source: t, time: a, start: a, end: b, unit: days }
        """);
    String why =
        "with clock: business a day would be 24 working hours (about three 8-hour working days),"
            + " not one working day; write it in hours or minutes of working time (e.g. 8 hours)";
    assertThat(problems(f))
        .containsExactly(
            f + ":3:91: error: kpi 'd'.unit 'days': " + why,
            f + ":4:87: error: kpi 's'.limit '1 days': " + why,
            f + ":5:109: error: kpi 'v'.limit.values.X '2 ngày': " + why,
            f + ":5:140: error: kpi 'v'.limit.default '1 day': " + why);
  }

  @Test
  void fieldsOfAnotherTypeAreNamed() throws IOException {
    Path f =
        aYaml(
            """
        sources: { s: { file: x.csv, columns: { a: { column: A, type: number } } } }
        kpis:
          - { id: x, type: count, source: s, time: none, column: a }
        """);
    assertThat(problems(f))
        .containsExactly(f + ":3:50: error: kpi 'x': 'column' does not apply to count KPIs");
  }

  /**
   * A source with every canonical column the presets use, so each preset binds with no mapping of
   * its own.
   */
  static final String CANONICAL_SOURCE =
      """
      sources:
        t:
          file: x.csv
          columns:
            created_at: { column: A, type: datetime }
            first_response_at: { column: B, type: datetime }
            resolved_at: { column: C, type: datetime }
            channel: D
            priority: E
            customer_id: F
            talk_time: { column: G, type: duration }
            hold_time: { column: H, type: duration }
            after_call_work: { column: I, type: duration }
            contacts: { column: J, type: number }
            first_contact_resolved: { column: K, type: boolean }
            resolved_first_contact: { column: L, type: boolean }
            reopened: { column: M, type: boolean }
            escalated: { column: N, type: boolean }
            complaint: { column: O, type: boolean }
            survey_sent: { column: P, type: boolean }
            csat: { column: Q, type: number }
            ces: { column: R, type: number }
            nps: { column: S, type: number }
            esat: { column: T, type: number }
            enps: { column: U, type: number }
            hired_at: { column: V, type: date }
            left_at: { column: W, type: date }
            amount: { column: X, type: number }
      """;

  @Test
  void everyPresetBindsAgainstTheCanonicalColumns() throws IOException {
    StringBuilder kpis = new StringBuilder("kpis:\n");
    for (Presets.Preset p : Presets.all()) {
      String[] name = p.name().split("\\.");
      kpis.append("  - { id: ")
          .append(p.name().replace('.', '_'))
          .append(", source: t, preset: ")
          .append(name[0])
          .append(name.length > 1 ? ", method: " + name[1] : "")
          .append(p.type().equals("sla") ? ", limit: 4 hours" : "")
          .append(" }\n");
    }
    Path f = aYaml(CANONICAL_SOURCE + kpis);
    assertThat(problems(f)).isEmpty();
    assertThat(KpiKinds.load(List.of(f)).kpis())
        .hasSize(Presets.all().size())
        .allSatisfy(k -> assertThat(k.preset()).isNotNull());
  }

  @Test
  void presetMistakes() throws IOException {
    Path f =
        aYaml(
            CANONICAL_SOURCE.replace("      first_response_at: { column: B, type: datetime }\n", "")
                + """
        kpis:
          - { id: a, source: t, preset: frst_response_time }
          - { id: b, source: t, preset: fcr }
          - { id: c, source: t, preset: fcr, method: windw }
          - { id: d, source: t, preset: frt }
          - { id: e, source: t, preset: sla }
          - { id: f, source: t, preset: nps, scale: 1-5 }
          - { id: g, source: t, preset: csat, stat: top_box, positive: [4, 6] }
          - { id: h, source: t, preset: fcr, method: window, within: 7 weeks }
          - { id: i, source: t, preset: backlog, time: created_at }
          - { id: j, source: t, preset: csat, method: survey }
        """);
    List<String> p = problems(f);
    assertThat(p)
        .containsExactly(
            f
                + ":29:33: error: kpi 'a' uses unknown preset 'frst_response_time' (did you mean 'first_response_time'?); presets: "
                + String.join(", ", Presets.names()),
            f
                + ":30:33: error: kpi 'b': preset 'fcr' is measured several ways; choose one with 'method:', one of contacts, flag, window, survey",
            f
                + ":31:46: error: kpi 'c': preset 'fcr' has no method 'windw' (did you mean 'window'?); methods: contacts, flag, window, survey",
            f
                + ":32:33: error: kpi 'd'.end refers to unknown column 'first_response_at' (a preset default: map a source column named"
                + " 'first_response_at', or set 'end' on the KPI); columns: created_at, resolved_at, channel, priority, customer_id,"
                + " talk_time, hold_time, after_call_work, contacts, first_contact_resolved, resolved_first_contact, reopened, escalated,"
                + " complaint, survey_sent, csat, ces, nps, esat, enps, hired_at, left_at, amount",
            f
                + ":33:5: error: kpi 'e' needs 'limit': the time allowed, e.g. limit: 4 hours, or per priority: limit: { by: priority,"
                + " values: { Urgent: 1 hour, High: 4 hours }, default: 8 hours }",
            f
                + ":33:33: error: kpi 'e'.end refers to unknown column 'first_response_at' (a preset default: map a source column named"
                + " 'first_response_at', or set 'end' on the KPI); columns: created_at, resolved_at, channel, priority, customer_id,"
                + " talk_time, hold_time, after_call_work, contacts, first_contact_resolved, resolved_first_contact, reopened, escalated,"
                + " complaint, survey_sent, csat, ces, nps, esat, enps, hired_at, left_at, amount",
            f
                + ":34:45: error: kpi 'f': NPS is defined on a 0-10 scale (promoters 9-10, detractors 0-6), found 1-5",
            f + ":35:68: error: kpi 'g'.positive lists 6, outside the scale 1-5", // at the 6
            // itself, not at its list
            f
                + ":36:62: error: kpi 'h'.within '7 weeks' is not a time span; e.g. '30 minutes', '4 hours', '7 days' or '30 working days'",
            f
                + ":37:42: error: kpi 'i': 'time' does not apply to backlog KPIs: they look at every row's start and end at the period's edges",
            f
                + ":38:47: error: kpi 'j': 'method' applies only to presets measured several ways (first_contact_resolution)");
  }

  @Test
  void funnelMistakes() throws IOException {
    Path f =
        aYaml(
            """
        sources:
          s:
            file: x.csv
            columns: { lead_id: A, stage: B, at: { column: C, type: datetime }, created: { column: D, type: date } }
        kpis:
          - id: f
            type: funnel
            source: s
            mode: histroy
            lead: lead_id
            stage: stage
            time: at
            stages:
              - { id: new, values: [New] }
              - { id: demo, values: [Demo, New] }
              - { id: new, label: Again }
          - id: g
            type: funnel
            source: s
            mode: snapshot
            lead: lead_id
            stage: stage
            time: created
            within: 7 days
            stages: [new, { id: won, entered: at }]
          - { id: c, type: conversion, funnel: f, from: new, to: dmo }
          - { id: d, type: conversion, funnel: g, from: won, to: new }
          - { id: e, type: conversion, funnel: fnnel, from: new, to: won }
        """);
    assertThat(problems(f))
        .containsExactly(
            f
                + ":9:11: error: kpi 'f'.mode is 'history' (one row per stage entry) or 'snapshot' (one row per lead with its current"
                + " stage), found 'histroy' (did you mean 'history'?)",
            f + ":15:9: error: kpi 'f': the value 'New' maps to both stage 'new' and stage 'demo'",
            f + ":16:9: error: kpi 'f': stage 'new' is listed twice (first at line 14)",
            f
                + ":24:13: error: kpi 'g': a conversion window needs the time each stage was entered: an 'entered' column on every stage",
            f
                + ":26:58: error: kpi 'c'.to names unknown stage 'dmo' of funnel 'f' (did you mean 'demo'?); stages: new, demo",
            f + ":27:58: error: kpi 'd': stage 'new' must come after 'won' in funnel 'g'",
            f + ":28:40: error: kpi 'e'.funnel 'fnnel' is not a funnel KPI; funnels: f, g");
  }

  /**
   * Optional stages sit between two others; entered_midway is fill or count_separately, for stage
   * histories.
   */
  @Test
  void optionalStageAndEnteredMidwayMistakes() throws IOException {
    Path f =
        aYaml(
            """
        sources:
          s:
            file: x.csv
            columns: { lead_id: A, stage: B, at: { column: C, type: datetime } }
        kpis:
          - id: f
            type: funnel
            source: s
            mode: history
            lead: lead_id
            stage: stage
            time: at
            entered_midway: count_separatly
            stages:
              - { id: new, optional: true }
              - { id: in_progress, optional: yes }
              - { id: closed, optional: true }
            lost: [{ id: cancelled, optional: true }]
          - id: g
            type: funnel
            source: s
            mode: snapshot
            lead: lead_id
            stage: stage
            time: none
            entered_midway: fill
            stages: [new, closed]
        """);
    assertThat(problems(f))
        .containsExactly(
            f
                + ":13:21: error: kpi 'f'.entered_midway is 'fill' (a lead first seen at a later stage passed the earlier ones) or"
                + " 'count_separately' (counted from the stage it first appears at), found 'count_separatly' (did you mean 'count_separately'?)",
            f
                + ":15:9: error: kpi 'f': the first stage 'new' cannot be optional; only a stage between two others may be skipped",
            f + ":16:38: error: kpi 'f'.stages entry.optional must be true or false, found 'yes'",
            f
                + ":17:9: error: kpi 'f': the last stage 'closed' cannot be optional; only a stage between two others may be skipped",
            f + ":18:39: error: kpi 'f': a lost outcome is not a step; 'optional' is for stages",
            f
                + ":26:21: error: kpi 'g': entered_midway is for stage histories; a snapshot has no first entry to judge");
  }

  @Test
  void filesCombineAndIncludesFollow() throws IOException {
    Files.writeString(
        dir.resolve("calendar.yaml"),
        """
        timezone: Asia/Ho_Chi_Minh
        calendar: { workdays: [MON-SAT], hours: { MON-FRI: "08:00-17:00", SAT: "08:00-12:00" }, holidays: [2026-09-02] }
        """);
    Files.writeString(
        dir.resolve("sources.yaml"),
        """
        include: [calendar.yaml]
        sources: { s: { file: data.csv } }
        """);
    Files.writeString(
        dir.resolve("kpis.yaml"),
        """
        kpis: [ { id: n, type: count, source: s, time: none } ]
        """);
    Definition d = KpiKinds.load(List.of(dir.resolve("sources.yaml"), dir.resolve("kpis.yaml")));
    assertThat(d.zone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(d.calendar().holidays()).hasSize(1);
    assertThat(d.sources().get("s").baseDir()).isEqualTo(dir.toAbsolutePath());
    assertThat(d.kpis()).extracting(KpiDef::id).containsExactly("n");
  }

  @Test
  void conflictsBetweenFilesAreErrors() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "timezone: UTC\nsources: { s: { file: a.csv } }\n");
    Files.writeString(
        dir.resolve("b.yaml"), "timezone: Asia/Ho_Chi_Minh\nsources: { s: { file: b.csv } }\n");
    List<String> p = problems(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
    assertThat(p)
        .anyMatch(
            x -> x.contains("b.yaml:1:1: error: timezone 'Asia/Ho_Chi_Minh' differs from 'UTC'"));
    assertThat(p).anyMatch(x -> x.contains("b.yaml:2:12: error: source 's' is already defined at"));
  }

  @Test
  void calendarRangesAndNightShifts() throws IOException {
    Path f = dir.resolve("c.yaml");
    Files.writeString(
        f,
        """
        calendar:
          workdays: [MON-FRI]
          hours: { MON-FRI: "22:00-06:00" }
          holidays: [2026-02-14..2026-02-22, 2026-04-30]
        """);
    CalendarDef c = KpiKinds.load(List.of(f)).calendar();
    // 14..22 February is 9 days, plus 30 April.
    assertThat(c.holidays()).hasSize(10);
    assertThat(c.hours().get(java.time.DayOfWeek.MONDAY).get(0).crossesMidnight()).isTrue();
  }

  @Test
  void targetMistakes() throws IOException {
    Path f = dir.resolve("t.yaml");
    Files.writeString(
        f,
        """
        sources: { s: { file: x.csv } }
        kpis:
          - { id: a, type: count, source: s, time: none, target: { min: 10, max: 20 } }
          - { id: b, type: count, source: s, time: none, target: { min: 10, amber: 12 } }
          - { id: c, type: count, source: s, time: none, target: { max: lots } }
          - { id: d, type: count, source: s, time: none, target: { min: 1, by_period: { Oct-2026: 2 } } }
        """);
    assertThat(problems(f))
        .containsExactly(
            f
                + ":3:58: error: kpi 'a'.target needs exactly one of min, max or range, e.g. { min: 0.75, amber: 0.70 }",
            f + ":4:76: error: kpi 'b'.target.amber must be below min (it is where red starts)",
            f + ":5:65: error: kpi 'c'.target value 'lots' is not a number (write 0.75 or 75%)",
            f
                + ":6:81: error: kpi 'd'.target.by_period key 'Oct-2026' is not a month (2026-10), quarter (2026-Q4) or year (2026)");
  }

  @Test
  void oneMistakeDoesNotHideTheOthersOfTheSameKpi() throws IOException {
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        sources: { s: { file: x.csv, columns: { created: { column: A, type: datetime }, status: B } } }
        kpis:
          - { id: a, preset: frst, source: sx, target: { min: x } }
          - { id: b, preset: frst, source: s, time: created, where: { stauts: Closed } }
          - { id: c, type: ratio, source: s, time: created, numerator: { stauts: Closed } }
        """);
    // An unknown preset used to end the KPI's check: its unknown source and bad target went
    // unreported. A numerator whose only condition names an unknown column was also reported as
    // missing.
    assertThat(problems(f))
        .containsExactly(
            f
                + ":3:22: error: kpi 'a' uses unknown preset 'frst' (did you mean 'frt'?); presets: "
                + String.join(", ", Presets.names()),
            f + ":3:36: error: kpi 'a' reads unknown source 'sx' (did you mean 's'?); sources: s",
            f + ":3:55: error: kpi 'a'.target value 'x' is not a number (write 0.75 or 75%)",
            f
                + ":4:22: error: kpi 'b' uses unknown preset 'frst' (did you mean 'frt'?); presets: "
                + String.join(", ", Presets.names()),
            f
                + ":4:63: error: kpi 'b'.where refers to unknown column 'stauts' (did you mean 'status'?); columns: created, status",
            f
                + ":5:66: error: kpi 'c'.numerator refers to unknown column 'stauts' (did you mean 'status'?); columns: created, status");
  }

  @Test
  void filterTextsAreComparedAsTheDataHoldsThem() throws IOException {
    // "Đóng" typed decomposed (D-stroke, o, combining acute; as some Mac editors save) and quoted
    // with spaces: cells are imported trimmed and in NFC, so the bound value must be the composed
    // "Đóng" without spaces to match them.
    String nfd = java.text.Normalizer.normalize("Đóng", java.text.Normalizer.Form.NFD);
    assertThat(nfd).isNotEqualTo("Đóng");
    Path f = dir.resolve("n.yaml");
    Files.writeString(
        f,
        """
        sources: { s: { file: x.csv } }
        kpis:
          - { id: a, type: count, source: s, time: none, where: { status: " %s ", note: { contains: " %s" } } }
        """
            .formatted(nfd, nfd));
    Filter.All where = (Filter.All) KpiKinds.load(List.of(f)).kpis().get(0).where();
    assertThat(((Filter.Condition) where.parts().get(0)).values()).containsExactly("Đóng");
    assertThat(((Filter.Condition) where.parts().get(1)).values())
        .containsExactly(" Đóng"); // contains keeps its space
    Path sla = dir.resolve("sla.yaml");
    Files.writeString(
        sla,
        """
        sources: { s: { file: x.csv, columns: { a: { column: A, type: datetime }, b: { column: B, type: datetime }, p: P } } }
        kpis:
          - { id: k, type: sla, source: s, time: a, start: a, end: b, limit: { by: p, values: { %s: 1 hour } } }
        """
            .formatted(java.text.Normalizer.normalize("Khẩn", java.text.Normalizer.Form.NFD)));
    assertThat(
            KpiKinds.load(List.of(sla))
                .kpis()
                .get(0)
                .spec(dev.journeykpi.types.sla.SlaSpec.class)
                .sla()
                .limits())
        .containsOnlyKeys("Khẩn");
  }

  @Test
  void notYaml() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "kpis: [ { id: x\n");
    assertThat(problems(f))
        .singleElement()
        .asString()
        .isEqualTo(
            f
                + ":1:9: error: not valid YAML: while parsing a flow mapping that starts here: it is not closed before the end"
                + " of the file (expected ',' or '}', but got <stream end>)"); // the '{' that is
    // never closed is at column 9
  }

  @Test
  void suggestionsUseEditDistance() {
    assertThat(Suggestions.closest("chanel", List.of("channel", "agent"))).contains("channel");
    assertThat(Suggestions.closest("cahnnel", List.of("channel"))).contains("channel");
    assertThat(Suggestions.closest("zzz", List.of("channel"))).isEmpty();
  }

  /**
   * The CSV splitter scans bytes, so a delimiter outside ASCII is a definition error (it used to
   * surface on import).
   */
  @Test
  void aDelimiterOutsideAsciiIsADefinitionError() throws IOException {
    Path f = dir.resolve("d.yaml");
    Files.writeString(f, "sources: { s: { file: a.csv, delimiter: \"\u00a7\" } }\n");
    // "sources: { s: { file: a.csv, delimiter: " is 40 characters: the value starts at column 41.
    assertThat(problems(f))
        .contains(
            f
                + ":1:41: error: source 's'.delimiter must be one ASCII character (or 'tab'), found '\u00a7'");
  }
}
