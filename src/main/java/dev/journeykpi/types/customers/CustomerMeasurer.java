package dev.journeykpi.types.customers;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.CustomerActivity;
import dev.journeykpi.calc.HistoryRow;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.config.TimeSpan;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import dev.journeykpi.model.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * {@code customers}: who was active, new, lost and won back, from an activity export.
 *
 * <p>Days are the unit. With a window of W days, a customer is <em>active at the end of day d</em>
 * when its last activity on or before d is less than W days before d (W working days: fewer than W
 * working days in (last, d]); with {@code window: period}, active at the period's end means
 * activity in the period, and at its start, activity in the period before. S = active at the end of
 * the day before the period, E = active at the end of its last day, N = first activity ever in the
 * period. Churned = in S, not in E; churn rate = churned ÷ S; retention (CRR) = (E − N) ÷ S. A
 * customer is <em>dormant at the end of day d</em> when at least D days (or working days) in (last
 * activity, d] passed; an activity on day b is a <em>reactivation</em> when the customer was
 * dormant at the end of day b − 1 — once per dormancy episode. Reactivation rate = customers
 * dormant at the start who were active in the period ÷ dormant at the start.
 */
public final class CustomerMeasurer {
  private final CustomerDef def;
  private final String time;
  private final BusinessCalendar calendar;
  private final Map<Selection, CustomerActivity> built = new IdentityHashMap<>();

  public CustomerMeasurer(CustomerDef def, String time, BusinessCalendar calendar) {
    this.def = def;
    this.time = time;
    this.calendar = calendar;
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
        built.computeIfAbsent(
            rows,
            r -> CustomerActivity.of(table, r, def.customer(), time, def.order(), def.value()));
    Notes leftOut = leftOut(a, def.customer(), time);
    if (p.grain() == Period.Grain.ALL) {
      return List.of(
          new HistoryRow(List.of(), Measure.none(0, Note.of(Code.CUSTOMERS_NEED_PERIOD)), p));
    }
    List<HistoryRow> parts =
        switch (def.measure()) {
          case LIFECYCLE -> lifecycle(a, p);
          case COHORT -> cohorts(a, p);
          default -> List.of(new HistoryRow(List.of(), single(a, p), p));
        };
    if (leftOut.isEmpty()) return parts;
    return parts.stream()
        .map(x -> new HistoryRow(x.dims(), x.measure().withNote(leftOut), x.at(), x.unit()))
        .toList();
  }

  private static Notes leftOut(CustomerActivity a, String customer, String time) {
    List<Note> notes = new ArrayList<>();
    if (a.noCustomer > 0) notes.add(Note.of(Code.ROWS_WITHOUT_LEFT_OUT, a.noCustomer, customer));
    if (a.noDate > 0) notes.add(Note.of(Code.ROWS_WITHOUT_LEFT_OUT, a.noDate, time));
    return Notes.of(notes);
  }

  private static int epochDay(LocalDate d) {
    return (int) d.toEpochDay();
  }

  /** Days from a to b (a ≤ b) in the span's unit: calendar days, or working days in (a, b]. */
  private long gap(int a, int b, TimeSpan span) {
    if (!span.isWorkingDays()) return b - a;
    return calendar.workingDaysBetween(LocalDate.ofEpochDay(a), LocalDate.ofEpochDay(b));
  }

  private long length(TimeSpan span) {
    return span.isWorkingDays() ? span.workingDays() : span.seconds() / 86400;
  }

  /** Active at the end of day d (window of days), or in the period ending on d (window: period). */
  private boolean active(CustomerActivity a, int c, int d, Period periodEndingOnD) {
    if (def.window() == null) {
      return a.activeBetween(
          c, epochDay(periodEndingOnD.start()), epochDay(periodEndingOnD.endExclusive()) - 1);
    }
    int i = a.lastOnOrBefore(c, d);
    return i >= 0 && gap(a.day[i], d, def.window()) < length(def.window());
  }

  private boolean dormant(CustomerActivity a, int c, int d) {
    int i = a.lastOnOrBefore(c, d);
    return i >= 0 && gap(a.day[i], d, def.dormantAfter()) >= length(def.dormantAfter());
  }

  /**
   * Customer c's reactivations on days in [start, last]: activities after a dormant spell, once per
   * spell.
   */
  private int reactivations(CustomerActivity a, int c, int start, int last) {
    int n = 0;
    for (int i = a.from[c] + 1; i < a.from[c + 1]; i++) {
      int b = a.day[i];
      if (b < start || b > last) continue;
      int prev = a.day[i - 1];
      if (prev < b && gap(prev, b - 1, def.dormantAfter()) >= length(def.dormantAfter())) n++;
    }
    return n;
  }

  private Measure single(CustomerActivity a, Period p) {
    int start = epochDay(p.start()), last = epochDay(p.endExclusive()) - 1;
    Period before = p.previous();
    int s = 0,
        e = 0,
        n = 0,
        churned = 0,
        dormantAtStart = 0,
        reactivatedFromStart = 0,
        reactivations = 0,
        dormantAtEnd = 0;
    int buyers = 0, repeaters = 0, orders = 0;
    double revenue = 0;
    java.util.Set<Integer> seenOrders = new java.util.HashSet<>();
    for (int c = 0; c < a.customers; c++) {
      boolean atStart = active(a, c, start - 1, before);
      boolean atEnd = active(a, c, last, p);
      boolean isNew = a.firstDay(c) >= start && a.firstDay(c) <= last;
      if (atStart) s++;
      if (atEnd) e++;
      if (isNew) n++;
      if (atStart && !atEnd) churned++;
      if (def.dormantAfter() != null) {
        boolean wasDormant = dormant(a, c, start - 1);
        if (wasDormant) dormantAtStart++;
        if (wasDormant && a.activeBetween(c, start, last)) reactivatedFromStart++;
        if (dormant(a, c, last)) dormantAtEnd++;
        reactivations += reactivations(a, c, start, last);
      }
      // Orders in the period: distinct order ids among rows with a positive amount (a return is not
      // an order).
      seenOrders.clear();
      for (int i = a.from[c]; i < a.from[c + 1]; i++) {
        if (a.day[i] < start || a.day[i] > last) continue;
        double v = a.value[i];
        if (Double.isNaN(v) || v > 0) seenOrders.add(a.order[i]);
        if (!Double.isNaN(v)
            && (v > 0 || def.returns() == dev.journeykpi.config.CustomerDef.Returns.NET))
          revenue += v;
      }
      if (!seenOrders.isEmpty()) buyers++;
      if (seenOrders.size() >= 2) repeaters++;
      orders += seenOrders.size();
    }
    return switch (def.measure()) {
      case ACTIVE -> new Measure((double) e, null, null, e);
      case NEW -> new Measure((double) n, null, null, n);
      case CHURNED ->
          new Measure((double) churned, null, null, churned, Note.of(Code.ACTIVE_AT_START, s));
      case CHURN_RATE ->
          s == 0
              ? new Measure(null, (double) churned, 0.0, 0, Note.of(Code.NO_ACTIVE_AT_START))
              : new Measure((double) churned / s, (double) churned, (double) s, s);
      case RETENTION_RATE ->
          s == 0
              ? new Measure(null, (double) (e - n), 0.0, 0, Note.of(Code.NO_ACTIVE_AT_START))
              : new Measure(
                  (double) (e - n) / s,
                  (double) (e - n),
                  (double) s,
                  s,
                  Note.of(Code.RETENTION_PARTS, e, n, s));
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
   * A customer behind the KPI in period p: its state, its last activity on or before the period's
   * last day (the row it came from), and the days from that activity to the period's last day, in
   * the unit of the span that decides the state (working days when it is counted in working days).
   */
  record State(String customer, String status, int row, LocalDate lastActivity, long idle) {}

  /**
   * The statuses {@link #states} gives for a measure, in the order it lists them; empty when it has
   * no list.
   */
  static List<String> statuses(dev.journeykpi.config.CustomerDef.Measure measure) {
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
          boolean atStart = active(a, c, start - 1, before);
          boolean atEnd = active(a, c, last, p);
          boolean isNew = a.firstDay(c) >= start && a.firstDay(c) <= last;
          status =
              atStart && !atEnd
                  ? "churned"
                  : isNew ? "new" : atStart ? "retained" : atEnd ? "returned" : null;
          unit = def.window();
        }
        case DORMANT, REACTIVATED, REACTIVATION_RATE -> {
          boolean wasDormant = dormant(a, c, start - 1);
          boolean activeNow = a.activeBetween(c, start, last);
          status =
              wasDormant
                  ? (activeNow ? "reactivated" : "still dormant")
                  : reactivations(a, c, start, last) > 0
                      ? "lapsed and back"
                      : dormant(a, c, last) ? "went dormant" : null;
          unit = def.dormantAfter();
        }
        case LIFECYCLE -> {
          boolean now = a.activeBetween(c, start, last);
          boolean prev = a.activeBetween(c, epochDay(before.start()), start - 1);
          boolean first = a.firstDay(c) >= start && a.firstDay(c) <= last;
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
      long idle = unit == null ? last - a.day[i] : gap(a.day[i], last, unit);
      out.add(new State(a.ids[c], status, a.row[i], LocalDate.ofEpochDay(a.day[i]), idle));
    }
    out.sort(
        java.util.Comparator.comparingInt((State x) -> order.indexOf(x.status()))
            .thenComparingLong(State::idle)
            .thenComparing(State::customer));
    return out;
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

  private List<HistoryRow> lifecycle(CustomerActivity a, Period p) {
    int start = epochDay(p.start()), last = epochDay(p.endExclusive()) - 1;
    Period before = p.previous();
    int prevStart = epochDay(before.start());
    int isNew = 0, returning = 0, resurrecting = 0, dormant = 0;
    for (int c = 0; c < a.customers; c++) {
      boolean now = a.activeBetween(c, start, last);
      boolean prev = a.activeBetween(c, prevStart, start - 1);
      boolean first = a.firstDay(c) >= start && a.firstDay(c) <= last;
      if (first) isNew++;
      else if (now && prev) returning++;
      else if (now) resurrecting++;
      else if (prev) dormant++;
    }
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
  private List<HistoryRow> cohorts(CustomerActivity a, Period p) {
    List<Period> periods = p.lastN(def.cohorts());
    int[][] bounds = new int[periods.size()][];
    for (int i = 0; i < periods.size(); i++) {
      bounds[i] =
          new int[] {epochDay(periods.get(i).start()), epochDay(periods.get(i).endExclusive()) - 1};
    }
    List<HistoryRow> out = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      List<Integer> members = new ArrayList<>();
      for (int c = 0; c < a.customers; c++) {
        boolean in =
            def.recurring()
                ? a.activeBetween(c, bounds[i][0], bounds[i][1])
                : a.firstDay(c) >= bounds[i][0] && a.firstDay(c) <= bounds[i][1];
        if (in) members.add(c);
      }
      for (int k = 0; i + k < periods.size(); k++) {
        int j = i + k;
        int retained = 0;
        for (int c : members) if (a.activeBetween(c, bounds[j][0], bounds[j][1])) retained++;
        Measure m =
            members.isEmpty()
                ? new Measure(null, 0.0, 0.0, 0, Note.of(Code.NO_CUSTOMERS_IN_COHORT))
                : new Measure(
                    (double) retained / members.size(),
                    (double) retained,
                    (double) members.size(),
                    members.size());
        out.add(
            new HistoryRow(
                List.of(periods.get(i).label(), Integer.toString(k)), m, periods.get(j)));
      }
    }
    return out;
  }
}
