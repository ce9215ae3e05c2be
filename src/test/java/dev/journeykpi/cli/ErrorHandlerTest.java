package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.calc.Stats;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.model.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The exit code comes from the exception's type: only a UsageException is the user's mistake. */
class ErrorHandlerTest {
  /** A command standing for the engine: whatever its body throws reaches the ErrorHandler as in `kpi report`. */
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
    int code = new CommandLine(new Deep(body)).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .setExecutionExceptionHandler(new ErrorHandler()).execute(args);
    return new CliRunner.Result(code, out.toString(), err.toString());
  }

  @Test
  void anIllegalArgumentExceptionFromCalcIsAnInternalError() {
    // Stats refuses the mean of no values; the measurers never ask for one, so getting there is a bug in kpi: exit 4
    // with the --debug hint (it used to be exit 2, "usage", telling a cron job the command line was wrong).
    CliRunner.Result r = run(() -> Stats.of(Statistic.MEAN, new double[0], 0));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err()).isEqualTo("kpi: internal error: java.lang.IllegalArgumentException: no values"
        + " (rerun with --debug for details)\n");
    CliRunner.Result debug = run(() -> Stats.of(Statistic.MEAN, new double[0], 0), "--debug");
    assertThat(debug.exitCode()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(debug.err()).startsWith("kpi: internal error: java.lang.IllegalArgumentException: no values\n")
        .contains("\tat dev.journeykpi.calc.Stats.of(");
  }

  @Test
  void aUsageExceptionIsExit2WithItsMessageAlone() {
    CliRunner.Result r = run(() -> {
      throw new UsageException("--from and --to go together");
    });
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("kpi: --from and --to go together\n");
  }
}
