package dev.journeykpi.cli;

import picocli.CommandLine.Option;

/**
 * {@code --lang en|vi}: the language of the output for people; by default the definition's {@code
 * locale}.
 */
// addMethodSubcommands = false: picocli otherwise scans every method of a mixin for subcommands at
// each start.
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class LangOption {
  enum Lang {
    EN,
    VI
  }

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description = "en or vi (default: the definition's locale).")
  Lang lang;

  /** The chosen language as the definitions write it ("en", "vi"), or null when none was given. */
  String orNull() {
    return lang == null ? null : lang.name().toLowerCase(java.util.Locale.ROOT);
  }
}
