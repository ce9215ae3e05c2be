package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.types.KpiKinds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped process-log example (kpi-definitions/incident-process.yaml over the generated
 * ServiceNow-style audit): the audit starts on 2026-08-01, so August's cohort holds incidents first
 * seen at a later state, and the report says so; no month's numbers exceed 100% or fail to add up.
 */
class IncidentProcessExampleTest {
  @Test
  void auditThatStartsMidwayAddsUpAndSaysSo() {
    var def = KpiKinds.load(List.of(Path.of("kpi-definitions/incident-process.yaml")));
    var periods =
        List.of(Period.parse("2026-08"), Period.parse("2026-09"), Period.parse("2026-10"));
    List<ResultRow> rows =
        KpiEngine.run(def, new RunRequest(periods, Map.of(), List.of("incident_flow"))).rows();
    assertThat(rows)
        .filteredOn(r -> "%".equals(r.unit()) && r.value() != null)
        .allSatisfy(r -> assertThat(r.value()).isBetween(0.0, 1.0));
    for (ResultRow r : rows) {
      if (!"to_next".equals(r.dims().get("step"))) continue;
      ResultRow dropped =
          rows.stream()
              .filter(
                  x ->
                      x.period().equals(r.period())
                          && x.dims().equals(withStep(r.dims(), "dropped")))
              .findFirst()
              .orElseThrow();
      ResultRow entered =
          rows.stream()
              .filter(
                  x ->
                      x.period().equals(r.period())
                          && x.dims().equals(withStep(r.dims(), "entered")))
              .findFirst()
              .orElseThrow();
      assertThat(r.numerator() + dropped.numerator())
          .as(r.period() + " " + r.dims())
          .isEqualTo(entered.value());
    }
    ResultRow august =
        rows.stream()
            .filter(
                r ->
                    r.period().equals("2026-08")
                        && r.dims().get("stage").equals(ResultRow.TOTAL)
                        && r.dims().get("priority").equals(ResultRow.TOTAL))
            .findFirst()
            .orElseThrow();
    assertThat(august.note())
        .containsPattern(
            "\\d+ leads first appear at a later stage \\(the log starts mid-way\\): counted from there");
    assertThat(rows)
        .filteredOn(r -> r.period().equals("2026-10"))
        .allSatisfy(r -> assertThat(r.note()).doesNotContain("mid-way"));
  }

  private static Map<String, String> withStep(Map<String, String> dims, String step) {
    var out = new java.util.LinkedHashMap<>(dims);
    out.put("step", step);
    return out;
  }
}
