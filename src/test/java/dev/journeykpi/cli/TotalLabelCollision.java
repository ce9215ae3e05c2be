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

  static RunRequest request() {
    return new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of());
  }

  /** A row as the assertions read it: kpi, breakdown values and value. */
  static String row(ResultRow r) {
    return r.kpi() + " " + String.join("/", r.dims().values()) + " = " + r.value() + " n=" + r.n();
  }
}
