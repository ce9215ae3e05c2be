package dev.journeykpi.config;

/**
 * How a {@code customers} KPI reads an activity export (orders, invoices, contracts, tickets): rows
 * of the KPI's population ({@code where}) are activities, placed in time by the KPI's {@code time}
 * column.
 *
 * @param measure what is counted or computed
 * @param customer the customer id column; rows without one are left out of customer KPIs and
 *     counted
 * @param window how long after an activity a customer stays active: a span, or null for "within the
 *     period" (a customer is active in a period when it has activity in it)
 * @param dormantAfter the inactivity after which a customer is dormant (reactivation), or null when
 *     not used
 * @param order the order (invoice) id column, so several lines of one order are one order; null:
 *     each row is one
 * @param value the amount column, for AOV and CLV; null when not used
 * @param returns how rows with a negative amount are treated: NET (they reduce revenue, the
 *     default) or EXCLUDE
 * @param lifespan CLV's expected lifespan in periods, or null to derive it as 1 ÷ the period's
 *     churn rate
 * @param cohorts for cohort matrices: how many cohorts (periods) up to the reported one
 * @param recurring for cohort matrices: cohorts of every customer active in a period, rather than
 *     of first-time ones
 */
public record CustomerDef(
    Measure measure,
    String customer,
    TimeSpan window,
    TimeSpan dormantAfter,
    String order,
    String value,
    Returns returns,
    Double lifespan,
    int cohorts,
    boolean recurring) {

  public enum Measure {
    ACTIVE,
    NEW,
    CHURNED,
    CHURN_RATE,
    RETENTION_RATE,
    DORMANT,
    REACTIVATED,
    REACTIVATION_RATE,
    LIFECYCLE,
    REPEAT_RATE,
    FREQUENCY,
    AOV,
    CLV,
    COHORT;

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Measures that count orders (so rows with a blank amount, which are not orders, are said). */
    public boolean countsOrders() {
      return switch (this) {
        case REPEAT_RATE, FREQUENCY, AOV, CLV -> true;
        default -> false;
      };
    }

    /** Measures that need the dormancy threshold. */
    public boolean needsDormancy() {
      return this == DORMANT || this == REACTIVATED || this == REACTIVATION_RATE;
    }

    /** Measures that need the activity window. */
    public boolean needsWindow() {
      return this == ACTIVE
          || this == CHURNED
          || this == CHURN_RATE
          || this == RETENTION_RATE
          || this == CLV;
    }

    public boolean isRate() {
      return this == CHURN_RATE
          || this == RETENTION_RATE
          || this == REACTIVATION_RATE
          || this == REPEAT_RATE
          || this == COHORT;
    }
  }

  public enum Returns {
    NET,
    EXCLUDE
  }
}
