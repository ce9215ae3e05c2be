package dev.journeykpi.types.score;

import dev.journeykpi.calc.Cells;
import dev.journeykpi.calc.FilterCompiler;
import dev.journeykpi.config.ConfigException;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ScoreDef;
import dev.journeykpi.model.LeadList.Answer;
import dev.journeykpi.model.LeadList.Entry;
import dev.journeykpi.model.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The answers behind a score KPI, for the feedback loop ({@code kpi leads}): the detractors of an
 * NPS (or its passives or promoters), the answers of a top-box score not counted as positive (the
 * unsatisfied of a CSAT), the answers below the middle of the scale of a mean score (the hard
 * experiences of a CES, 1–3 on 1–7). Only the answers the KPI counts are listed: those of its rows
 * ({@code where:}) dated in the period, valid on the scale.
 */
public final class ScoreAnswers {
  private ScoreAnswers() {}

  /** The statuses a score KPI's list can be asked for, the first being the default. */
  static List<String> statuses(ScoreDef.Stat stat) {
    return switch (stat) {
      case NPS -> List.of("detractor", "passive", "promoter");
      case TOP_BOX -> List.of("low", "positive");
      case MEAN -> List.of("low");
    };
  }

  /** Refuses a {@code --status} the KPI's statistic has no answers for. */
  static void check(KpiDef k, ScoreDef def, String status) {
    List<String> known = statuses(def.stat());
    if (status != null && !known.contains(status)) {
      throw new ConfigException(
          "--status for the "
              + def.stat().yamlName()
              + " score '"
              + k.id()
              + "' is one of "
              + String.join(", ", known)
              + ", found '"
              + status
              + "'");
    }
  }

  /** The status of a valid answer: which group of the KPI's statistic it falls in. */
  static String status(ScoreDef def, double v) {
    return switch (def.stat()) {
      case NPS -> v >= 9 ? "promoter" : v <= 6 ? "detractor" : "passive";
      case TOP_BOX -> def.positive().contains(v) ? "positive" : "low";
      // Below the middle of the scale: 1–3 on CES's 1–7 ("disagree it was easy"), 1–2 on 1–5.
      case MEAN -> v < (def.min() + def.max()) / 2 ? "low" : "";
    };
  }

  /**
   * The answers of the asked status (the first of {@link #statuses} when null) in the period,
   * newest first, then by id.
   */
  public static List<Entry> of(
      KpiDef k, ScoreSpec spec, Table table, Period period, String status) {
    ScoreDef def = spec.score();
    String wanted = status == null ? statuses(def.stat()).get(0) : status;
    double[] scores = new ScoreMeasurer(spec.column(), def).scores(table);
    List<Column<?>> by = k.by().stream().<Column<?>>map(table::column).toList();
    Column<?> time = k.time() == null ? null : table.column(k.time());
    Column<?> id = spec.id() == null ? null : table.column(spec.id());
    Column<?> comment = spec.comment() == null ? null : table.column(spec.comment());
    boolean dateOnly = time instanceof DateColumn;
    boolean everyRow = time == null || period.grain() == Period.Grain.ALL;
    long from = Cells.packed(period.startTime());
    long to = Cells.packed(period.endTime());
    record Listed(Entry entry, long at, int row) {}
    List<Listed> out = new ArrayList<>();
    for (int row : FilterCompiler.rows(table, k.where())) {
      double v = scores[row];
      if (Double.isNaN(v) || Double.isInfinite(v) || !status(def, v).equals(wanted)) continue;
      long at = time == null ? Cells.MISSING_TIME : Cells.packedTime(time, row);
      if (!everyRow && (at == Cells.MISSING_TIME || at < from || at >= to)) continue;
      List<String> dims = by.stream().map(c -> Cells.label(c, row)).toList();
      Entry e =
          new Entry(
              text(id, row),
              dims,
              wanted,
              at == Cells.MISSING_TIME ? null : Cells.time(at),
              null,
              new Answer(v, text(comment, row), dateOnly));
      out.add(new Listed(e, at, row));
    }
    // Newest first; the same moment by id, then in the export's order, so the list is stable.
    out.sort(
        Comparator.comparingLong((Listed l) -> l.at())
            .reversed()
            .thenComparing(l -> l.entry().lead())
            .thenComparingInt(Listed::row));
    return out.stream().map(Listed::entry).toList();
  }

  private static String text(Column<?> c, int row) {
    return c == null || Cells.isBlank(c, row) ? "" : Cells.label(c, row);
  }
}
