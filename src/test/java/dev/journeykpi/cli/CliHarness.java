package dev.journeykpi.cli;

/** Lets tests in other packages run the CLI in-process. */
public final class CliHarness {
  private CliHarness() {}

  public static int exit(String... args) {
    return CliRunner.run(args).exitCode();
  }

  /** Exit code, stdout and stderr of an in-process run. */
  public record Output(int exitCode, String out, String err) {}

  public static Output run(String... args) {
    CliRunner.Result r = CliRunner.run(args);
    return new Output(r.exitCode(), r.out(), r.err());
  }
}
