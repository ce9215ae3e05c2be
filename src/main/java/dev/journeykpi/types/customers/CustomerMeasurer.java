package dev.journeykpi.types.customers;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.CustomerActivity;
import dev.journeykpi.calc.HistoryRow;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.SharedBuilds;
import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * {@code customers}: who was active, new, lost and won back, from an activity export.
 *
 * <p>Active, dormant and reactivated are judged by {@link ActivityRules} (with {@code window:
 * period}, active at the period's end means activity in the period, and at its start, activity in
 * the period before). S = active at the end of the day before the period, E = active at the end of
 * its last day, N = first activity ever in the period. Churned = in S, not in E; churn rate =
 * churned ÷ S; retention (CRR) = (E − N) ÷ S. Reactivation rate = customers dormant at the start
 * who were active in the period ÷ dormant at the start. The customers behind these counts are
 * listed by {@link CustomerStates}, by the same rules.
 */
public final class CustomerMeasurer {
  private final CustomerDef def;
  private final String time;
  private final ActivityRules rules;
  private final SharedBuilds shared;

  public CustomerMeasurer(CustomerDef def, String time, BusinessCalendar calendar) {
    this(def, time, calendar, new SharedBuilds());
  }

  /**
   * @param shared where the activity histories are kept for the run's other customers KPIs over the
   *     same columns and rows
   */
  public CustomerMeasurer(
      CustomerDef def, String time, BusinessCalendar calendar, SharedBuilds shared) {
    this.shared = shared;
    this.def = def;
    this.time = time;
    this.rules = new ActivityRules(def, calendar);
  }

  /** The names of the extra dimensions this measure adds to the tidy rows. */
  public List<String> dimensions() {
    return switch (def.measure()) {
      case LIFECYCLE -> List.of("state");
      case COHORT -> List.of("cohort", "age");
      default -> List.of();
    };
  }

  public List<HistoryRow> measure(Table table, Selection rows, Period p) {
    CustomerActivity a =
        shared.get(
            table,
            java.util.Arrays.asList(
                "customer activity", def.customer(), time, def.order(), def.value()),
            rows,
            () -> CustomerActivity.of(table, rows, def.customer(), time, def.order(), def.value()));
    return rows(new ActivityCounts(def, rules, a), p);
  }

  /**
   * A group's rows in period p from its counts, however counted: the one final step of both
   * engines.
   */
  List<HistoryRow> rows(CustomerCounts c, Period p) {
    if (p.grain() == Period.Grain.ALL) {
      return List.of(
          new HistoryRow(List.of(), Measure.none(0, Note.of(Code.CUSTOMERS_NEED_PERIOD)), p));
    }
    Notes leftOut = leftOut(c, def.customer(), time);
    List<HistoryRow> parts =
        switch (def.measure()) {
          case LIFECYCLE -> lifecycle(c.lifecycle(p), p);
          case COHORT -> cohorts(c, p);
          default -> List.of(new HistoryRow(List.of(), single(c.single(p)), p));
        };
    if (leftOut.isEmpty()) return parts;
    return parts.stream()
        .map(x -> new HistoryRow(x.dims(), x.measure().withNote(leftOut), x.at(), x.unit()))
        .toList();
  }

  private static Notes leftOut(CustomerCounts c, String customer, String time) {
    List<Note> notes = new ArrayList<>();
    if (c.noCustomer() > 0)
      notes.add(Note.of(Code.ROWS_WITHOUT_LEFT_OUT, c.noCustomer(), customer));
    if (c.noDate() > 0) notes.add(Note.of(Code.ROWS_WITHOUT_LEFT_OUT, c.noDate(), time));
    return Notes.of(notes);
  }

  private Measure single(CustomerCounts.Single k) {
    Measure m = measureOf(k);
    return def.measure().countsOrders() && k.blankAmounts() > 0
        ? m.withNote(Note.of(Code.BLANK_AMOUNTS_NOT_ORDERS, k.blankAmounts(), def.value()))
        : m;
  }

  private Measure measureOf(CustomerCounts.Single k) {
    int s = k.s(),
        e = k.e(),
        n = k.n(),
        churned = k.churned(),
        dormantAtStart = k.dormantAtStart(),
        reactivatedFromStart = k.reactivatedFromStart(),
        reactivations = k.reactivations(),
        dormantAtEnd = k.dormantAtEnd();
    int buyers = k.buyers(), repeaters = k.repeaters(), orders = k.orders();
    double revenue = k.revenue();
    return switch (def.measure()) {
      case ACTIVE -> new Measure((double) e, null, null, e);
      case NEW -> new Measure((double) n, null, null, n);
      case CHURNED ->
          new Measure((double) churned, null, null, churned, Note.of(Code.ACTIVE_AT_START, s));
      case CHURN_RATE ->
          s == 0
              ? new Measure(null, (double) churned, 0.0, 0, Note.of(Code.NO_ACTIVE_AT_START))
              : new Measure((double) churned / s, (double) churned, (double) s, s);
      case RETENTION_RATE -> retention(e, k.newAtEnd(), n - k.newAtEnd(), s);
      case DORMANT -> new Measure((double) dormantAtEnd, null, null, dormantAtEnd);
      case REACTIVATED -> new Measure((double) reactivations, null, null, reactivations);
      case REACTIVATION_RATE ->
          dormantAtStart == 0
              ? new Measure(
                  null, (double) reactivatedFromStart, 0.0, 0, Note.of(Code.NO_DORMANT_AT_START))
              : new Measure(
                  (double) reactivatedFromStart / dormantAtStart,
                  (double) reactivatedFromStart,
                  (double) dormantAtStart,
                  dormantAtStart);
      case REPEAT_RATE ->
          buyers == 0
              ? new Measure(null, 0.0, 0.0, 0, Note.of(Code.NO_CUSTOMERS_WITH_ORDERS))
              : new Measure(
                  (double) repeaters / buyers, (double) repeaters, (double) buyers, buyers);
      case FREQUENCY ->
          buyers == 0
              ? Measure.none(0, Note.of(Code.NO_CUSTOMERS_WITH_ORDERS))
              : new Measure((double) orders / buyers, (double) orders, (double) buyers, buyers);
      case AOV ->
          orders == 0
              ? Measure.none(0, Note.of(Code.NO_ORDERS))
              : new Measure(revenue / orders, revenue, (double) orders, orders);
      case CLV -> clv(revenue, orders, buyers, churned, s);
      case LIFECYCLE, COHORT -> throw new IllegalStateException();
    };
  }

  /**
   * CRR = (E − N) ÷ S, N the period's new customers still active at the end: the formula assumes
   * every new customer is in E, so one that lapsed before the end (a window shorter than the
   * period: a year's CRR with a 90-day window) is left out of N as it is out of E — counted in N it
   * made the rate fall below zero. The lapsed new customers are named in a note.
   */
  private static Measure retention(int e, int n, int lapsedNew, int s) {
    Measure m =
        s == 0
            ? new Measure(null, (double) (e - n), 0.0, 0, Note.of(Code.NO_ACTIVE_AT_START))
            : new Measure(
                (double) (e - n) / s,
                (double) (e - n),
                (double) s,
                s,
                Note.of(Code.RETENTION_PARTS, e, n, s));
    return lapsedNew > 0 ? m.withNote(Note.of(Code.NEW_LAPSED_NOT_IN_N, lapsedNew)) : m;
  }

  /** CLV = AOV × purchase frequency × lifespan (periods), the formula and its parts in the note. */
  private Measure clv(double revenue, int orders, int buyers, int churned, int s) {
    if (orders == 0) return Measure.none(0, Note.of(Code.NO_ORDERS));
    double aov = revenue / orders;
    double frequency = (double) orders / buyers;
    Double lifespan = def.lifespan();
    Note parts;
    if (lifespan == null) {
      if (s == 0 || churned == 0) {
        return Measure.none(
            buyers,
            Note.of(s == 0 ? Code.LIFESPAN_CHURN_NOT_COMPUTABLE : Code.LIFESPAN_CHURN_ZERO));
      }
      lifespan = (double) s / churned;
      parts =
          Note.of(
              Code.CLV_FROM_CHURN,
              Note.decimal(aov, 2),
              Note.decimal(frequency, 4),
              Note.decimal(lifespan, 2),
              churned,
              s);
    } else {
      parts =
          Note.of(
              Code.CLV_GIVEN_LIFESPAN,
              Note.decimal(aov, 2),
              Note.decimal(frequency, 4),
              Note.plain(lifespan));
    }
    return new Measure(aov * frequency * lifespan, null, null, buyers, parts);
  }

  private List<HistoryRow> lifecycle(CustomerCounts.Lifecycle k, Period p) {
    int isNew = k.isNew(),
        returning = k.returning(),
        resurrecting = k.resurrecting(),
        dormant = k.dormant();
    return List.of(
        new HistoryRow(
            List.of("new"),
            new Measure((double) isNew, null, null, isNew, Note.of(Code.STATE_NEW)),
            p),
        new HistoryRow(
            List.of("returning"),
            new Measure((double) returning, null, null, returning, Note.of(Code.STATE_RETURNING)),
            p),
        new HistoryRow(
            List.of("resurrecting"),
            new Measure(
                (double) resurrecting, null, null, resurrecting, Note.of(Code.STATE_RESURRECTING)),
            p),
        new HistoryRow(
            List.of("dormant"),
            new Measure((double) dormant, null, null, dormant, Note.of(Code.STATE_DORMANT)),
            p));
  }

  /** Cohorts of the last N periods up to p; for each, the share active k periods later. */
  private List<HistoryRow> cohorts(CustomerCounts c, Period p) {
    List<Period> periods = p.lastN(def.cohorts());
    List<HistoryRow> out = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      int members = c.cohortSize(periods.get(i));
      for (int k = 0; i + k < periods.size(); k++) {
        int j = i + k;
        int retained = members == 0 ? 0 : c.retained(periods.get(i), periods.get(j));
        Measure m =
            members == 0
                ? new Measure(null, 0.0, 0.0, 0, Note.of(Code.NO_CUSTOMERS_IN_COHORT))
                : new Measure(
                    (double) retained / members, (double) retained, (double) members, members);
        out.add(
            new HistoryRow(
                List.of(periods.get(i).label(), Integer.toString(k)), m, periods.get(j)));
      }
    }
    return out;
  }
}
