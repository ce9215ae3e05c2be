package dev.journeykpi.types.column;

import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.Statistic;
import java.util.List;

/**
 * {@code sum}, {@code mean}, {@code median}, {@code percentile} of a number or duration column, or
 * of several columns added up per row (AHT = talk + hold + after-call work).
 *
 * @param column the column, or null when {@code columns} lists several
 * @param columns the columns added up per row; empty for one column
 * @param stat the statistic (mean, median, pNN), or null for a sum
 */
public record ColumnSpec(String column, List<String> columns, Statistic stat) implements KpiSpec {
  public ColumnSpec {
    columns = List.copyOf(columns);
  }

  /** The measured column, or the columns' sum: "talk + hold + acw". */
  public String measured() {
    return columns.isEmpty() ? column : String.join(" + ", columns);
  }

  @Override
  public void collectColumns(Columns out) {
    out.measured(column).structure(columns);
  }
}
