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
    int n = 0,
        blank = 0,
        offScale = 0,
        unrecognised = 0,
        positive = 0,
        promoters = 0,
        detractors = 0;
    double sum = 0;
    Map<String, Integer> strange = new LinkedHashMap<>();
    Column<?> c = table.column(column);
    for (int row : rows) {
      double v = scores[row];
      if (Double.isNaN(v)) {
        blank++;
      } else if (v == OFF_SCALE) {
        offScale++;
        if (strange.size() < 3 || strange.containsKey(c.getString(row)))
          strange.merge(c.getString(row), 1, Integer::sum);
      } else if (v == UNRECOGNISED) {
        unrecognised++;
        if (strange.size() < 3 || strange.containsKey(c.getString(row)))
          strange.merge(c.getString(row), 1, Integer::sum);
      } else {
        n++;
        sum += v;
        if (def.positive().contains(v)) positive++;
        if (v >= 9) promoters++;
        if (v <= 6) detractors++;
      }
    }
    List<Note> notes = new ArrayList<>();
    if (blank > 0) notes.add(Note.of(Code.BLANK_ANSWERS, blank));
    if (offScale > 0)
      notes.add(
          Note.of(Code.ANSWERS_OUTSIDE, offScale, Note.plain(def.min()), Note.plain(def.max())));
    if (unrecognised > 0) notes.add(Note.of(Code.UNRECOGNISED_ANSWERS, unrecognised));
    if (!strange.isEmpty()) {
      List<String> shown = new ArrayList<>();
      strange.forEach((text, k) -> shown.add("'" + text + "'" + (k > 1 ? " ×" + k : "")));
      notes.add(Note.of(Code.EXAMPLES, String.join(", ", shown)));
    }
    Notes note = Notes.of(notes);
    if (n == 0)
      return Measure.none(0, Note.of(rows.length == 0 ? Code.NO_ROWS : Code.NO_VALID_ANSWERS))
          .withNote(note);
    return switch (def.stat()) {
      case TOP_BOX -> new Measure((double) positive / n, (double) positive, (double) n, n, note);
      case MEAN -> Measure.of(sum / n, n).withNote(note);
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
        double raw = d.getDouble(row);
        Double mapped = def.values().get(plain(raw));
        v = mapped != null ? mapped : raw;
      } else {
        v = parsed.computeIfAbsent(c.getString(row), this::fromText);
      }
      if (!Double.isNaN(v) && v != UNRECOGNISED && (v < def.min() || v > def.max())) v = OFF_SCALE;
      out[row] = v;
    }
    return out;
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
