package dev.journeykpi.ingest;

import dev.journeykpi.model.QualityReport;
import dev.journeykpi.model.QualityReport.Kind;
import dev.journeykpi.model.QualityReport.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Records, while a source is read, what happens to its rows: read, used, rejected, cells blanked,
 * filled or cleaned, grouped by reason with the first examples. Only the import writes to it (its
 * mutators are package-private); when the source is read, {@link #report()} hands the immutable
 * {@link QualityReport} on to the later stages.
 *
 * <p>The import touches it once per row read and used (two counters) and once per problem;
 * everything else, the copy into the report included, happens once per source.
 */
final class QualityRecorder {
  /**
   * Cap on the detailed problems kept for {@code --quality-report}; counts stay exact beyond it.
   */
  static final int MAX_DETAILS = 100_000;

  static final int EXAMPLES = 3;

  /** A reason's count and first examples, while they are being counted. */
  private static final class Tally {
    long count;
    final List<Problem> examples = new ArrayList<>();

    QualityReport.Tally done() {
      return new QualityReport.Tally(count, examples);
    }
  }

  private final String source;
  private final List<String> files = new ArrayList<>();
  private long rowsRead;
  private long rowsUsed;
  private final Map<String, Tally> rejected = new LinkedHashMap<>();
  private final Map<String, Tally> blanked = new LinkedHashMap<>();
  private final Map<String, Tally> filled = new LinkedHashMap<>();

  /**
   * What the user should know about how the source was read (the sheet chosen, a header that
   * appears twice).
   */
  private final List<String> notes = new ArrayList<>();

  private final Map<String, Tally> cleaned = new LinkedHashMap<>();
  private final Map<String, Tally> dropped = new LinkedHashMap<>();
  private final List<Problem> details = new ArrayList<>();
  private long detailsDropped;

  QualityRecorder(String source) {
    this.source = source;
  }

  /** What was recorded so far, as the report the later stages read. */
  QualityReport report() {
    return new QualityReport(
        source,
        files,
        rowsRead,
        rowsUsed,
        done(rejected),
        done(blanked),
        done(filled),
        done(cleaned),
        done(dropped),
        notes,
        details,
        detailsDropped,
        Map.of(),
        null);
  }

  private static Map<String, QualityReport.Tally> done(Map<String, Tally> tallies) {
    Map<String, QualityReport.Tally> out = new LinkedHashMap<>();
    tallies.forEach((reason, t) -> out.put(reason, t.done()));
    return out;
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

  /** A cell kept, but without the control characters of its value (shown escaped). */
  void clean(String reason, String file, long row, String column, String value) {
    add(cleaned, new Problem(Kind.CLEANED, reason, file, row, column, value));
  }

  /**
   * Rows read and used, then left out as the definition asks (duplicates under {@code distinct:}):
   * no longer counted as used. A value is only made for the rows the report keeps (its first
   * examples, the details up to their cap), not for each of a million duplicates. Row 0: the table
   * no longer knows a row's line.
   *
   * @param value the value to show for the {@code i}-th of {@code rows}
   */
  void drop(String reason, String file, String column, int rows, IntFunction<String> value) {
    if (rows == 0) return;
    rowsUsed -= rows;
    Tally t = dropped.computeIfAbsent(reason, k -> new Tally());
    for (int i = 0; i < rows; i++) {
      boolean example = t.examples.size() < EXAMPLES;
      boolean detail = details.size() < MAX_DETAILS;
      if (!example && !detail) {
        detailsDropped += rows - i;
        t.count += rows - i;
        return;
      }
      Problem p = new Problem(Kind.DROPPED, reason, file, 0, column, value.apply(i));
      t.count++;
      if (example) t.examples.add(p);
      if (detail) details.add(p);
      else detailsDropped++;
    }
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
   * Adds the counts and problems of {@code later}, the recorder of a later part of the same file
   * whose line numbers count from {@code lineOffset} lines on (a file read in halves). Its files
   * are not added: they are this one's.
   */
  void absorb(QualityRecorder later, long lineOffset) {
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
    later.forEach(
        (reason, t) -> {
          Tally mine = into.computeIfAbsent(reason, k -> new Tally());
          mine.count += t.count;
          for (Problem p : t.examples) {
            if (mine.examples.size() < EXAMPLES) mine.examples.add(shifted(p, lineOffset));
          }
        });
  }

  private static Problem shifted(Problem p, long lineOffset) {
    return p.row() <= 0
        ? p
        : new Problem(p.kind(), p.reason(), p.file(), p.row() + lineOffset, p.column(), p.value());
  }

  /**
   * Puts the detailed problems in file and row order. CSV batches are typed column by column, so
   * problems arrive grouped by column within a batch; the report reads better, and stays the same,
   * in row order.
   */
  void sortDetails() {
    Map<String, Integer> fileOrder = new HashMap<>();
    for (int i = 0; i < files.size(); i++) fileOrder.putIfAbsent(files.get(i), i);
    details.sort(
        Comparator.comparingInt((Problem p) -> fileOrder.getOrDefault(p.file(), 0))
            .thenComparingLong(Problem::row));
    reorder(rejected, fileOrder);
    reorder(blanked, fileOrder);
    reorder(filled, fileOrder);
    reorder(cleaned, fileOrder);
  }

  /** Examples in row order, and reasons in the order of their first example. */
  private static void reorder(Map<String, Tally> tallies, Map<String, Integer> fileOrder) {
    Comparator<Problem> byRow =
        Comparator.comparingInt((Problem p) -> fileOrder.getOrDefault(p.file(), 0))
            .thenComparingLong(Problem::row);
    tallies.values().forEach(t -> t.examples.sort(byRow));
    List<Map.Entry<String, Tally>> entries = new ArrayList<>(tallies.entrySet());
    entries.sort(
        (a, b) -> byRow.compare(a.getValue().examples.get(0), b.getValue().examples.get(0)));
    tallies.clear();
    entries.forEach(e -> tallies.put(e.getKey(), e.getValue()));
  }
}
