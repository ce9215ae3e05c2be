package dev.journeykpi.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Where the import cache is (docs/performance.md, "The import cache"): {@code --no-cache}, else
 * {@code --cache-dir}, else none when {@code KPI_CACHE=off} (a cron job that wants none), else
 * {@code $XDG_CACHE_HOME/kpi}, else {@code ~/.cache/kpi}. The command line wins over the
 * environment.
 */
// addMethodSubcommands = false: picocli otherwise scans every method of a mixin for subcommands at
// each start.
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class CacheOptions {
  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Keep imported exports in DIR, so the next run over the same files skips parsing them"
              + " (default: $XDG_CACHE_HOME/kpi or ~/.cache/kpi).")
  Path dir;

  @Option(
      names = "--no-cache",
      description = "Neither read nor write the import cache (also: KPI_CACHE=off).")
  boolean off;

  private static final Set<String> OFF = Set.of("off", "0", "false", "no");

  /** The cache folder this run uses, or null for none. */
  Path dir() {
    // $HOME as the shell (and ~ in the docs) means it: Java's user.home is the account's home from
    // the password file, which a cron job or `HOME=/data kpi …` does not change.
    String home = System.getenv("HOME");
    return dir(
        System.getenv(),
        home != null && Path.of(home).isAbsolute() ? home : System.getProperty("user.home"));
  }

  Path dir(Map<String, String> env, String home) {
    if (off) return null;
    if (dir != null) return dir;
    String setting = env.get("KPI_CACHE");
    if (setting != null && OFF.contains(setting.trim().toLowerCase(Locale.ROOT))) return null;
    String xdg = env.get("XDG_CACHE_HOME");
    // The XDG rule: a relative path is invalid and ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "kpi");
    return home == null ? null : Path.of(home, ".cache", "kpi");
  }
}
