package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Usage errors a cron job or a typing analyst meets before any work: no command, {@code help}, an
 * unknown command, an option given an empty value (a script's unset variable). Each is exit 2 with
 * the exact message on stderr and nothing on stdout.
 */
class UsageMessagesCliTest {
  private static final String HOTEL = "kpi-definitions/hotel-housekeeping.yaml";
  private static final String VERBS = "report, validate, inspect, explain, init, list, leads, sql";

  /** {@code kpi} alone is a usage error (an empty $VERB in a script), the usage on stderr. */
  @Test
  void noCommandIsExit2WithTheUsageOnStderr() {
    CliRunner.Result r = CliRunner.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("kpi: no command given (" + VERBS + ")\nUsage: kpi [-hV] [COMMAND]\n")
        .contains("Exit codes:");
  }

  /** Asked for, help is exit 0 on stdout: {@code --help}, {@code help}, {@code help VERB}. */
  @Test
  void helpAskedForIsExit0OnStdout() {
    CliRunner.Result option = CliRunner.run("--help");
    CliRunner.Result verb = CliRunner.run("help");
    assertThat(option.exitCode()).isZero();
    assertThat(option.err()).isEmpty();
    assertThat(option.out()).startsWith("Usage: kpi [-hV] [COMMAND]\n");
    assertThat(verb).isEqualTo(option);
    CliRunner.Result report = CliRunner.run("help", "report");
    assertThat(report).isEqualTo(CliRunner.run("report", "--help"));
    assertThat(report.exitCode()).isZero();
    assertThat(report.out()).startsWith("Usage: kpi report ");
  }

  @Test
  void anUnknownCommandIsNamedWithTheCommands() {
    CliRunner.Result r = CliRunner.run("frob", "-c", HOTEL);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("kpi: unknown command 'frob' (" + VERBS + ")\nTry 'kpi --help'.\n");
    // A near miss keeps picocli's suggestion.
    assertThat(CliRunner.run("reprot").err())
        .isEqualTo(
            "kpi: unknown command 'reprot' ("
                + VERBS
                + ")\nDid you mean: kpi report?\nTry 'kpi --help'.\n");
  }

  /**
   * Every option that takes a file or a value, given an empty one (after '=' or as the next
   * argument), is named with what it needs; before, the empty text reached the file check
   * ("definition file '' does not exist", "cannot write : is a directory").
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "report --config=                          | report | option '--config' needs a value (FILE), not an empty one",
        "report -c=                                | report | option '--config' needs a value (FILE), not an empty one",
        "report -c HOTEL --data=                   | report | option '--data' needs a value (SOURCE=PATH), not an empty one",
        "report -c HOTEL --data checks=            | report | option '--data' needs a PATH after 'checks=', not an empty one",
        "report -c HOTEL --data =x.csv             | report | option '--data' needs a SOURCE before '=x.csv', not an empty one",
        "report -c HOTEL --period=                 | report | option '--period' needs a value (PERIOD), not an empty one",
        "report -c HOTEL --from= --to=2026-10-31   | report | option '--from' needs a value (DATE), not an empty one",
        "report -c HOTEL -o=                       | report | option '--output' needs a value (FILE), not an empty one",
        "report -c HOTEL --quality-report=         | report | option '--quality-report' needs a value (FILE), not an empty one",
        "report -c HOTEL --cache-dir=              | report | option '--cache-dir' needs a value (DIR), not an empty one",
        "report -c HOTEL --max-rejected=           | report | option '--max-rejected' needs a value (SHARE), not an empty one",
        "validate --config=                        | validate | option '--config' needs a value (FILE), not an empty one",
        "leads -c HOTEL -o=                        | leads | option '--output' needs a value (FILE), not an empty one",
        "inspect --sheet= x.xlsx                   | inspect | option '--sheet' needs a value (SHEET), not an empty one",
      })
  void anEmptyOptionValueNamesTheOption(String line, String verb, String message) {
    String[] args = line.trim().replace("HOTEL", HOTEL).split(" +");
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("kpi: " + message + "\nTry 'kpi " + verb + " --help'.\n");
  }

  /** The empty value as its own argument ({@code --period "$P"} with P unset) is the same. */
  @Test
  void anEmptySeparateArgumentIsTheSame() {
    CliRunner.Result r = CliRunner.run("report", "-c", HOTEL, "--period", "", "-q");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "kpi: option '--period' needs a value (PERIOD), not an empty one\n"
                + "Try 'kpi report --help'.\n");
  }
}
