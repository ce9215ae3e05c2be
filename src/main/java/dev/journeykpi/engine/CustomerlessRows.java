package dev.journeykpi.engine;

import dev.journeykpi.config.KpiDef;
import dev.journeykpi.model.QualityReport;
import dev.journeykpi.types.KpiKinds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quality report's "left out N: rows without customer_id: not in the customer KPIs (still in
 * sums)" line, one per source and customer column however many customer KPIs read it, in the KPIs'
 * order: the step both engines share, each counting the blank ids its own way (a cell missing or
 * blank by {@code String.isBlank}).
 */
final class CustomerlessRows {
  /** How an engine counts a source's rows whose customer column is blank. */
  interface Counter<E extends Exception> {
    long blank(String source, String column) throws E;
  }

  private CustomerlessRows() {}

  /** The sources' reports with each customer column's blank rows added as left out. */
  static <E extends Exception> void add(
      List<KpiDef> kpis, Map<String, QualityReport> quality, Counter<E> counter) throws E {
    for (String[] sc : columns(kpis)) {
      long blank = counter.blank(sc[0], sc[1]);
      quality.put(
          sc[0],
          quality
              .get(sc[0])
              .withExcluded(
                  "rows without " + sc[1] + ": not in the customer KPIs (still in sums)", blank));
    }
  }

  /** Each (source, customer column) the KPIs read, once, in their order. */
  private static List<String[]> columns(List<KpiDef> kpis) {
    Set<String> seen = new LinkedHashSet<>();
    List<String[]> out = new ArrayList<>();
    for (KpiDef k : kpis) {
      String customer = KpiKinds.of(k).customerColumn(k);
      if (customer != null && seen.add(k.source() + "\u0000" + customer))
        out.add(new String[] {k.source(), customer});
    }
    return out;
  }
}
