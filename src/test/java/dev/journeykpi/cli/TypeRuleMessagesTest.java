package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages of the rules each KPI type states for itself (fixed units, what a conversion may not
 * say, which KPIs have a lead list), pinned word for word: they moved from one binder and one
 * engine switch into the types' own classes.
 */
class TypeRuleMessagesTest {
  @TempDir Path dir;

  @Test
  void aFixedUnitAndAConversionsSourceAndTimeAreRefusedWithTheirPositions() throws IOException {
    Path f = dir.resolve("d.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t: { file: t.csv, columns: { created: { column: Created, type: datetime }, lead: Lead, stage: Stage } }
        kpis:
          - { id: r, type: ratio, numerator: { stage: Won }, unit: points, source: t, time: created }
          - { id: f, type: funnel, mode: history, lead: lead, stage: stage, stages: [A, B], source: t, time: created }
          - { id: c, type: conversion, funnel: f, from: A, to: B, source: t, time: created }
        """);
    CliHarness.Output run = CliHarness.run("validate", "-c", f.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    // Line 5, column 59: the value of 'unit' in the ratio's flow map; line 7: the conversion's
    // keys.
    assertThat(run.err())
        .contains(f + ":5:60: error: kpi 'r': a ratio's unit is '%'")
        .contains(
            f
                + ":7:59: error: kpi 'c': a conversion reads its funnel's source; 'source' does not apply")
        .contains(
            f
                + ":7:70: error: kpi 'c': a conversion uses its funnel's periods; 'time' does not apply");
  }

  @Test
  void leadsSaysWhichKpisHaveListsAndWhenAStageIsNeeded() {
    String def = "kpi-definitions/lead-stages.yaml";
    CliHarness.Output conversion =
        CliHarness.run("leads", "-c", def, "--period", "2026-Q3", "--kpi", "potential_to_trial");
    assertThat(conversion.exitCode()).isEqualTo(2);
    assertThat(conversion.err())
        .contains(
            "kpi 'potential_to_trial' is a conversion KPI; kpi leads lists the leads of a funnel KPI (at a"
                + " --stage) or of a stalled KPI, the customers of a customers KPI, and the answers of a"
                + " score KPI (an NPS's detractors or a --status, a CSAT's low scores, a CES's hard"
                + " experiences)");
    CliHarness.Output noStage =
        CliHarness.run("leads", "-c", def, "--period", "2026-Q3", "--kpi", "lead_stages");
    assertThat(noStage.exitCode()).isEqualTo(2);
    assertThat(noStage.err())
        .contains(
            "kpi leads needs --stage for funnel 'lead_stages'; stages: new (Mới), interested (Có hứng"
                + " thú), potential (Tiềm năng), trial (Dùng thử 7 ngày), bought (Mua hàng)");
    // A stage is named by its id or by its label as the scorecard shows it, in any case; a label
    // without its tone marks is refused with the nearest name.
    CliHarness.Output byLabel =
        CliHarness.run(
            "leads",
            "-c",
            def,
            "--period",
            "2026-Q3",
            "--kpi",
            "lead_stages",
            "--stage",
            "CÓ HỨNG THÚ");
    CliHarness.Output byId =
        CliHarness.run(
            "leads",
            "-c",
            def,
            "--period",
            "2026-Q3",
            "--kpi",
            "lead_stages",
            "--stage",
            "interested");
    assertThat(byLabel.exitCode()).isZero();
    assertThat(byLabel.out()).isEqualTo(byId.out()).isNotEmpty();
    CliHarness.Output toneless =
        CliHarness.run(
            "leads",
            "-c",
            def,
            "--period",
            "2026-Q3",
            "--kpi",
            "lead_stages",
            "--stage",
            "Có hứng thu");
    assertThat(toneless.exitCode()).isEqualTo(2);
    assertThat(toneless.err())
        .contains("funnel 'lead_stages' has no stage 'Có hứng thu' (did you mean 'Có hứng thú'?)");
  }
}
