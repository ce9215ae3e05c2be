package dev.journeykpi.cli;

import dev.journeykpi.config.Definition;
import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The exports and KPIs of {@link TotalLabelCollisionTest}, shared with its PostgreSQL twin: teams
 * and campaigns literally named {@code (total)}, beside kpi's own total and roll-up rows, which are
 * labelled {@code (total)} too. The expected rows are worked out in the test.
 */
final class TotalLabelCollision {
  private TotalLabelCollision() {}

  static Definition definition(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("tickets.csv"),
        """
        day,campaign,team
        01/10/2026,Alpha,A
        02/10/2026,Alpha,A
        03/10/2026,Alpha,(total)
        04/10/2026,Alpha,(total)
        05/10/2026,Beta,B
        06/10/2026,Beta,(total)
        07/10/2026,Beta,
        08/10/2026,(total),(blank)
        """);
    Files.writeString(
        dir.resolve("leads.csv"),
        """
        lead,campaign,team,stage,at
        L1,Alpha,A,new,01/10/2026 08:00
        L1,Alpha,A,won,02/10/2026 08:00
        L2,Alpha,(total),new,03/10/2026 08:00
        L3,(total),A,new,04/10/2026 08:00
        L3,(total),A,won,05/10/2026 08:00
        L4,(total),(total),new,06/10/2026 08:00
        L5,(total),B,new,07/10/2026 08:00
        """);
    Path f = dir.resolve("k.yaml");
    Files.writeString(
        f,
        """
        timezone: Asia/Ho_Chi_Minh
        sources:
          tickets:
            file: tickets.csv
            columns:
              day: { column: day, format: dd/MM/yyyy }
              campaign: campaign
              team: team
          history:
            file: leads.csv
            columns:
              lead: lead
              campaign: campaign
              team: team
              stage: stage
              at: { column: at, type: datetime, format: dd/MM/yyyy HH:mm }
        kpis:
          - { id: by_team, type: count, source: tickets, time: day, by: [team] }
          - { id: by_both, type: count, source: tickets, time: day, by: [campaign, team], rollup: true }
          - { id: pipeline, type: funnel, source: history, mode: history, lead: lead, stage: stage,
              time: at, stages: [{ id: new }, { id: won }], by: [campaign] }
          - { id: new_to_won, type: conversion, funnel: pipeline, from: new, to: won, by: [campaign] }
          - { id: pipeline_teams, type: funnel, source: history, mode: history, lead: lead, stage: stage,
              time: at, stages: [{ id: new }, { id: won }], by: [campaign, team], rollup: true }
        """);
    return KpiEngine.load(List.of(f));
  }

  /**
   * {@link SeveralBreakdownsOnSqlTest}'s generated tickets and staff (every type that takes several
   * breakdown columns and the roll-up) with a team "C" renamed "(total)", the channel "Zalo"
   * "(total)" and the department "Kho" "(total)", and KPIs measured over each period's rows (count,
   * ratio, duration, sla, sum) added beside its own.
   */
  static Definition generated(Path dir) throws Exception {
    SeveralBreakdownsOnSqlTest.generated(dir);
    rename(
        dir.resolve("tickets.csv"),
        Map.of(4, Map.of("Zalo", "(total)"), 5, Map.of("C", "(total)")));
    rename(dir.resolve("staff.csv"), Map.of(3, Map.of("Kho", "(total)")));
    Files.writeString(
        dir.resolve("d.yaml"),
        SeveralBreakdownsOnSqlTest.SOURCES
            + SeveralBreakdownsOnSqlTest.KPIS
            + """
              - { id: count_rollup, type: count, source: tickets, time: created_at,
                  by: [channel, team], rollup: true }
              - { id: ratio_rollup, type: ratio, source: tickets, time: created_at,
                  numerator: { urgent: true }, by: [team, channel], rollup: true }
              - { id: duration_rollup, type: duration, source: tickets, time: created_at,
                  start: created_at, end: resolved_at, unit: hours, by: [channel, team], rollup: true }
              - { id: sla_rollup, type: sla, source: tickets, time: created_at, start: created_at,
                  end: resolved_at, limit: 10 days, by: [channel, team], rollup: true }
              - { id: sum_by_team, type: sum, source: tickets, time: created_at, column: priority,
                  by: [team] }
            """);
    return KpiEngine.load(List.of(dir.resolve("d.yaml")));
  }

  /** Renames values of a CSV's columns (by index; the generated files quote nothing). */
  private static void rename(Path csv, Map<Integer, Map<String, String>> renames) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      renames.forEach((i, m) -> cells[i] = m.getOrDefault(cells[i], cells[i]));
      out.append(String.join(",", cells)).append('\n');
    }
    Files.writeString(csv, out.toString());
  }

  static RunRequest request() {
    return new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
  }

  /** A row as the assertions read it: kpi, breakdown values and value. */
  static String row(ResultRow r) {
    return r.kpi() + " " + String.join("/", r.dims().values()) + " = " + r.value() + " n=" + r.n();
  }
}
