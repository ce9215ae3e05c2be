package dev.journeykpi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An option given an empty value ({@code --config=}, {@code --period ""}: a script's variable that
 * was never set) is named as such, before picocli binds it: bound, the empty text reached the check
 * of what it names, which quoted it ("definition file '' does not exist", "cannot write : is a
 * directory") without saying which option it was.
 */
final class EmptyOptionValues {
  private EmptyOptionValues() {}

  /**
   * The first option of {@code args} that takes a value and was given an empty one, as the message
   * to print, or null. {@code root} has its verbs registered; {@code --} ends the options.
   */
  static String find(CommandLine root, String[] args) {
    CommandLine cmd = root;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) return null;
      if (i == 0 && root.getSubcommands().containsKey(a)) {
        cmd = root.getSubcommands().get(a);
        continue;
      }
      if (!a.startsWith("-")) continue;
      int eq = a.indexOf('=');
      OptionSpec o = cmd.getCommandSpec().findOption(eq < 0 ? a : a.substring(0, eq));
      if (o == null || o.arity().max() == 0) continue; // not an option, or a flag
      String value;
      if (eq >= 0) {
        value = a.substring(eq + 1);
      } else if (o.arity().min() > 0) {
        value = i + 1 < args.length ? args[i + 1] : null;
        i++; // the value, whatever it is, is not an option
      } else {
        continue; // an optional value (--color[=WHEN]) is only given after '='
      }
      if (value == null) continue; // picocli says it is missing
      String name = o.longestName();
      if (value.isEmpty()) {
        return "option '" + name + "' needs a value (" + o.paramLabel() + "), not an empty one";
      }
      // --data checks= : a map's KEY=VALUE with either side empty.
      int sep = value.indexOf('=');
      if (o.typeInfo().isMap() && sep >= 0) {
        String label = o.paramLabel();
        int labelSep = label.indexOf('=');
        String keyLabel = labelSep < 0 ? "KEY" : label.substring(0, labelSep);
        String valueLabel = labelSep < 0 ? "VALUE" : label.substring(labelSep + 1);
        if (sep == value.length() - 1)
          return "option '"
              + name
              + "' needs a "
              + valueLabel
              + " after '"
              + value
              + "', not an empty one";
        if (sep == 0)
          return "option '"
              + name
              + "' needs a "
              + keyLabel
              + " before '"
              + value
              + "', not an empty one";
      }
    }
    return null;
  }
}
