package dev.journeykpi.engine;

import dev.journeykpi.config.Definition;
import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sources that are tables of a database ({@code table: crm.tickets}, issue 18): a {@code --data
 * source=FILE} override reads such a source from the file instead, and an engine that has no
 * database to read them from (the default engine, DuckDB in memory) refuses them by name before any
 * work, rather than failing on a file that is not there.
 */
final class TableSources {
  private TableSources() {}

  /**
   * The definition with every table source that {@code --data} gives a file for read from that file
   * (as if declared {@code file:}); the same definition when there is none.
   */
  static Definition withFiles(Definition def, Map<String, Path> overrides) {
    boolean any = false;
    Map<String, SourceDef> sources = new LinkedHashMap<>();
    for (SourceDef s : def.sources().values()) {
      Path file = overrides.get(s.id());
      boolean replaced = s.isTable() && file != null;
      any |= replaced;
      sources.put(s.id(), replaced ? s.withFile(file.toString()) : s);
    }
    if (!any) return def;
    return new Definition(
        def.name(),
        def.zone(),
        def.locale(),
        def.calendar(),
        java.util.Collections.unmodifiableMap(sources),
        def.journey(),
        def.kpis(),
        def.files());
  }

  /**
   * A usage error naming every table source among {@code read} (the sources a run reads) when the
   * engine reads files only.
   */
  static void refuse(Definition def, Collection<String> read, String engine) {
    List<String> tables = new ArrayList<>();
    for (String id : read) {
      SourceDef s = def.sources().get(id);
      if (s != null && s.isTable())
        tables.add(
            "source '"
                + id
                + "' is a table (table: "
                + s.table()
                + "): run with --engine jdbc --url … or --engine spark (--engine "
                + engine
                + " reads files only; or give a file with --data "
                + id
                + "=FILE)");
    }
    if (!tables.isEmpty()) throw new UsageException(String.join("\n", tables));
  }
}
