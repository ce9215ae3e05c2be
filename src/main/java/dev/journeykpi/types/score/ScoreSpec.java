package dev.journeykpi.types.score;

import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.ScoreDef;

/** {@code score}: survey answers in a column on a declared scale (CSAT, CES, NPS, ESAT). */
public record ScoreSpec(String column, ScoreDef score) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.measured(column);
  }
}
