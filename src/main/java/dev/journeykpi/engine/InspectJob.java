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
    return inspect(file, sheet, headerRow, encoding, delimiter, sourceId, null);
  }

  /**
   * As above, the snippet's {@code file:} relative to where it will be pasted.
   *
   * @param pasteFor the definition file the snippet goes into, or its folder (an existing
   *     directory); null for an absolute {@code file:}
   */
  public static String inspect(
      Path file,
      String sheet,
      int headerRow,
      String encoding,
      char delimiter,
      String sourceId,
      Path pasteFor) {
    Inspection in = Inspector.inspect(file, sheet, headerRow, encoding, delimiter);
    return InspectionRenderer.render(
        in, sourceId != null ? sourceId : defaultId(file), folderOf(pasteFor));
  }

  /**
   * The folder a definition reads its {@code file:} paths from: the path itself when it is an
   * existing directory, else the folder of the definition file it names (which need not exist yet).
   */
  static Path folderOf(Path pasteFor) {
    if (pasteFor == null) return null;
    Path p = pasteFor.toAbsolutePath().normalize();
    if (java.nio.file.Files.isDirectory(p)) return p;
    return p.getParent() != null ? p.getParent() : p;
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
