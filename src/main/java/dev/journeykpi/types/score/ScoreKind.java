package dev.journeykpi.types.score;

import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.ScoreDef;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.model.LeadList;
import dev.journeykpi.model.Period;
import dev.journeykpi.types.ExpectedValues;
import dev.journeykpi.types.Explained;
import dev.journeykpi.types.Listing;
import dev.journeykpi.types.PeriodRowsKind;
import dev.journeykpi.types.Phrases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/** Survey answers on a declared scale: top-box share, mean, or NPS. */
public final class ScoreKind extends PeriodRowsKind<ScoreSpec> {
  public ScoreKind() {
    super("score", ScoreSpec.class);
  }

  @Override
  public Set<String> keys() {
    return Set.of("column", "scale", "values", "positive", "stat", "answer_id", "comment");
  }

  @Override
  public SpecReader.Bound bind(SpecReader r) {
    String column = r.required("column");
    r.exists(column, r.at("column"), "column");
    ScoreDef score = r.score();
    // For the feedback loop (kpi leads): which column names an answer, which holds its comment.
    String id = r.string("answer_id");
    r.exists(id, r.at("answer_id"), "answer_id");
    String comment = r.string("comment");
    r.exists(comment, r.at("comment"), "comment");
    String unit = r.declaredUnit();
    if (score == null) return new SpecReader.Bound(null, unit);
    String natural =
        switch (score.stat()) {
          case TOP_BOX -> "%";
          case MEAN -> "";
          case NPS -> "NPS";
        };
    if (unit != null && !unit.equals(natural) && score.stat() != ScoreDef.Stat.MEAN) {
      r.error(
          r.at("unit"),
          r.ctx() + ": the unit of a " + score.stat().yamlName() + " score is '" + natural + "'");
    }
    // A mean keeps a declared unit ("points"); a share is in %, an NPS in NPS points.
    if (unit == null || score.stat() != ScoreDef.Stat.MEAN) unit = natural;
    return new SpecReader.Bound(new ScoreSpec(column, score, id, comment), unit);
  }

  /** A top-box share by Newcombe, a mean score by Welch, an NPS by the trinomial variance. */
  @Override
  protected CompareDef.Test compared(ScoreSpec spec) {
    return CompareDef.Test.of(
        switch (spec.score().stat()) {
          case TOP_BOX -> CompareDef.Method.NEWCOMBE;
          case MEAN -> CompareDef.Method.WELCH;
          case NPS -> CompareDef.Method.NPS;
        });
  }

  @Override
  protected Measurer measurer(KpiDef k, ScoreSpec spec, KpiRunner runner) {
    return new ScoreMeasurer(spec.column(), spec.score());
  }

  /** Counted per distinct answer in SQL, read and added up by the measurer ({@link ScoreSql}). */
  @Override
  public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, ScoreSpec spec) {
    return new ScoreSql(k, spec);
  }

  /**
   * The answers behind the score, for the feedback loop: an NPS's detractors (or passives,
   * promoters: {@code --status}), a top-box score's low answers, a mean score's answers below the
   * middle of the scale.
   */
  @Override
  public Listing<ScoreSpec> listing() {
    return ANSWERS;
  }

  private static final Listing<ScoreSpec> ANSWERS =
      new Listing<>(LeadList.Kind.ANSWERS) {
        @Override
        public void check(KpiDef k, ScoreSpec spec, String status, Period period) {
          ScoreAnswers.check(k, spec.score(), status);
        }

        @Override
        public List<LeadList.Entry> list(
            KpiDef k, ScoreSpec spec, Table table, Period period, String status, KpiRunner runner) {
          return ScoreAnswers.of(k, spec, table, period, status);
        }
      };

  @Override
  public void expectedValues(KpiDef k, ScoreSpec spec, ExpectedValues out) {}

  @Override
  public Explained explain(KpiDef k, ScoreSpec spec, Phrases p) {
    ScoreDef s = spec.score();
    String what =
        p.t("answers in %s on a %s scale", spec.column(), p.plain(s.min()) + "–" + p.plain(s.max()))
            + (s.values().isEmpty()
                ? ""
                : "; "
                    + p.t(
                        "text answers: %s",
                        s.values().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " = " + p.plain(e.getValue()))
                            .collect(Collectors.joining(", "))))
            + listed(spec, p);
    String formula =
        switch (s.stat()) {
              case TOP_BOX ->
                  p.t(
                      "answers in %s ÷ valid answers",
                      s.positive().stream()
                          .map(p::plain)
                          .collect(Collectors.joining(", ", "{", "}")));
              case MEAN -> p.t("mean of the valid answers");
              case NPS ->
                  p.t(
                      "100 × (answers 9–10 − answers 0–6) ÷ valid answers; passives (7–8) stay in the denominator; −100…100");
            }
            + p.overRows(k.where());
    return new Explained(
        what,
        List.of(),
        Explained.byTime(k.time(), p),
        null,
        null,
        p.t(
            "blank answers, answers outside the scale and unrecognised text answers: left out of the denominator and counted"),
        null,
        formula);
  }

  /** The columns kpi leads carries with each answer, when the KPI names them. */
  private static String listed(ScoreSpec spec, Phrases p) {
    if (spec.id() == null && spec.comment() == null) return "";
    if (spec.comment() == null) return "; " + p.t("kpi leads names each answer by %s", spec.id());
    if (spec.id() == null)
      return "; " + p.t("kpi leads lists each answer with its comment from %s", spec.comment());
    return "; "
        + p.t(
            "kpi leads lists each answer by %s with its comment from %s",
            spec.id(), spec.comment());
  }
}
