package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safety net of issue 15's refactor: every shipped definition whose data is bundled, reported
 * as CSV and JSON for the period its header comment suggests, and explained whole in English and
 * Vietnamese, pinned byte for byte. A refactor that changes nothing passes these unchanged. Where
 * an older test already pins the same output, the golden file is shared (same name), not
 * duplicated. The definitions are found in kpi-definitions/ (ShippedDefinitions), so a new one is
 * pinned too; GoldenFilesTest fails on a golden file no test reads.
 */
class ShippedDefinitionsGoldenTest {

  /**
   * Definition file, golden-file prefix (the names older tests already use), the period from its
   * header.
   */
  static List<ShippedDefinitions.Shipped> definitions() {
    return ShippedDefinitions.bundled();
  }

  /**
   * The six definitions pinned when this test was written are still found: discovery cannot lose
   * one quietly.
   */
  @Test
  void theBundledDefinitionsAreFound() {
    assertThat(definitions())
        .extracting(ShippedDefinitions.Shipped::definition)
        .contains(
            "hotel-housekeeping",
            "customer-service",
            "sales-journey",
            "lead-stages",
            "retention",
            "incident-process");
  }

  @ParameterizedTest(name = "{0} as csv and json")
  @MethodSource("definitions")
  void reportAsCsvAndJson(ShippedDefinitions.Shipped d) throws Exception {
    for (String format : new String[] {"csv", "json"}) {
      CliRunner.Result r =
          run("report", "-c", d.config().toString(), "--period", d.period(), "-f", format);
      assertThat(r.exitCode()).as("%s -f %s: %s", d.definition(), format, r.err()).isZero();
      Golden.check(d.reportGolden(format), r.out());
    }
  }

  @ParameterizedTest(name = "{0} explained in en and vi")
  @MethodSource("definitions")
  void explainEveryKpiInBothLanguages(ShippedDefinitions.Shipped d) throws Exception {
    for (String lang : new String[] {"en", "vi"}) {
      CliRunner.Result r = run("explain", "-c", d.config().toString(), "--lang", lang);
      assertThat(r.exitCode())
          .as("%s explain --lang %s: %s", d.definition(), lang, r.err())
          .isZero();
      Golden.check(d.explainGolden(lang), r.out());
    }
  }
}
