package dev.journeykpi.types.ratio;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.KpiSpec;

/** {@code ratio}: the share of the denominator's rows that the numerator filter also keeps. */
public record RatioSpec(Filter numerator, Filter denominator) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.filter(numerator).filter(denominator);
  }
}
