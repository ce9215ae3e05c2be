package dev.journeykpi.types.ratio;

import dev.journeykpi.calc.FilterCompiler;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.Filter;
import dev.journeykpi.model.Note;
import dev.journeykpi.model.Note.Code;
import tech.tablesaw.api.Table;

/** {@code ratio}: rows matching the numerator filter among rows matching the denominator filter. */
public final class RatioMeasurer implements Measurer {
  private final Filter numerator;
  private final Filter denominator;

  public RatioMeasurer(Filter numerator, Filter denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /**
   * Which rows of the whole table each filter keeps, worked out once rather than once per breakdown
   * group.
   */
  private Table selectedFor;

  private boolean[] inNumerator;
  private boolean[] inDenominator;

  @Override
  public Measure measure(Table table, int[] rows) {
    if (selectedFor != table) {
      inNumerator = FilterCompiler.mask(table, numerator);
      inDenominator = FilterCompiler.mask(table, denominator);
      selectedFor = table;
    }
    int d = 0;
    int n = 0;
    for (int row : rows) {
      if (inDenominator[row]) {
        d++;
        if (inNumerator[row]) n++;
      }
    }
    return result(n, d);
  }

  /**
   * The measure of {@code n} rows in the numerator among {@code d} in the denominator: here and on
   * the SQL engines alike.
   */
  public static Measure result(int n, int d) {
    if (d == 0) return new Measure(null, (double) n, 0.0, 0, Note.of(Code.DENOMINATOR_ZERO));
    return new Measure((double) n / d, (double) n, (double) d, d);
  }
}
