package dev.journeykpi.calc;

import dev.journeykpi.config.Filter;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/** {@code ratio}: rows matching the numerator filter among rows matching the denominator filter. */
final class RatioMeasurer implements Measurer {
  private final Filter numerator;
  private final Filter denominator;

  RatioMeasurer(Filter numerator, Filter denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** The filters' selections over the whole table, made once rather than once per breakdown group. */
  private Table selectedFor;
  private Selection numeratorRows;
  private Selection denominatorRows;

  @Override
  public Measure measure(Table table, Selection rows) {
    if (selectedFor != table) {
      numeratorRows = FilterCompiler.select(table, numerator);
      denominatorRows = FilterCompiler.select(table, denominator);
      selectedFor = table;
    }
    Selection den = copy(rows).and(denominatorRows);
    Selection num = copy(den).and(numeratorRows);
    int d = den.size();
    int n = num.size();
    if (d == 0) return new Measure(null, (double) n, 0.0, 0, "denominator is 0");
    return new Measure((double) n / d, (double) n, (double) d, d, "");
  }

  private static Selection copy(Selection s) {
    return new tech.tablesaw.selection.BitmapBackedSelection().or(s);
  }
}
