package dev.journeykpi.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to every row of one source: read, used, rejected (whole row left out) or used with cells blanked,
 * grouped by reason with the first examples. Nothing is dropped without being counted here.
 */
public final class QualityReport {
  /** Cap on the detailed problems kept for {@code --quality-report}; counts stay exact beyond it. */
  static final int MAX_DETAILS = 100_000;

  static final int EXAMPLES = 3;

  public enum Kind {
    REJECTED,
    BLANKED,
    /** A blank cell given the value of the merged range it lies in (Excel): used, and counted so it can be checked. */
    FILLED,
    /** A text cell kept without its control characters (NUL, DEL, …). */
    CLEANED
  }

  /** One unusable row or cell, at {@code file:row:column}. Row is the line (CSV) or row number (Excel). */
  public record Problem(Kind kind, String reason, String file, long row, String column, String value) {
    public String where() {
      // Row 0: a problem of a computed (lookup) column, which belongs to no one line of the file.
      return file + (row > 0 ? ":" + row : "") + (column == null || column.isEmpty() ? "" : ":" + column);
    }
  }

  /** A reason's count and first examples. */
  public static final class Tally {
    long count;
    final List<Problem> examples = new ArrayList<>();

    public long count() {
      return count;
    }

    public List<Problem> examples() {
      return Collections.unmodifiableList(examples);
    }
  }

  private final String source;
  private final List<String> files = new ArrayList<>();
  private long rowsRead;
  private long rowsUsed;
  private final Map<String, Tally> rejected = new LinkedHashMap<>();
  private final Map<String, Tally> blanked = new LinkedHashMap<>();
  private final Map<String, Tally> filled = new LinkedHashMap<>();
  /** What the user should know about how the source was read (the sheet chosen, a header that appears twice). */
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Tally> cleaned = new LinkedHashMap<>();
  private final List<Problem> details = new ArrayList<>();
  private long detailsDropped;

  public QualityReport(String source) {
    this.source = source;
  }

  void addFile(String file) {
    files.add(file);
  }

  void rowRead() {
    rowsRead++;
  }

  void rowUsed() {
    rowsUsed++;
  }

  void reject(String reason, String file, long row, String column, String value) {
    add(rejected, new Problem(Kind.REJECTED, reason, file, row, column, value));
  }

  void blank(String reason, String file, long row, String column, String value) {
    add(blanked, new Problem(Kind.BLANKED, reason, file, row, column, value));
  }

  void filled(String reason, String file, long row, String column, String value) {
    add(filled, new Problem(Kind.FILLED, reason, file, row, column, value));
  }

  void note(String message) {
    if (!notes.contains(message)) notes.add(message);
  }

  /** Notes on how the source was read, one line each, for stderr; printed even with {@code -q}. */
  public List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  public long cellsFilled() {
    return filled.values().stream().mapToLong(Tally::count).sum();
  }

  public Map<String, Tally> filled() {
    return Collections.unmodifiableMap(filled);
  }

  /** A cell kept, but without the control characters of its value (shown escaped). */
  void clean(String reason, String file, long row, String column, String value) {
    add(cleaned, new Problem(Kind.CLEANED, reason, file, row, column, value));
  }

  private void add(Map<String, Tally> into, Problem p) {
    Tally t = into.computeIfAbsent(p.reason(), k -> new Tally());
    t.count++;
    if (t.examples.size() < EXAMPLES) t.examples.add(p);
    if (details.size() < MAX_DETAILS) {
      details.add(p);
    } else {
      detailsDropped++;
    }
  }

  /**
   * Adds the counts and problems of {@code later}, the report of a later part of the same file whose line numbers
   * count from {@code lineOffset} lines on (a file read in halves). Its files are not added: they are this report's.
   */
  void absorb(QualityReport later, long lineOffset) {
    rowsRead += later.rowsRead;
    rowsUsed += later.rowsUsed;
    absorb(rejected, later.rejected, lineOffset);
    absorb(blanked, later.blanked, lineOffset);
    absorb(filled, later.filled, lineOffset);
    later.notes.forEach(this::note);
    absorb(cleaned, later.cleaned, lineOffset);
    for (Problem p : later.details) {
      if (details.size() < MAX_DETAILS) {
        details.add(shifted(p, lineOffset));
      } else {
        detailsDropped++;
      }
    }
    detailsDropped += later.detailsDropped;
  }

  private static void absorb(Map<String, Tally> into, Map<String, Tally> later, long lineOffset) {
    later.forEach((reason, t) -> {
      Tally mine = into.computeIfAbsent(reason, k -> new Tally());
      mine.count += t.count;
      for (Problem p : t.examples) {
        if (mine.examples.size() < EXAMPLES) mine.examples.add(shifted(p, lineOffset));
      }
    });
  }

  private static Problem shifted(Problem p, long lineOffset) {
    return p.row() <= 0 ? p : new Problem(p.kind(), p.reason(), p.file(), p.row() + lineOffset, p.column(), p.value());
  }

  /**
   * Puts the detailed problems in file and row order. CSV batches are typed column by column, so problems arrive
   * grouped by column within a batch; the report reads better, and stays the same, in row order.
   */
  void sortDetails() {
    java.util.Map<String, Integer> fileOrder = new java.util.HashMap<>();
    for (int i = 0; i < files.size(); i++) fileOrder.putIfAbsent(files.get(i), i);
    details.sort(java.util.Comparator.comparingInt((Problem p) -> fileOrder.getOrDefault(p.file(), 0)).thenComparingLong(Problem::row));
    reorder(rejected, fileOrder);
    reorder(blanked, fileOrder);
    reorder(filled, fileOrder);
    reorder(cleaned, fileOrder);
  }

  /** Examples in row order, and reasons in the order of their first example. */
  private static void reorder(Map<String, Tally> tallies, java.util.Map<String, Integer> fileOrder) {
    java.util.Comparator<Problem> byRow =
        java.util.Comparator.comparingInt((Problem p) -> fileOrder.getOrDefault(p.file(), 0)).thenComparingLong(Problem::row);
    tallies.values().forEach(t -> t.examples.sort(byRow));
    List<Map.Entry<String, Tally>> entries = new ArrayList<>(tallies.entrySet());
    entries.sort((a, b) -> byRow.compare(a.getValue().examples.get(0), b.getValue().examples.get(0)));
    tallies.clear();
    entries.forEach(e -> tallies.put(e.getKey(), e.getValue()));
  }

  private final Map<String, Long> excluded = new java.util.LinkedHashMap<>();

  /** Rows read and kept, but left out of some KPIs for a reason (walk-in sales without a customer id). */
  public void exclude(String reason, long count) {
    if (count > 0) excluded.put(reason, count);
  }

  public Map<String, Long> excluded() {
    return java.util.Collections.unmodifiableMap(excluded);
  }

  private String datedBy;
  private java.time.LocalDate firstDay;
  private java.time.LocalDate lastDay;

  /**
   * The first and last day of the columns that place this source's rows in periods ({@code datedBy}, e.g.
   * "created_at"): how far the export reaches, so a period it does not reach is not read as a quiet one.
   */
  public void dated(String datedBy, java.time.LocalDate first, java.time.LocalDate last, boolean judgesHistory) {
    this.datedBy = datedBy;
    this.firstDay = first;
    this.lastDay = last;
    this.judgesHistory = judgesHistory;
  }

  private boolean judgesHistory;

  /**
   * Whether a KPI of this source judges each row's whole history at the period's end (customers, backlog, stalled
   * leads): on an export that stops before the period, such a KPI gives wrong numbers (every customer churned), not
   * empty ones.
   */
  public boolean judgesHistory() {
    return judgesHistory;
  }

  /** The columns behind {@link #firstDay()} and {@link #lastDay()}; null when the source's KPIs date no row. */
  public String datedBy() {
    return datedBy;
  }

  public java.time.LocalDate firstDay() {
    return firstDay;
  }

  public java.time.LocalDate lastDay() {
    return lastDay;
  }

  public String source() {
    return source;
  }

  public List<String> files() {
    return List.copyOf(files);
  }

  public long rowsRead() {
    return rowsRead;
  }

  public long rowsUsed() {
    return rowsUsed;
  }

  public long rowsRejected() {
    return rejected.values().stream().mapToLong(Tally::count).sum();
  }

  public long cellsBlanked() {
    return blanked.values().stream().mapToLong(Tally::count).sum();
  }

  public long cellsCleaned() {
    return cleaned.values().stream().mapToLong(Tally::count).sum();
  }

  public Map<String, Tally> cleaned() {
    return Collections.unmodifiableMap(cleaned);
  }

  public Map<String, Tally> rejected() {
    return Collections.unmodifiableMap(rejected);
  }

  public Map<String, Tally> blanked() {
    return Collections.unmodifiableMap(blanked);
  }

  public List<Problem> details() {
    return Collections.unmodifiableList(details);
  }

  public long detailsDropped() {
    return detailsDropped;
  }

  public boolean isClean() {
    return rejected.isEmpty() && blanked.isEmpty() && cleaned.isEmpty();
  }
}
