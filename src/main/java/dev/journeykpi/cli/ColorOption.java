package dev.journeykpi.cli;

import picocli.CommandLine.Option;

/**
 * {@code --color auto|always|never}: the statuses of the terminal view in colour, as ls, git and
 * grep offer it. By default (auto) only when standard output is a terminal, {@code NO_COLOR} is
 * unset or empty (no-color.org) and {@code TERM} is not {@code dumb}: a pipe, a file or a cron job
 * gets plain text. {@code always} (also {@code --color} alone) colours even a pipe, for {@code less
 * -R}, and wins over {@code NO_COLOR}, as no-color.org asks of an explicit option.
 */
// addMethodSubcommands = false: picocli otherwise scans every method of a mixin for subcommands at
// each start.
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class ColorOption {
  enum When {
    AUTO,
    ALWAYS,
    NEVER
  }

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      arity = "0..1",
      fallbackValue = "always",
      description =
          "auto, always or never: the table's statuses in green, amber and red (default auto: when"
              + " standard output is a terminal and NO_COLOR is not set).")
  When when = When.AUTO;

  /**
   * Whether this run colours its terminal view. Java 17 tells a terminal only through {@code
   * System.console()}, which is null when standard input or output is redirected: {@code kpi report
   * < x} in a terminal stays plain, which errs on the quiet side.
   */
  boolean colours() {
    return colours(
        when, System.getenv("NO_COLOR"), System.getenv("TERM"), System.console() != null);
  }

  /**
   * The rule, apart from the process's environment.
   *
   * @param noColor {@code NO_COLOR}'s value, null when unset
   * @param term {@code TERM}'s value, null when unset
   * @param terminal standard output is a terminal
   */
  static boolean colours(When when, String noColor, String term, boolean terminal) {
    return switch (when) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
    };
  }
}
