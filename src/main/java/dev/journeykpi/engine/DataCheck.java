package dev.journeykpi.engine;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.Diagnostics;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.config.Suggestions;
import dev.journeykpi.ingest.DataException;
import dev.journeykpi.ingest.HeaderIndex;
import dev.journeykpi.ingest.HeaderProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code kpi validate --check-data}: every mapped header is looked up in the real files, and every miss reported. */
public final class DataCheck {
  private DataCheck() {}

  public static void check(Definition def, Map<String, Path> overrides, Diagnostics d) {
    for (SourceDef s : def.sources().values()) {
      List<Path> files;
      try {
        files = HeaderProbe.files(s, overrides.get(s.id()));
      } catch (DataException e) {
        d.error(s.location(), e.getMessage());
        continue;
      }
      for (Path f : files) {
        try {
          List<String> headers = HeaderProbe.headers(s, f);
          HeaderIndex index = new HeaderIndex(headers);
          for (ColumnDef c : s.columns().values()) {
            if (index.find(c.header()) < 0) {
              d.error(c.location(), "source '" + s.id() + "' column '" + c.name() + "': header '" + c.header()
                  + "' is not in " + f + Suggestions.hint(HeaderIndex.normalise(c.header()),
                      headers.stream().map(HeaderIndex::normalise).toList())
                  + "; headers: " + String.join(", ", headers.stream().map(HeaderIndex::normalise).filter(h -> !h.isEmpty()).toList()));
            }
          }
        } catch (DataException e) {
          d.error(s.location(), "source '" + s.id() + "': " + e.getMessage());
        }
      }
    }
  }
}
