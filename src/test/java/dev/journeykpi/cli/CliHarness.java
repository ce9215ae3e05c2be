package dev.journeykpi.cli;

/** Lets tests in other packages run the CLI in-process. */
public final class CliHarness {
  private CliHarness() {}

  public static int exit(String... args) {
    return CliRunner.run(args).exitCode();
  }
}
