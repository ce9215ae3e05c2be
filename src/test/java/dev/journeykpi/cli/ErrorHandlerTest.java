package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.calc.Stats;
import dev.journeykpi.config.ConfigException;
import dev.journeykpi.config.Diagnostic;
import dev.journeykpi.config.KpiFailure;
import dev.journeykpi.config.Location;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.engine.MemoryExhausted;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The exit code comes from the exception's type: a KpiFailure carries its own, anything else is a
 * bug in kpi (4).
 */
class ErrorHandlerTest {
  /**
   * A command standing for the engine: whatever its body throws reaches the ErrorHandler as in `kpi
   * report`.
   */
  @Command(name = "deep")
  static final class Deep implements Callable<Integer> {
    @Option(names = "--debug")
    boolean debug;

    final Runnable body;

    Deep(Runnable body) {
      this.body = body;
    }

    @Override
    public Integer call() {
      body.run();
      return ExitCodes.OK;
    }
  }

  private static CliRunner.Result run(Runnable body, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new Deep(body))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .setExecutionExceptionHandler(new ErrorHandler())
            .execute(args);
    return new CliRunner.Result(code, out.toString(), err.toString());
  }

  @Test
  void anIllegalArgumentExceptionFromCalcIsAnInternalError() {
    // Stats refuses the mean of no values; the measurers never ask for one, so getting there is a
    // bug in kpi: exit 4 with the --debug hint (it used to be exit 2, "usage", telling a cron job
    // the command line was wrong).
    CliRunner.Result r = run(() -> Stats.of(Statistic.MEAN, new double[0], 0));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err())
        .isEqualTo(
            "kpi: internal error: java.lang.IllegalArgumentException: no values"
                + " (rerun with --debug for details)\n");
    CliRunner.Result debug = run(() -> Stats.of(Statistic.MEAN, new double[0], 0), "--debug");
    assertThat(debug.exitCode()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(debug.err())
        .startsWith("kpi: internal error: java.lang.IllegalArgumentException: no values\n")
        .contains("\tat dev.journeykpi.calc.Stats.of(");
  }

  @Test
  void aUsageExceptionIsExit2WithItsMessageAlone() {
    CliRunner.Result r =
        run(
            () -> {
              throw new UsageException("--from and --to go together");
            });
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("kpi: --from and --to go together\n");
  }

  @Test
  void aDataExceptionIsExit3WithItsPrefix() {
    CliRunner.Result r =
        run(
            () -> {
              throw new DataException("no file t.csv");
            });
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).isEqualTo("kpi: data error: no file t.csv\n");
  }

  @Test
  void aConfigExceptionIsExit2WithEveryDiagnosticAndTheirCount() {
    CliRunner.Result r =
        run(
            () -> {
              throw new ConfigException(
                  java.util.List.of(
                      new Diagnostic(
                          Diagnostic.Severity.ERROR, Location.NONE, "kpi 'a': no source"),
                      new Diagnostic(
                          Diagnostic.Severity.ERROR, Location.NONE, "kpi 'b': no column")));
            });
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            new Diagnostic(Diagnostic.Severity.ERROR, Location.NONE, "kpi 'a': no source")
                + "\n"
                + new Diagnostic(Diagnostic.Severity.ERROR, Location.NONE, "kpi 'b': no column")
                + "\n2 errors\n");
  }

  @Test
  void memoryRunningOutIsExit4NamingWhatWasRead() {
    CliRunner.Result r =
        run(
            () -> {
              throw new MemoryExhausted("reading source 'tickets' (t.csv)", new OutOfMemoryError());
            });
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err())
        .startsWith(
            "kpi: out of memory while reading source 'tickets' (t.csv) (Java's heap is at most ")
        .doesNotContain("--debug");
  }

  @Test
  void controlCharactersInAFailuresMessageAreShownEscaped() {
    CliRunner.Result r =
        run(
            () -> {
              throw new DataException("no column 'a\u001b[31mb'");
            });
    assertThat(r.err()).doesNotContain("\u001b").startsWith("kpi: data error: no column 'a");
  }

  /** The handler asks the one type for code and lines: a new kind needs no new branch there. */
  @Test
  void anyKpiFailureGivesItsOwnCodeAndLines() {
    final class Refused extends RuntimeException implements KpiFailure {
      @Override
      public int exitCode() {
        return DATA;
      }

      @Override
      public java.util.List<String> messageLines() {
        return java.util.List.of("kpi: first", "kpi: second");
      }
    }
    CliRunner.Result r =
        run(
            () -> {
              throw new Refused();
            });
    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).isEqualTo("kpi: first\nkpi: second\n");
  }

  /**
   * Every kind of failure is a KpiFailure, and a usage error stays the IllegalArgumentException
   * callers catch.
   */
  @Test
  void theKindsAreKpiFailures() {
    assertThat(
            java.util.List.of(
                UsageException.class,
                DataException.class,
                ConfigException.class,
                MemoryExhausted.class))
        .allMatch(KpiFailure.class::isAssignableFrom);
    assertThat(new UsageException("x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new UsageException("x").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(new DataException("x").exitCode()).isEqualTo(ExitCodes.DATA);
    assertThat(new ConfigException("x").exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
