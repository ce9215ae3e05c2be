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
   * days), customers.
   */
  public enum Kind {
    FUNNEL,
    STALLED,
    CUSTOMERS
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
   */
  public record Entry(
      String lead, List<String> dims, String status, LocalDateTime entered, Long daysThere) {}

  public boolean customers() {
    return kind == Kind.CUSTOMERS;
  }
}
