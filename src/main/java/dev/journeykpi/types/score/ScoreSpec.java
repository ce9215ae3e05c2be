package dev.journeykpi.types.score;

import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.ScoreDef;

/**
 * {@code score}: survey answers in a column on a declared scale (CSAT, CES, NPS, ESAT).
 *
 * @param id the column naming each answer (a ticket or customer id) in {@code kpi leads}, or null
 * @param comment the column holding the customer's own words, carried by {@code kpi leads}, or null
 */
public record ScoreSpec(String column, ScoreDef score, String id, String comment)
    implements KpiSpec {
  public ScoreSpec(String column, ScoreDef score) {
    this(column, score, null, null);
  }

  @Override
  public void collectColumns(Columns out) {
    out.measured(column);
    out.structure(id, comment);
  }
}
