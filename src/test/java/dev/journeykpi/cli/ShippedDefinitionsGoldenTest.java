package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safety net of issue 15's refactor: every shipped definition whose data is bundled, reported as CSV and JSON for
 * the period its header comment suggests, and explained whole in English and Vietnamese, pinned byte for byte. A
 * refactor that changes nothing passes these unchanged. Where an older test already pins the same output, the golden
 * file is shared (same name), not duplicated.
 */
class ShippedDefinitionsGoldenTest {

  /** Definition file, golden-file prefix (the names older tests already use), the period from its header. */
  static Stream<Arguments> definitions() {
    return Stream.of(
        Arguments.of("hotel-housekeeping", "hotel", "2026-10"),
        Arguments.of("customer-service", "service", "2026-10"),
        Arguments.of("sales-journey", "sales-journey", "2026-Q3"),
        Arguments.of("lead-stages", "lead-stages", "2026-Q3"),
        Arguments.of("retention", "retention", "2026-10"),
        Arguments.of("incident-process", "incident-process", "2026-09"));
  }

  private static String config(String definition) {
    return "kpi-definitions/" + definition + ".yaml";
  }

  @ParameterizedTest(name = "{0} {2} as csv and json")
  @MethodSource("definitions")
  void reportAsCsvAndJson(String definition, String prefix, String period) throws Exception {
    for (String format : new String[] {"csv", "json"}) {
      CliRunner.Result r = run("report", "-c", config(definition), "--period", period, "-f", format);
      assertThat(r.exitCode()).as("%s -f %s: %s", definition, format, r.err()).isZero();
      Golden.check(prefix + "-" + period.toLowerCase(java.util.Locale.ROOT) + "." + format, r.out());
    }
  }

  @ParameterizedTest(name = "{0} explained in en and vi")
  @MethodSource("definitions")
  void explainEveryKpiInBothLanguages(String definition, String prefix, String period) throws Exception {
    for (String lang : new String[] {"en", "vi"}) {
      CliRunner.Result r = run("explain", "-c", config(definition), "--lang", lang);
      assertThat(r.exitCode()).as("%s explain --lang %s: %s", definition, lang, r.err()).isZero();
      Golden.check(prefix + "-explain-all-" + lang + ".txt", r.out());
    }
  }
}
