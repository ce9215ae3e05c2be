package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.Suggestions;
import dev.journeykpi.ingest.HeaderIndex;
import dev.journeykpi.ingest.HeaderProbe;
import dev.journeykpi.model.DataException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code kpi validate --check-data}: every mapped header is looked up in the real files, and every
 * miss reported; then the texts the KPIs expect are looked up among the data's values ({@link
 * DataValueCheck}).
 */
public final class DataCheck {
  private DataCheck() {}

  /**
   * A source without a column mapping is read under its headers: the KPIs' column names must be
   * among them.
   */
  private static void checkUnmapped(
      Definition def, SourceDef s, Path f, HeaderIndex index, List<String> headers, Diagnostics d) {
    for (dev.journeykpi.config.KpiDef k : def.kpis()) {
      if (!s.id().equals(k.source())) continue;
      for (String col : KpiEngine.columnsOf(k)) {
        if (index.find(col) < 0) {
          d.error(
              k.location(),
              "kpi '"
                  + k.id()
                  + "' reads column '"
                  + col
                  + "', which is not a header of "
                  + f
                  + Suggestions.hint(col, headers.stream().map(HeaderIndex::normalise).toList()));
        }
      }
    }
  }

  /**
   * The headers a message lists: all of an ordinary export, the first few of a very wide one
   * (100,000 columns).
   */
  static String listed(List<String> headers) {
    int shown = 40;
    return headers.size() <= shown
        ? String.join(", ", headers)
        : String.join(", ", headers.subList(0, shown))
            + String.format(", … (%,d headers in all)", headers.size());
  }

  /**
   * The columns of {@code s} that joins read: its own join keys, and the keys, columns and {@code
   * by} that other sources' joins take from it; their headers are checked even when optional.
   */
  private static void usedByJoins(Definition def, SourceDef s, java.util.Set<String> used) {
    for (SourceDef t : def.sources().values()) {
      for (dev.journeykpi.config.JoinDef j : t.joins()) {
        if (t.id().equals(s.id())) used.addAll(j.on().keySet());
        if (s.id().equals(j.source())) {
          used.addAll(j.on().values());
          used.addAll(j.columns());
          if (j.by() != null) used.add(j.by());
        }
      }
    }
  }

  public static void check(Definition def, Map<String, Path> overrides, Diagnostics d) {
    for (SourceDef s : def.sources().values()) {
      if (s.isTable()) {
        // Only the engine that reads the table can look into it: said, not silently passed.
        d.warning(
            s.location(),
            "source '"
                + s.id()
                + "' is a table (table: "
                + s.table()
                + "): its columns are checked when --engine jdbc or spark reads it, not here");
        continue;
      }
      List<Path> files;
      try {
        files = HeaderProbe.files(s, overrides.get(s.id()));
      } catch (DataException e) {
        d.error(s.location(), e.getMessage());
        continue;
      }
      long errorsBefore = d.errorCount();
      for (Path f : files) {
        try {
          List<String> headers = HeaderProbe.headers(s, f);
          HeaderIndex index = new HeaderIndex(headers);
          List<String> normalised =
              headers.stream().map(HeaderIndex::normalise).filter(h -> !h.isEmpty()).toList();
          if (s.columns().isEmpty()) checkUnmapped(def, s, f, index, headers, d);
          java.util.Set<String> used = new java.util.HashSet<>();
          def.kpis().stream()
              .filter(k -> s.id().equals(k.source()))
              .forEach(k -> used.addAll(KpiEngine.columnsOf(k)));
          usedByJoins(def, s, used);
          for (ColumnDef c : s.columns().values()) {
            if (c.isLookup()) continue;
            // As report does (ColumnPlan): a mapped header found in two columns stops the run,
            // optional or not.
            index
                .ambiguity(c.header())
                .ifPresent(
                    m ->
                        d.error(
                            c.location(),
                            "source '" + s.id() + "' column '" + c.name() + "': " + f + ": " + m));
            if (s.optional().contains(c.name()) && !used.contains(c.name())) continue;
            if (index.find(c.header()) < 0) {
              d.error(
                  c.location(),
                  "source '"
                      + s.id()
                      + "' column '"
                      + c.name()
                      + "': header '"
                      + c.header()
                      + "' is not in "
                      + f
                      + Suggestions.hint(HeaderIndex.normalise(c.header()), normalised)
                      + "; headers: "
                      + listed(normalised));
            }
          }
        } catch (DataException e) {
          d.error(s.location(), "source '" + s.id() + "': " + e.getMessage());
        }
      }
      // The values are read only from files whose headers are all there: otherwise the import
      // itself would stop.
      if (d.errorCount() == errorsBefore && !files.isEmpty())
        DataValueCheck.check(def, s, overrides, d);
    }
  }
}
