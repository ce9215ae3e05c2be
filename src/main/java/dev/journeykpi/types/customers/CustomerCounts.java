package dev.journeykpi.types.customers;

import dev.journeykpi.model.Period;

/**
 * The counts a customers KPI's rows rest on, for one breakdown group: counted from the activity
 * arrays by the default engine ({@link ActivityCounts}), or by an SQL engine's query ({@link
 * CustomersSql}). {@link CustomerMeasurer#rows} makes the rows from them, one code for both
 * engines, so that values, notes and edge cases agree.
 */
interface CustomerCounts {
  /** The group's rows without a customer id (but with a date): not activity, said in a note. */
  int noCustomer();

  /** The group's rows without a date: not activity, said in a note. */
  int noDate();

  /** The counts behind the single-number measures in period p. */
  Single single(Period p);

  /** The customers in each lifecycle state in period p. */
  Lifecycle lifecycle(Period p);

  /** The customers of a cohort: first active (or, recurring, active) in the period. */
  int cohortSize(Period cohort);

  /** The cohort's customers active in a later period (or the cohort's own). */
  int retained(Period cohort, Period later);

  /**
   * A period's counts: active at the start (s) and end (e), new (n) and of those still active at
   * the end (newAtEnd), churned, dormant at the start, of those active in the period, reactivations
   * (once per dormancy episode), dormant at the end; customers with an order, with two or more, the
   * orders, the revenue, and the period's activities whose amount is blank (not orders).
   */
  record Single(
      int s,
      int e,
      int n,
      int newAtEnd,
      int churned,
      int dormantAtStart,
      int reactivatedFromStart,
      int reactivations,
      int dormantAtEnd,
      int buyers,
      int repeaters,
      int orders,
      double revenue,
      int blankAmounts) {}

  /**
   * New (first activity in the period), returning (active in it and the one before), resurrecting
   * (active now, not before, not new), dormant (active before, not now).
   */
  record Lifecycle(int isNew, int returning, int resurrecting, int dormant) {}
}
