package dev.journeykpi.types.customers;

import static dev.journeykpi.types.customers.ActivityRules.epochDay;
import static dev.journeykpi.types.customers.ActivityRules.firstIn;

import dev.journeykpi.calc.CustomerActivity;
import dev.journeykpi.config.CustomerDef;
import dev.journeykpi.model.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default engine's {@link CustomerCounts}: each customer's activity days judged by {@link
 * ActivityRules}, one customer at a time.
 */
final class ActivityCounts implements CustomerCounts {
  private final CustomerDef def;
  private final ActivityRules rules;
  private final CustomerActivity a;
  private final Map<Period, List<Integer>> members = new HashMap<>();

  ActivityCounts(CustomerDef def, ActivityRules rules, CustomerActivity a) {
    this.def = def;
    this.rules = rules;
    this.a = a;
  }

  @Override
  public int noCustomer() {
    return a.noCustomer;
  }

  @Override
  public int noDate() {
    return a.noDate;
  }

  @Override
  public Single single(Period p) {
    int start = epochDay(p.start()), last = epochDay(p.endExclusive()) - 1;
    Period before = p.previous();
    int s = 0,
        e = 0,
        n = 0,
        newAtEnd = 0,
        blankAmounts = 0,
        churned = 0,
        dormantAtStart = 0,
        reactivatedFromStart = 0,
        reactivations = 0,
        dormantAtEnd = 0;
    int buyers = 0, repeaters = 0, orders = 0;
    double revenue = 0;
    Set<Integer> seenOrders = new HashSet<>();
    boolean amounts = a.hasAmounts();
    for (int c = 0; c < a.customers; c++) {
      boolean atStart = rules.active(a, c, start - 1, before);
      boolean atEnd = rules.active(a, c, last, p);
      boolean isNew = firstIn(a, c, start, last);
      if (atStart) s++;
      if (atEnd) e++;
      if (isNew) n++;
      if (isNew && atEnd) newAtEnd++;
      if (atStart && !atEnd) churned++;
      if (def.dormantAfter() != null) {
        boolean wasDormant = rules.dormant(a, c, start - 1);
        if (wasDormant) dormantAtStart++;
        if (wasDormant && a.activeBetween(c, start, last)) reactivatedFromStart++;
        if (rules.dormant(a, c, last)) dormantAtEnd++;
        reactivations += rules.reactivations(a, c, start, last);
      }
      // Orders in the period: distinct order ids among rows with a positive amount (a return is not
      // an order, nor a row whose amount is blank: a cancelled order's, in many exports); without
      // an
      // amount column every row's order id is an order.
      seenOrders.clear();
      for (int i = a.from[c]; i < a.from[c + 1]; i++) {
        if (a.day[i] < start || a.day[i] > last) continue;
        double v = a.value(i);
        if (amounts && Double.isNaN(v)) blankAmounts++;
        if (!amounts || v > 0) seenOrders.add(a.order(i));
        if (!Double.isNaN(v) && (v > 0 || def.returns() == CustomerDef.Returns.NET)) revenue += v;
      }
      if (!seenOrders.isEmpty()) buyers++;
      if (seenOrders.size() >= 2) repeaters++;
      orders += seenOrders.size();
    }
    return new Single(
        s,
        e,
        n,
        newAtEnd,
        churned,
        dormantAtStart,
        reactivatedFromStart,
        reactivations,
        dormantAtEnd,
        buyers,
        repeaters,
        orders,
        revenue,
        blankAmounts);
  }

  @Override
  public Lifecycle lifecycle(Period p) {
    int start = epochDay(p.start()), last = epochDay(p.endExclusive()) - 1;
    int prevStart = epochDay(p.previous().start());
    int isNew = 0, returning = 0, resurrecting = 0, dormant = 0;
    for (int c = 0; c < a.customers; c++) {
      boolean now = a.activeBetween(c, start, last);
      boolean prev = a.activeBetween(c, prevStart, start - 1);
      boolean first = firstIn(a, c, start, last);
      if (first) isNew++;
      else if (now && prev) returning++;
      else if (now) resurrecting++;
      else if (prev) dormant++;
    }
    return new Lifecycle(isNew, returning, resurrecting, dormant);
  }

  @Override
  public int cohortSize(Period cohort) {
    return members(cohort).size();
  }

  @Override
  public int retained(Period cohort, Period later) {
    int from = epochDay(later.start()), to = epochDay(later.endExclusive()) - 1;
    int retained = 0;
    for (int c : members(cohort)) if (a.activeBetween(c, from, to)) retained++;
    return retained;
  }

  private List<Integer> members(Period cohort) {
    return members.computeIfAbsent(
        cohort,
        q -> {
          int from = epochDay(q.start()), to = epochDay(q.endExclusive()) - 1;
          List<Integer> out = new java.util.ArrayList<>();
          for (int c = 0; c < a.customers; c++) {
            boolean in = def.recurring() ? a.activeBetween(c, from, to) : firstIn(a, c, from, to);
            if (in) out.add(c);
          }
          return out;
        });
  }
}
