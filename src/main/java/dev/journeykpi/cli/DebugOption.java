package dev.journeykpi.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: show stack traces of failures. */
final class DebugOption {
  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;
}
