package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import tech.tablesaw.api.Table;

/** A source read into a typed table with canonical column names, and what happened to its rows. */
public record LoadedSource(SourceDef source, Table table, QualityReport quality) {}
