package dev.journeykpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.types.KpiKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A formula that names no KPI ({@code 1 / 0}) is a definition error at its place: it once passed
 * validate and crashed report (a formula with no KPI to read was taken for one read from a source).
 */
class FormulaNamesNoKpiTest {
  @TempDir Path dir;

  @Test
  void aFormulaOfConstantsIsRefusedWhereItIsWritten() throws Exception {
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: UTC
        sources:
          t: { file: t.csv, columns: { id: id } }
        kpis:
          - { id: rows, type: count, source: t, time: none }
          - { id: f7, type: formula, expr: '1 / 0' }
        """);
    String message =
        org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> KpiKinds.load(List.of(def)), ConfigException.class)
            .getMessage();
    // Line 7; the expression's scalar (its quote) starts after "  - { id: f7, type: formula, expr:
    // "
    // (35 characters), at column 36.
    assertThat(message)
        .contains(
            "d.yaml:7:36: error: kpi 'f7'.expr: '1 / 0' names no KPI; a formula is computed from"
                + " other KPIs' values");
  }
}
