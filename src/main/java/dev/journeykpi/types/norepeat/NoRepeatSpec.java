package dev.journeykpi.types.norepeat;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.TimeSpan;

/**
 * {@code no_repeat} (first-contact resolution): the share of contacts not followed by another of
 * the same customer within a window.
 *
 * @param judged the contacts judged (the {@code denominator:} filter); repeats are looked for in
 *     the whole population
 */
public record NoRepeatSpec(String customer, TimeSpan window, Filter judged) implements KpiSpec {
  @Override
  public void collectColumns(Columns out) {
    out.measured(customer).filter(judged);
  }
}
