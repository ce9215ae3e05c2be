package dev.journeykpi.engine;

import dev.journeykpi.ingest.Inspector;
import dev.journeykpi.model.Inspection;
import dev.journeykpi.report.InspectionRenderer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code kpi inspect FILE}: how an export reads (headers, inferred types, formats, samples) and a
 * sources: snippet for it.
 */
public final class InspectJob {
  private InspectJob() {}

  /**
   * The inspection of {@code file} as text.
   *
   * @param sheet an Excel sheet name or 0-based index, or null for the first
   * @param headerRow the 1-based header row, or 0 to find it
   * @param encoding a CSV's charset when not UTF-8/UTF-16, or null
   * @param delimiter a CSV's delimiter, or 0 to detect it
   * @param sourceId the source id for the YAML snippet, or null to make one of the file name
   */
  public static String inspect(
      Path file, String sheet, int headerRow, String encoding, char delimiter, String sourceId) {
    Inspection in = Inspector.inspect(file, sheet, headerRow, encoding, delimiter);
    return InspectionRenderer.render(in, sourceId != null ? sourceId : defaultId(file));
  }

  /**
   * The file's name without its extension, as a YAML id: lower case, runs of other characters as
   * one underscore.
   */
  static String defaultId(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String base =
        (dot > 0 ? n.substring(0, dot) : n).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return base.replaceAll("^_+|_+$", "").isEmpty() ? "data" : base.replaceAll("^_+|_+$", "");
  }
}
