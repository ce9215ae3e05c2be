package dev.journeykpi.engine;

import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.UsageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-quality verdicts that fail a run with exit 3. A source of which rows were read but none
 * used gives a scorecard of zeros that looks like a quiet month (every row rejected after a client
 * changed its date format), so it fails the run whatever the flags; {@code --max-rejected} sets the
 * share of rejected rows a source may have.
 */
public final class QualityGate {
  private QualityGate() {}

  /** The rows rejected over every source the scorecard read. */
  public static long rowsRejected(dev.journeykpi.model.Scorecard card) {
    return card.quality().stream().mapToLong(QualityReport::rowsRejected).sum();
  }

  /** Whether no source the scorecard read had a row rejected, a cell blanked or a value cleaned. */
  public static boolean isClean(dev.journeykpi.model.Scorecard card) {
    return card.quality().stream().allMatch(QualityReport::isClean);
  }

  /**
   * One line per source whose files have no data row at all (a header only), naming them: {@code
   * source 's': d.csv has no data rows (only a header): is the export complete?}.
   */
  public static List<String> noDataRows(List<QualityReport> reports) {
    List<String> out = new ArrayList<>();
    for (QualityReport q : reports) {
      if (q.rowsRead() > 0) continue;
      String files = String.join(", ", q.files());
      out.add(
          "source '"
              + q.source()
              + "': "
              + (q.files().isEmpty()
                  ? "it has"
                  : files + (q.files().size() == 1 ? " has" : " have"))
              + " no data rows (only a header): is the export complete?");
    }
    return out;
  }

  /**
   * One line per source with rows read and none used, naming the commonest reason and its first
   * example.
   */
  public static List<String> noRowUsed(List<QualityReport> reports) {
    List<String> out = new ArrayList<>();
    for (QualityReport q : reports) {
      if (q.rowsRead() == 0 || q.rowsUsed() > 0) continue;
      StringBuilder b =
          new StringBuilder("source '")
              .append(q.source())
              .append("': ")
              .append(
                  q.rowsRead() == 1
                      ? "its one row could not be used"
                      : "none of its " + q.rowsRead() + " rows could be used");
      q.rejected().entrySet().stream()
          .max(java.util.Comparator.comparingLong(e -> e.getValue().count()))
          .ifPresent(
              e -> {
                b.append(" (")
                    .append(e.getValue().count())
                    .append(" rejected for ")
                    .append(e.getKey());
                if (!e.getValue().examples().isEmpty()) {
                  QualityReport.Problem p = e.getValue().examples().get(0);
                  b.append(", e.g. ")
                      .append(p.where())
                      .append(" '")
                      .append(p.value() == null ? "" : p.value())
                      .append('\'');
                }
                b.append(')');
              });
      out.add(b.toString());
    }
    return out;
  }

  /**
   * Under --strict, one line per source with rejected rows, naming it and its count, so the user
   * knows where to look.
   */
  public static List<String> rejectedUnderStrict(List<QualityReport> reports) {
    List<String> out = new ArrayList<>();
    for (QualityReport q : reports) {
      if (q.rowsRejected() == 0) continue;
      out.add(
          "source '"
              + q.source()
              + "': "
              + dev.journeykpi.report.Counts.of(q.rowsRejected(), "row", "rows")
              + " rejected and --strict is set");
    }
    return out;
  }

  /**
   * Sources whose dates do not reach the period: {@code errors} stop the run (exit 3), {@code
   * warnings} are said.
   */
  public record Unreached(List<String> errors, List<String> warnings) {}

  /**
   * The sources whose dates do not reach the period at all: they end before it begins (last month's
   * run on an export nobody refreshed) or begin after it ends. When no source reaches it, the
   * scorecard would be all zeros and empty values that look like a quiet month: every such source
   * is an error. So is one whose KPIs judge a whole history (customers, backlog, stalled leads),
   * which gives wrong numbers there (every customer churned, every ticket still open). Otherwise, a
   * source that other sources outlast (a survey run in October only, in November's scorecard) is a
   * warning: its KPIs are empty for the period, each with its reason. {@code allowEmpty} makes
   * errors warnings.
   */
  public static Unreached periodNotReached(
      List<QualityReport> reports, dev.journeykpi.model.Period period, boolean allowEmpty) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (period.grain() == dev.journeykpi.model.Period.Grain.ALL)
      return new Unreached(errors, warnings);
    List<QualityReport> dated = reports.stream().filter(q -> q.datedBy() != null).toList();
    boolean noneReached =
        dated.stream()
            .noneMatch(
                q -> new dev.journeykpi.calc.DataSpan(q.firstDay(), q.lastDay()).reaches(period));
    for (QualityReport q : dated) {
      if (new dev.journeykpi.calc.DataSpan(q.firstDay(), q.lastDay()).reaches(period)) continue;
      boolean before = q.lastDay().isBefore(period.start());
      String line =
          "source '"
              + q.source()
              + "': its dates ("
              + q.datedBy()
              + ") "
              + (before
                  ? "end "
                      + q.lastDay()
                      + ", before the period "
                      + period.label()
                      + " begins: is the export up to date?"
                  : "begin " + q.firstDay() + ", after the period " + period.label() + " ends");
      if (!allowEmpty && (noneReached || q.judgesHistory())) {
        errors.add(line);
      } else {
        warnings.add(
            line
                + "; its KPIs have no rows in the period"
                + (q.judgesHistory() ? " and judge histories that stop before it" : ""));
      }
    }
    return new Unreached(errors, warnings);
  }

  /**
   * One line per source whose rejected rows are more than {@code maxPercent} % of the rows it read:
   * 5 of 100 rows is within 5 %, 6 of 100 is not. Compared in decimal, exactly: 0.1 % and the like
   * have no exact binary fraction.
   */
  public static List<String> overRejected(List<QualityReport> reports, BigDecimal maxPercent) {
    List<String> out = new ArrayList<>();
    for (QualityReport q : reports) {
      long rejected = q.rowsRejected();
      if (q.rowsRead() == 0) continue;
      BigDecimal allowed = maxPercent.multiply(BigDecimal.valueOf(q.rowsRead()));
      if (BigDecimal.valueOf(rejected).multiply(BigDecimal.valueOf(100)).compareTo(allowed) <= 0)
        continue;
      out.add(
          "source '"
              + q.source()
              + "': "
              + percent(rejected, q.rowsRead(), maxPercent)
              + " of its rows rejected ("
              + rejected
              + " of "
              + q.rowsRead()
              + "), more than --max-rejected "
              + maxPercent.stripTrailingZeros().toPlainString()
              + "%");
    }
    return out;
  }

  /**
   * A share as a percentage with one decimal (2 of 641: 0.3%), or as many more as it takes to show
   * it above the limit (0.31% against a limit of 0.3%), up to four.
   */
  static String percent(long part, long whole, BigDecimal limit) {
    BigDecimal exact = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100));
    BigDecimal shown = null;
    for (int decimals = 1; decimals <= 4; decimals++) {
      shown = exact.divide(BigDecimal.valueOf(whole), decimals, java.math.RoundingMode.HALF_UP);
      if (shown.compareTo(limit) > 0) break;
    }
    return shown.toPlainString() + "%";
  }

  /**
   * Parses {@code 5%} or {@code 0.5%} to its percentage (5, 0.5). The percent sign is required: a
   * bare {@code 0.05} could mean 5 % or 0.05 %.
   */
  public static BigDecimal parsePercent(String text) {
    String t = text.strip();
    if (t.endsWith("%")) {
      try {
        BigDecimal v = new BigDecimal(t.substring(0, t.length() - 1).strip());
        if (v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0) return v;
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    throw new UsageException(
        "--max-rejected '" + text + "' is not a share between 0% and 100%, such as 5% or 0.5%");
  }
}
