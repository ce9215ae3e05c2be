package dev.journeykpi.types;

import dev.journeykpi.config.Filter;
import dev.journeykpi.config.Location;
import java.util.List;

/**
 * Where a KPI type lists the texts it expects to find in its source's data (validate --check-data).
 */
public interface ExpectedValues {
  /** The texts a filter compares text columns with ({@code what}: the key, e.g. "numerator"). */
  void filter(String what, Filter f);

  /**
   * A text expected in a column; any one of {@code alternatives} present is enough (a stage's
   * values).
   */
  void value(String what, String column, List<String> alternatives, Location at);
}
