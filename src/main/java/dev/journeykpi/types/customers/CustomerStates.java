package dev.journeykpi.types.customers;

import static dev.journeykpi.types.customers.ActivityRules.epochDay;
import static dev.journeykpi.types.customers.ActivityRules.firstIn;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.CustomerActivity;
import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.model.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * The state of each customer behind a customers KPI in a period — churned, new, still dormant… —
 * for the list {@code kpi leads} prints. Judged by the {@link ActivityRules} the KPI's numbers use,
 * so the list's churned customers are the churn count's; kept apart from {@link CustomerMeasurer}
 * because a list names customers where a measure only counts them.
 */
final class CustomerStates {
  private final CustomerDef def;
  private final String time;
  private final ActivityRules rules;

  CustomerStates(CustomerDef def, String time, BusinessCalendar calendar) {
    this.def = def;
    this.time = time;
    this.rules = new ActivityRules(def, calendar);
  }

  /**
   * A customer behind the KPI in period p: its state, its last activity on or before the period's
   * last day (the row it came from), and the days from that activity to the period's last day, in
   * the unit of the span that decides the state (working days when it is counted in working days).
   */
  record State(String customer, String status, int row, LocalDate lastActivity, long idle) {}

  /**
   * The statuses {@link #states} gives for a measure, in the order it lists them; empty when it has
   * no list.
   */
  static List<String> statuses(CustomerDef.Measure measure) {
    return switch (measure) {
      case ACTIVE, NEW, CHURNED, CHURN_RATE, RETENTION_RATE, CLV ->
          List.of("churned", "returned", "new", "retained");
      case DORMANT, REACTIVATED, REACTIVATION_RATE ->
          List.of("went dormant", "still dormant", "reactivated", "lapsed and back");
      case LIFECYCLE -> List.of("dormant", "resurrecting", "new", "returning");
      default -> List.of();
    };
  }

  /**
   * The customers behind the KPI in period p, by the same rules as its value: for churn, retention,
   * active and new (and CLV's churn), those active at the start or the end or new in the period —
   * churned (active at the start, not at the end), returned (active at the end, neither at the
   * start nor new), new, retained; for dormancy and reactivation, those dormant at the start or the
   * end or reactivated in the period — reactivated (dormant at the start, active in the period),
   * still dormant (dormant at the start, no activity), lapsed and back (went dormant and was
   * reactivated within the period), went dormant (dormant at the end only); for the lifecycle, its
   * four states. Ordered by status, then the most recent activity first (the likeliest to come
   * back), then id.
   */
  List<State> states(Table table, Selection rows, Period p) {
    CustomerActivity a =
        CustomerActivity.of(table, rows, def.customer(), time, def.order(), def.value());
    int start = epochDay(p.start()), last = epochDay(p.endExclusive()) - 1;
    Period before = p.previous();
    List<String> order = statuses(def.measure());
    List<State> out = new ArrayList<>();
    for (int c = 0; c < a.customers; c++) {
      String status = null;
      TimeSpan unit = null;
      switch (def.measure()) {
        case ACTIVE, NEW, CHURNED, CHURN_RATE, RETENTION_RATE, CLV -> {
          boolean atStart = rules.active(a, c, start - 1, before);
          boolean atEnd = rules.active(a, c, last, p);
          boolean isNew = firstIn(a, c, start, last);
          status =
              atStart && !atEnd
                  ? "churned"
                  : isNew ? "new" : atStart ? "retained" : atEnd ? "returned" : null;
          unit = def.window();
        }
        case DORMANT, REACTIVATED, REACTIVATION_RATE -> {
          boolean wasDormant = rules.dormant(a, c, start - 1);
          boolean activeNow = a.activeBetween(c, start, last);
          status =
              wasDormant
                  ? (activeNow ? "reactivated" : "still dormant")
                  : rules.reactivations(a, c, start, last) > 0
                      ? "lapsed and back"
                      : rules.dormant(a, c, last) ? "went dormant" : null;
          unit = def.dormantAfter();
        }
        case LIFECYCLE -> {
          boolean now = a.activeBetween(c, start, last);
          boolean prev = a.activeBetween(c, epochDay(before.start()), start - 1);
          boolean first = firstIn(a, c, start, last);
          status =
              first
                  ? "new"
                  : now && prev ? "returning" : now ? "resurrecting" : prev ? "dormant" : null;
        }
        default ->
            throw new IllegalArgumentException("no customer list for " + def.measure().yamlName());
      }
      if (status == null) continue;
      int i = a.lastOnOrBefore(c, last);
      long idle = unit == null ? last - a.day[i] : rules.gap(a.day[i], last, unit);
      out.add(new State(a.ids[c], status, a.row[i], LocalDate.ofEpochDay(a.day[i]), idle));
    }
    out.sort(
        java.util.Comparator.comparingInt((State x) -> order.indexOf(x.status()))
            .thenComparingLong(State::idle)
            .thenComparing(State::customer));
    return out;
  }
}
