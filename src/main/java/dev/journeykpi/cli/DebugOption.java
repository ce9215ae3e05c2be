package dev.journeykpi.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: show stack traces of failures. */
// addMethodSubcommands = false: picocli otherwise scans every method of a mixin for subcommands at
// each start.
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class DebugOption {
  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;
}
