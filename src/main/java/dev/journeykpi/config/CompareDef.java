package dev.journeykpi.config;

/**
 * A KPI's {@code compare: { by: script_version, control: "v1" }} (issue 20): the KPI is broken down
 * by the column {@code by}, and every other value of it (a variant) is compared with the {@code
 * control} group — its difference, a confidence interval of it and a p-value, by the test its type
 * names ({@link Test}).
 *
 * @param at where {@code compare:} is written
 * @param controlAt where its control value is written, for the warning when no row has it
 */
public record CompareDef(String by, String control, Location at, Location controlAt) {
  /**
   * Rounds of the bootstrap: enough for a 95 % interval's ends (the 50th and 1,950th of 2,000
   * sorted differences) to settle to about a tenth of its width. Here, not in calc, because the
   * views name it.
   */
  public static final int BOOTSTRAP_RESAMPLES = 2000;

  /** The seed of every bootstrap comparison's generator (the number). */
  public static final long BOOTSTRAP_SEED = 20;

  /** How a type's values are compared. */
  public enum Method {
    /** Shares of counted rows: Newcombe's hybrid score interval, the pooled z-test's p-value. */
    NEWCOMBE("newcombe-hybrid-score"),
    /** Means: Welch's t interval and test. */
    WELCH("welch-t"),
    /** Net Promoter Scores: the trinomial variance, normal interval and test. */
    NPS("nps-trinomial"),
    /** Medians, percentiles, a duration's median or percentile: a seeded percentile bootstrap. */
    BOOTSTRAP("bootstrap-percentile");

    private final String machine;

    Method(String machine) {
      this.machine = machine;
    }

    /** The method as CSV and JSON name it. */
    public String machineText() {
      return machine;
    }
  }

  /**
   * How a KPI's values are compared: the method, and for a bootstrap the statistic each resample is
   * summarised by (the KPI's own: a median, a p90).
   */
  public record Test(Method method, Statistic statistic) {
    public static Test of(Method method) {
      return new Test(method, null);
    }
  }
}
