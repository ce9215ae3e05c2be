package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.CliHarness;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kpi explain} on every KPI of every shipped definition and on every KPI type, in English
 * and Vietnamese: each answer is a success, not empty, and names the KPI. Explain reads no data:
 * each definition is explained from a copy in an empty directory, where none of its files exist.
 */
class ExplainEveryKpiTest {
  @TempDir Path dir;

  static Stream<Path> shipped() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("kpi-definitions"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedKpiIsExplainedInBothLanguages(Path definition) throws IOException {
    Path copy = dir.resolve(definition.getFileName());
    Files.copy(definition, copy);
    assertEveryKpiExplained(copy);
  }

  /**
   * Every type and statistic, `type: median` among them (it failed with a NullPointerException).
   */
  @Test
  void everyKpiTypeIsExplainedInBothLanguages() throws IOException {
    Path f = dir.resolve("types.yaml");
    Files.writeString(
        f,
        """
        version: 1
        sources:
          t:
            file: t.csv
            columns:
              created: { column: Created, type: datetime }
              resolved: { column: Resolved, type: datetime }
              channel: Channel
              amount: { column: Amount, type: number }
              talk: { column: Talk, type: number }
              hold: { column: Hold, type: number }
              csat: { column: CSAT, type: number }
              customer: Customer
              hired: { column: Hired, type: date }
              left: { column: Left, type: date }
        kpis:
          - { id: count, type: count, source: t, time: created }
          - { id: distinct, type: count, distinct: customer, source: t, time: created }
          - { id: sum, type: sum, column: amount, source: t, time: created }
          - { id: mean, type: mean, column: amount, source: t, time: created }
          - { id: median, label: Median amount, type: median, column: amount, source: t, time: created, by: [channel] }
          - { id: median_aht, type: median, columns: [talk, hold], source: t, time: created }
          - { id: mean_aht, type: mean, columns: [talk, hold], source: t, time: created }
          - { id: p90, type: percentile, p: 90, column: amount, source: t, time: created }
          - { id: p90_aht, type: percentile, p: 90, columns: [talk, hold], source: t, time: created }
          - { id: ratio, type: ratio, numerator: { channel: email }, source: t, time: created }
          - { id: dur_median, type: duration, start: created, end: resolved, stat: median, source: t, time: created }
          - { id: dur_min, type: duration, start: created, end: resolved, stat: min, clock: business, source: t, time: created }
          - { id: score, type: score, column: csat, scale: 1-5, source: t, time: created }
          - { id: nps, type: score, column: csat, scale: 0-10, stat: nps, source: t, time: created }
          - { id: sla, type: sla, start: created, end: resolved, limit: 4 hours, source: t, time: created }
          - { id: fcr, type: no_repeat, customer: customer, within: 7 days, source: t, time: created }
          - { id: backlog, type: backlog, start: created, end: resolved, source: t }
          - { id: turnover, type: turnover, start: hired, end: left, source: t }
          - { id: churn, type: customers, measure: churn_rate, customer: customer, source: t, time: created }
        """);
    assertEveryKpiExplained(f);
    String median = CliHarness.run("explain", "-c", f.toString(), "--lang", "en", "median").out();
    assertThat(median).startsWith("median — Median amount\n").contains("median(amount)");
    assertThat(CliHarness.run("explain", "-c", f.toString(), "--lang", "en", "median_aht").out())
        .contains("median(talk + hold)");
  }

  private static void assertEveryKpiExplained(Path definition) {
    Definition def = KpiKinds.load(List.of(definition));
    List<String> failures = new ArrayList<>();
    for (KpiDef k : def.kpis()) {
      for (String lang : List.of("en", "vi")) {
        CliHarness.Output run =
            CliHarness.run("explain", "-c", definition.toString(), "--lang", lang, k.id());
        String first = run.out().lines().findFirst().orElse("");
        if (run.exitCode() != 0
            || !run.err().isEmpty()
            || run.out().lines().count() < 3
            || !first.startsWith(k.id() + " — " + k.label())) {
          failures.add(
              definition.getFileName()
                  + " "
                  + k.id()
                  + " ("
                  + lang
                  + "): exit "
                  + run.exitCode()
                  + ", "
                  + run.err().strip()
                  + ", first line '"
                  + first
                  + "'");
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(def.kpis()).isNotEmpty();
  }
}
