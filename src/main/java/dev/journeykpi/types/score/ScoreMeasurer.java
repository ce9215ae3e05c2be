package dev.journeykpi.types.score;

import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.ScoreDef;
import dev.journeykpi.config.TextKey;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import dev.journeykpi.model.Notes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code score}: survey answers on a declared scale. Text answers are mapped to scores ({@code Good
 * → 1}, {@code Hài lòng → 5}); blank answers, answers off the scale, and answers that are neither
 * mapped nor numbers are left out of the denominator and counted in the note — a survey KPI always
 * says how many answers it rests on.
 *
 * <p>top_box = positive answers ÷ answers; mean = mean answer; nps = 100 × (answers 9–10 − answers
 * 0–6) ÷ answers, passives (7–8) staying in the denominator.
 */
public final class ScoreMeasurer implements Measurer {
  private static final double BLANK = Double.NaN;
  private static final double UNRECOGNISED = Double.NEGATIVE_INFINITY;
  private static final double OFF_SCALE = Double.POSITIVE_INFINITY;
  // An answer between two points of the scale (4.5 on 1–5): no point of it, so neither positive
  // nor negative; left out and said, not counted as an answer that is "not positive".
  private static final double NOT_WHOLE = Double.MAX_VALUE;

  private final String column;
  private final ScoreDef def;

  public ScoreMeasurer(String column, ScoreDef def) {
    this.column = column;
    this.def = def;
  }

  private Table cachedFor;
  private double[] scores;

  @Override
  public Measure measure(Table table, int[] rows) {
    if (cachedFor != table) {
      scores = perRow(table.column(column));
      cachedFor = table;
    }
    Tally t = new Tally();
    Column<?> c = table.column(column);
    for (int row : rows) {
      if (t.add(scores[row], 1)) t.strange(c.getString(row), 1);
    }
    return result(t);
  }

  /**
   * A group's answers counted: here row by row, on the SQL engines one distinct answer at a time
   * (with how many rows gave it), in the order of their first row, so that the examples of strange
   * answers are the same.
   */
  final class Tally {
    private long rows, n, blank, offScale, notWhole, unrecognised, positive, promoters, detractors;
    private double sum;
    private final Map<String, Long> strange = new LinkedHashMap<>();

    /**
     * Adds {@code count} answers worth {@code v} (a score, or BLANK, OFF_SCALE, UNRECOGNISED); true
     * when they are off the scale or unrecognised, for {@link #strange} to keep their text.
     */
    boolean add(double v, long count) {
      rows += count;
      if (Double.isNaN(v)) {
        blank += count;
      } else if (v == OFF_SCALE) {
        offScale += count;
        return true;
      } else if (v == NOT_WHOLE) {
        notWhole += count;
        return true;
      } else if (v == UNRECOGNISED) {
        unrecognised += count;
        return true;
      } else {
        n += count;
        sum += v * count;
        if (def.positive().contains(v)) positive += count;
        if (v >= 9) promoters += count;
        if (v <= 6) detractors += count;
      }
      return false;
    }

    /** The text of strange answers, the first three texts kept as examples with their counts. */
    void strange(String text, long count) {
      if (strange.size() < 3 || strange.containsKey(text)) strange.merge(text, count, Long::sum);
    }
  }

  Tally tally() {
    return new Tally();
  }

  /** The measure of a group's answers: here and on the SQL engines alike. */
  Measure result(Tally t) {
    List<Note> notes = new ArrayList<>();
    if (t.blank > 0) notes.add(Note.of(Code.BLANK_ANSWERS, t.blank));
    if (t.offScale > 0)
      notes.add(
          Note.of(Code.ANSWERS_OUTSIDE, t.offScale, Note.plain(def.min()), Note.plain(def.max())));
    if (t.notWhole > 0) notes.add(Note.of(Code.ANSWERS_NOT_WHOLE, t.notWhole));
    if (t.unrecognised > 0) notes.add(Note.of(Code.UNRECOGNISED_ANSWERS, t.unrecognised));
    if (!t.strange.isEmpty()) {
      List<String> shown = new ArrayList<>();
      t.strange.forEach((text, k) -> shown.add("'" + text + "'" + (k > 1 ? " ×" + k : "")));
      notes.add(Note.of(Code.EXAMPLES, String.join(", ", shown)));
    }
    Notes note = Notes.of(notes);
    long n = t.n;
    if (n == 0)
      return Measure.none(0, Note.of(t.rows == 0 ? Code.NO_ROWS : Code.NO_VALID_ANSWERS))
          .withNote(note);
    long promoters = t.promoters;
    long detractors = t.detractors;
    return switch (def.stat()) {
      case TOP_BOX ->
          new Measure((double) t.positive / n, (double) t.positive, (double) n, n, note);
      case MEAN -> Measure.of(t.sum / n, n).withNote(note);
      case NPS ->
          new Measure(
                  100.0 * (promoters - detractors) / n,
                  null,
                  null,
                  n,
                  Note.of(
                      Code.NPS_SPLIT,
                      promoters,
                      Note.decimal(100.0 * promoters / n, 1),
                      n - promoters - detractors,
                      Note.decimal(100.0 * (n - promoters - detractors) / n, 1),
                      detractors,
                      Note.decimal(100.0 * detractors / n, 1)))
              .withNote(note);
    };
  }

  /**
   * Each valid answer's score (blank, off-scale and unrecognised answers left out, as measured).
   */
  @Override
  public double[] values(Table table, int[] rows) {
    double[] all = scores(table);
    double[] values = new double[rows.length];
    int n = 0;
    for (int row : rows) {
      double v = all[row];
      if (!Double.isNaN(v) && !Double.isInfinite(v)) values[n++] = v;
    }
    return java.util.Arrays.copyOf(values, n);
  }

  /**
   * Each row's answer as a score on the scale, for the list of answers ({@link ScoreAnswers}): NaN
   * for a blank answer, infinite for one off the scale or not recognised — the rows the measure
   * leaves out.
   */
  double[] scores(Table table) {
    if (cachedFor != table) {
      scores = perRow(table.column(column));
      cachedFor = table;
    }
    return scores;
  }

  private double[] perRow(Column<?> c) {
    double[] out = new double[c.size()];
    Map<String, Double> parsed = new java.util.HashMap<>();
    for (int row = 0; row < out.length; row++) {
      double v;
      if (Cells.isBlank(c, row)) {
        v = BLANK;
      } else if (c instanceof DoubleColumn d) {
        v = fromNumber(d.getDouble(row));
      } else {
        v = parsed.computeIfAbsent(c.getString(row), this::fromText);
      }
      out[row] = onScale(v);
    }
    return out;
  }

  /** A text answer (not blank) as a score on the scale, BLANK, OFF_SCALE or UNRECOGNISED. */
  double ofText(String text) {
    return onScale(fromText(text));
  }

  /** A number answer as a score on the scale or OFF_SCALE. */
  double ofNumber(double raw) {
    return onScale(fromNumber(raw));
  }

  /** A blank answer. */
  static double blank() {
    return BLANK;
  }

  private double fromNumber(double raw) {
    Double mapped = def.values().get(plain(raw));
    return mapped != null ? mapped : raw;
  }

  private double onScale(double v) {
    if (Double.isNaN(v) || v == UNRECOGNISED) return v;
    if (v < def.min() || v > def.max()) return OFF_SCALE;
    // A score a label maps to may be any number; an answer written as a number is a point.
    return v != Math.rint(v) && !def.values().containsValue(v) ? NOT_WHOLE : v;
  }

  private double fromText(String text) {
    String t = TextKey.of(text);
    if (t.isEmpty()) return BLANK;
    Double mapped = def.values().get(t);
    if (mapped != null) return mapped;
    try {
      return Double.parseDouble(t.replace(',', '.'));
    } catch (NumberFormatException e) {
      return UNRECOGNISED;
    }
  }

  static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
