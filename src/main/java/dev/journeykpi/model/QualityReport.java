package dev.journeykpi.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to every row of one source: read, used, rejected (whole row left out) or used with
 * cells blanked, grouped by reason with the first examples. Nothing is dropped without being
 * counted here.
 *
 * <p>Immutable: the import records into its own recorder and hands this over once the source is
 * read; the engine's later findings (rows left out of some KPIs, how far the dates reach) are
 * copies made with {@link #withExcluded} and {@link #withDates}. Maps keep their insertion order,
 * which is the order the report prints.
 *
 * @param files the files read, in the order read
 * @param dropped readable rows left out as the definition asks (duplicates of a key under {@code
 *     distinct:}), by reason; not in {@code rowsUsed}, nor rejected
 * @param notes what the user should know about how the source was read (the sheet chosen, a header
 *     that appears twice), one line each, for stderr; printed even with {@code -q}
 * @param details the detailed problems for {@code --quality-report}, in file and row order, up to a
 *     cap
 * @param detailsDropped the problems beyond that cap (the counts stay exact)
 * @param excluded rows read and kept, but left out of some KPIs for a reason (walk-in sales without
 *     a customer id)
 * @param dates how far the source's dates reach; null when its KPIs date no row
 */
public record QualityReport(
    String source,
    List<String> files,
    long rowsRead,
    long rowsUsed,
    Map<String, Tally> rejected,
    Map<String, Tally> blanked,
    Map<String, Tally> filled,
    Map<String, Tally> cleaned,
    Map<String, Tally> dropped,
    List<String> notes,
    List<Problem> details,
    long detailsDropped,
    Map<String, Long> excluded,
    Dates dates) {

  public enum Kind {
    REJECTED,
    BLANKED,
    /**
     * A blank cell given the value of the merged range it lies in (Excel): used, and counted so it
     * can be checked.
     */
    FILLED,
    /** A text cell kept without its control characters (NUL, DEL, …). */
    CLEANED,
    /**
     * A readable row left out on purpose, as the definition asks: an earlier update of an incident
     * when the source keeps one row per incident ({@code distinct:}). Not a data problem: it does
     * not count as rejected (--strict, --max-rejected) and leaves the report clean.
     */
    DROPPED,
    /**
     * Not a row: a text the definition expects (a filter's value, an SLA limit's priority, a stage)
     * that no row of the source has, at the definition's {@code file:line:col}. Said, not refused:
     * it leaves the report clean and is no failure under --strict.
     */
    WARNING
  }

  /**
   * One unusable row or cell, at {@code file:row:column}. Row is the line (CSV) or row number
   * (Excel).
   */
  public record Problem(
      Kind kind, String reason, String file, long row, String column, String value) {
    public String where() {
      // Row 0: a problem of a computed (lookup) column, which belongs to no one line of the file.
      return file
          + (row > 0 ? ":" + row : "")
          + (column == null || column.isEmpty() ? "" : ":" + column);
    }
  }

  /** A reason's count and first examples. */
  public record Tally(long count, List<Problem> examples) {
    public Tally {
      examples = List.copyOf(examples);
    }
  }

  /**
   * The first and last day of the columns that place the source's rows in periods ({@code datedBy},
   * e.g. "created_at"): how far the export reaches, so a period it does not reach is not read as a
   * quiet one. {@code judgesHistory}: whether a KPI of the source judges each row's whole history
   * at the period's end (customers, backlog, stalled leads).
   */
  public record Dates(String datedBy, LocalDate first, LocalDate last, boolean judgesHistory) {}

  public QualityReport {
    files = List.copyOf(files);
    rejected = ordered(rejected);
    blanked = ordered(blanked);
    filled = ordered(filled);
    cleaned = ordered(cleaned);
    dropped = ordered(dropped);
    notes = List.copyOf(notes);
    details = List.copyOf(details);
    excluded = ordered(excluded);
  }

  /** An unmodifiable copy that keeps the order ({@code Map.copyOf} does not). */
  private static <V> Map<String, V> ordered(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /**
   * This report with {@code count} rows left out of some KPIs for {@code reason}; none left out
   * changes nothing.
   */
  public QualityReport withExcluded(String reason, long count) {
    if (count <= 0) return this;
    Changes c = new Changes(this);
    c.excluded.put(reason, count);
    return c.report();
  }

  /**
   * This report with the rows a join found no match for ({@code unmatched: keep}): their joined
   * columns are blank, counted under {@code reason} with the first keys as examples, like blanked
   * cells.
   */
  public QualityReport withUnmatchedKept(String reason, long count, List<Problem> examples) {
    if (count <= 0) return this;
    Changes c = new Changes(this);
    c.blanked.put(reason, new Tally(count, examples));
    c.details.addAll(examples);
    c.detailsDropped += Math.max(0, count - examples.size());
    return c.report();
  }

  /**
   * This report with the rows a join found no match for and left out ({@code unmatched: drop}):
   * counted as left out under {@code reason}, and the first keys listed among the details.
   */
  public QualityReport withUnmatchedDropped(String reason, long count, List<Problem> examples) {
    if (count <= 0) return this;
    Changes c = new Changes(this);
    c.excluded.put(reason, count);
    c.details.addAll(examples);
    c.detailsDropped += Math.max(0, count - examples.size());
    return c.report();
  }

  /**
   * This report with rows read and used, then left out as the definition asks ({@code distinct:}),
   * counted another way than by the import (the SQL engines): no longer used, counted under {@code
   * reason} with its first examples, as the import's own count of them.
   */
  public QualityReport withDropped(String reason, long count, List<Problem> examples) {
    if (count <= 0) return this;
    Changes c = new Changes(this);
    c.rowsUsed -= count;
    c.dropped.put(reason, new Tally(count, examples));
    c.details.addAll(examples);
    c.detailsDropped += Math.max(0, count - examples.size());
    return c.report();
  }

  /**
   * This report with warnings about the definition against this source's data: each line goes to
   * stderr with the notes (even with {@code -q}), each problem to {@code --quality-report}.
   */
  public QualityReport withWarnings(List<String> lines, List<Problem> problems) {
    if (lines.isEmpty() && problems.isEmpty()) return this;
    Changes c = new Changes(this);
    c.notes.addAll(lines);
    c.details.addAll(problems);
    return c.report();
  }

  /** This report with how far the source's dates reach. */
  public QualityReport withDates(
      String datedBy, LocalDate first, LocalDate last, boolean judgesHistory) {
    Changes c = new Changes(this);
    c.dates = new Dates(datedBy, first, last, judgesHistory);
    return c.report();
  }

  /**
   * A copy of a report's parts to change before making a new report of them: the engine's additions
   * (left-out rows, joins, warnings, dates) each change one or two parts, and the report stays
   * immutable.
   */
  private static final class Changes {
    final QualityReport from;
    long rowsUsed;
    final Map<String, Tally> dropped;
    final Map<String, Tally> blanked;
    final List<String> notes;
    final List<Problem> details;
    long detailsDropped;
    final Map<String, Long> excluded;
    Dates dates;

    Changes(QualityReport r) {
      from = r;
      rowsUsed = r.rowsUsed;
      dropped = new LinkedHashMap<>(r.dropped);
      blanked = new LinkedHashMap<>(r.blanked);
      notes = new java.util.ArrayList<>(r.notes);
      details = new java.util.ArrayList<>(r.details);
      detailsDropped = r.detailsDropped;
      excluded = new LinkedHashMap<>(r.excluded);
      dates = r.dates;
    }

    QualityReport report() {
      return new QualityReport(
          from.source,
          from.files,
          from.rowsRead,
          rowsUsed,
          from.rejected,
          blanked,
          from.filled,
          from.cleaned,
          dropped,
          notes,
          details,
          detailsDropped,
          excluded,
          dates);
    }
  }

  /**
   * Whether a KPI of this source judges each row's whole history at the period's end (customers,
   * backlog, stalled leads): on an export that stops before the period, such a KPI gives wrong
   * numbers (every customer churned), not empty ones.
   */
  public boolean judgesHistory() {
    return dates != null && dates.judgesHistory();
  }

  /**
   * The columns behind {@link #firstDay()} and {@link #lastDay()}; null when the source's KPIs date
   * no row.
   */
  public String datedBy() {
    return dates == null ? null : dates.datedBy();
  }

  public LocalDate firstDay() {
    return dates == null ? null : dates.first();
  }

  public LocalDate lastDay() {
    return dates == null ? null : dates.last();
  }

  public long rowsRejected() {
    return total(rejected);
  }

  /** Rows left out as the definition asks ({@code distinct:}); read = used + rejected + dropped. */
  public long rowsDropped() {
    return total(dropped);
  }

  public long cellsBlanked() {
    return total(blanked);
  }

  public long cellsFilled() {
    return total(filled);
  }

  public long cellsCleaned() {
    return total(cleaned);
  }

  private static long total(Map<String, Tally> tallies) {
    return tallies.values().stream().mapToLong(Tally::count).sum();
  }

  public boolean isClean() {
    return rejected.isEmpty() && blanked.isEmpty() && cleaned.isEmpty();
  }
}
