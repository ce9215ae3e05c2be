package dev.journeykpi.cli;

import dev.journeykpi.model.Period;
import dev.journeykpi.model.PeriodChoice;
import dev.journeykpi.model.UsageException;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The reporting period: --period, or --from/--to, and --periods N for a trend. */
// addMethodSubcommands = false: picocli otherwise scans every method of a mixin for subcommands at
// each start.
@picocli.CommandLine.Command(addMethodSubcommands = false)
final class PeriodOptions {
  @Option(
      names = {"-p", "--period"},
      paramLabel = "PERIOD",
      description =
          "An ISO week (2026-W45, Monday to Sunday), month (2026-10), quarter (2026-Q3) or year"
              + " (2026); last (the last complete month of the data), last-week, last-quarter or"
              + " last-year. Default: all rows.")
  String period;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day of a custom period (yyyy-MM-dd).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last day of a custom period, inclusive.")
  LocalDate to;

  @Option(
      names = "--periods",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Report the last N periods ending at --period, as a trend (default: ${DEFAULT-VALUE}).")
  int periods;

  @Option(
      names = "--allow-empty-period",
      description =
          "Report a period that a source's dates do not reach at all, or a source with no data rows (otherwise a data error, exit 3: the export is likely out of date).")
  boolean allowEmptyPeriod;

  PeriodChoice resolve() {
    if (period != null && (from != null || to != null)) {
      throw new UsageException("give either --period or --from/--to, not both");
    }
    if ((from == null) != (to == null)) throw new UsageException("--from and --to go together");
    if (periods < 1) throw new UsageException("--periods must be at least 1");
    Period.Grain last = period == null ? null : PeriodChoice.lastGrain(period);
    if (last != null) return PeriodChoice.last(last, periods);
    Period p =
        period != null ? named(period) : from != null ? Period.between(from, to) : Period.ALL;
    return PeriodChoice.of(p.lastN(periods));
  }

  private static Period named(String text) {
    try {
      return Period.parse(text);
    } catch (UsageException e) {
      // A week that does not exist (2026-W54) has its own message; other forms list the words.
      if (!e.getMessage().contains(" is not ")) throw e;
      throw new UsageException(
          e.getMessage()
              + "; last, last-week, last-quarter and last-year name the data's last complete one");
    }
  }
}
