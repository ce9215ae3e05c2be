package dev.journeykpi.report;

import dev.journeykpi.model.Inspection;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what {@code kpi inspect} found, and a {@code sources:} snippet ready to paste into a
 * definition.
 */
public final class InspectionRenderer {
  private InspectionRenderer() {}

  public static String render(Inspection in, String sourceId) {
    return render(in, sourceId, null);
  }

  /**
   * @param pasteInto the folder of the definition file the snippet goes into, whose {@code file:}
   *     is then written relative to it; null for an absolute path
   */
  public static String render(Inspection in, String sourceId, java.nio.file.Path pasteInto) {
    StringBuilder b = new StringBuilder();
    ValueFormat f = new ValueFormat("en");
    b.append(in.file()).append('\n');
    b.append("  ")
        .append(in.format())
        .append(", ")
        .append(in.layout())
        .append(", ")
        .append(f.count(in.rows()))
        .append(" data rows\n\n");
    TextTable t =
        new TextTable(
            List.of("#", "Header", "Type", "Format", "Blank", "Samples", "Note"),
            new boolean[] {true, false, false, false, true, false, false});
    int i = 1;
    for (Inspection.ColumnReport c : in.columns()) {
      t.row(
          List.of(
              String.valueOf(i++),
              c.header(),
              c.type(),
              formats(c),
              f.count(c.blanks()),
              shorten(String.join(" · ", c.samples()), 48),
              c.note()));
    }
    b.append(t.render("  ")).append('\n');
    b.append(snippet(in, sourceId, pasteInto));
    return b.toString();
  }

  /**
   * The snippet's {@code file:} value and a comment saying how it resolves. A definition reads a
   * relative {@code file:} from its own folder, not from the folder {@code kpi inspect} ran in, so
   * the path as typed would point elsewhere once pasted: it is written relative to the folder the
   * snippet goes into ({@code --for}), or absolute.
   */
  static String fileLine(java.nio.file.Path file, java.nio.file.Path pasteInto) {
    java.nio.file.Path absolute = file.toAbsolutePath().normalize();
    if (pasteInto != null) {
      java.nio.file.Path folder = pasteInto.toAbsolutePath().normalize();
      try {
        String relative =
            folder.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
        return quote(relative) + "    # relative to " + folder + ", the definition file's folder";
      } catch (IllegalArgumentException e) {
        // Another drive (Windows): no relative path leads there; the absolute one still works.
      }
    }
    return quote(absolute.toString())
        + "    # absolute; a relative file: is read from the definition file's folder"
        + " (kpi inspect --for DEFINITION writes one)";
  }

  private static String formats(Inspection.ColumnReport c) {
    if (c.type().equals("number")) return "decimal " + c.formats().get(0);
    return String.join(" | ", c.formats());
  }

  static String snippet(Inspection in, String sourceId, java.nio.file.Path pasteInto) {
    List<String> lines = new ArrayList<>();
    lines.add("sources:");
    lines.add("  " + sourceId + ":");
    lines.add("    file: " + fileLine(java.nio.file.Path.of(in.file()), pasteInto));
    if (in.encoding() != null) lines.add("    encoding: " + in.encoding());
    if (!in.nulls().isEmpty()) {
      // Declared nulls replace the defaults: the list has "" and every blank token the file uses.
      lines.add(
          "    nulls: ["
              + String.join(
                  ", ",
                  in.nulls().stream()
                      .map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                      .toList())
              + "]    # blank tokens seen in the file");
    }
    if (in.sheet() != null) {
      lines.add("    sheet: " + quote(in.sheet()));
      lines.add("    header_row: " + in.headerRow());
    } else if (in.headerRow() > 1) {
      lines.add("    header_row: " + in.headerRow());
    }
    lines.add("    columns:");
    for (Inspection.ColumnReport c : in.columns()) {
      String header = quote(c.header());
      String entry =
          switch (c.type()) {
            case "string" -> header;
            case "number" ->
                "{ column: "
                    + header
                    + ", type: number"
                    + (c.formats().get(0).equals(",") ? ", decimal: \",\"" : "")
                    + " }";
            case "date", "datetime" ->
                "{ column: "
                    + header
                    + ", type: "
                    + c.type()
                    + (c.formats().isEmpty()
                        ? ""
                        : ", format: "
                            + (c.formats().size() == 1
                                ? quote(c.formats().get(0))
                                : "["
                                    + String.join(
                                        ", ",
                                        c.formats().stream()
                                            .map(InspectionRenderer::quote)
                                            .toList())
                                    + "]"))
                    + " }";
            default -> "{ column: " + header + ", type: " + c.type() + " }";
          };
      lines.add("      " + c.name() + ": " + entry);
    }
    return String.join("\n", lines) + "\n";
  }

  /** Double-quotes a YAML scalar unless it is plainly safe. */
  static String quote(String s) {
    if (s.matches("[\\p{L}\\p{N}_./ -]*[\\p{L}\\p{N}_.]")
        && !s.startsWith(" ")
        && !s.startsWith("-")) return s;
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String shorten(String s, int max) {
    return s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
