package dev.journeykpi.model;

import dev.journeykpi.config.KpiDef;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The leads or customers behind a KPI ({@code kpi leads}): what calc lists and report writes as
 * CSV, kept here so that the renderer needs nothing of calc.
 *
 * @param kind which list it is, which decides the CSV's columns
 * @param quality the data-quality report of the source read
 * @param period the period listed (the one {@code --period last} found, when asked)
 */
public record LeadList(
    KpiDef kpi, Kind kind, List<Entry> entries, QualityReport quality, Period period) {
  public LeadList {
    entries = List.copyOf(entries);
  }

  /**
   * The kind of list: a funnel stage's leads (entry, days there), stalled leads (last touch, idle
   * days), customers, a score KPI's answers (the feedback loop: detractors, low scores).
   */
  public enum Kind {
    FUNNEL,
    STALLED,
    CUSTOMERS,
    ANSWERS
  }

  /**
   * One lead or customer of the list.
   *
   * @param dims the lead's breakdown values (the KPI's {@code by})
   * @param status lost, stuck, late, returned, closed or reached (funnel); touched or untouched
   *     (stalled); the customer's state (customers)
   * @param entered when the lead entered (or passed) the stage, its last touch or the customer's
   *     last activity, or null
   * @param daysThere days from entering the stage to the export's last timestamp (stuck leads), the
   *     idle span (stalled leads, customers), else null
   * @param answer what a survey answer adds (its score and comment), null for leads and customers
   */
  public record Entry(
      String lead,
      List<String> dims,
      String status,
      LocalDateTime entered,
      Long daysThere,
      Answer answer) {
    /** A lead or a customer: no survey answer. */
    public Entry(
        String lead, List<String> dims, String status, LocalDateTime entered, Long daysThere) {
      this(lead, dims, status, entered, daysThere, null);
    }
  }

  /**
   * A survey answer of a score KPI's list.
   *
   * @param score the answer as a score on the KPI's scale (a text answer as the score it maps to)
   * @param comment the customer's own words from the KPI's {@code comment:} column, or "" when it
   *     declares none
   * @param dateOnly the KPI's time column holds dates, so the answer's date is written without a
   *     time of day
   */
  public record Answer(double score, String comment, boolean dateOnly) {}

  public boolean customers() {
    return kind == Kind.CUSTOMERS;
  }
}
