package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kpi explain} of a definition that uses every KPI type, most of their options and every
 * kind of target, in English and Vietnamese. The shipped definitions' goldens cover only the types
 * they use; this one covers the rest (median, percentile, several columns, backlog, turnover,
 * cohorts, CLV, a conversion, a stalled KPI). The goldens were first written by the build before
 * the KPI types moved into their own packages (daf7704), so they also pin that the move changed no
 * word.
 */
class ExplainEveryTypeGoldenTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"en", "vi"})
  void everyTypeIsExplainedAsBefore(String lang) throws IOException {
    String golden = lang.equals("en") ? "explain-every-type-en.txt" : "explain-every-type-vi.txt";
    CliHarness.Output run =
        CliHarness.run("explain", "-c", "src/test/resources/every-type/types.yaml", "--lang", lang);
    assertThat(run.exitCode()).as(run.err()).isZero();
    Golden.check(golden, run.out());
  }
}
