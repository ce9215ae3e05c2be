package dev.journeykpi.engine;

import dev.journeykpi.config.Filter;
import java.util.Set;

/** The column names a filter reads. */
final class FilterColumns {
  private FilterColumns() {}

  static void collect(Filter f, Set<String> into) {
    if (f instanceof Filter.Condition c) {
      into.add(c.column());
    } else if (f instanceof Filter.All a) {
      a.parts().forEach(p -> collect(p, into));
    } else if (f instanceof Filter.Any a) {
      a.parts().forEach(p -> collect(p, into));
    }
  }
}
