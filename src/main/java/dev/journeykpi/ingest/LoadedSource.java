package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.QualityReport;
import tech.tablesaw.api.Table;

/** A source read into a typed table with canonical column names, and what happened to its rows. */
public record LoadedSource(SourceDef source, Table table, QualityReport quality) {
  /**
   * The same source and table with a later version of its quality report (the engine's additions to
   * it).
   */
  public LoadedSource withQuality(QualityReport later) {
    return new LoadedSource(source, table, later);
  }
}
