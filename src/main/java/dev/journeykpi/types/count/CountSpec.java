package dev.journeykpi.types.count;

import dev.journeykpi.config.KpiSpec;

/**
 * {@code count}: rows of the population, or distinct non-blank values of a column. @param distinct
 * the column, or null
 */
public record CountSpec(String distinct) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.measured(distinct);
  }
}
