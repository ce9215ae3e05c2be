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
    b.append(snippet(in, sourceId));
    return b.toString();
  }

  private static String formats(Inspection.ColumnReport c) {
    if (c.type().equals("number")) return "decimal " + c.formats().get(0);
    return String.join(" | ", c.formats());
  }

  static String snippet(Inspection in, String sourceId) {
    List<String> lines = new ArrayList<>();
    lines.add("sources:");
    lines.add("  " + sourceId + ":");
    // Absolute: the path as typed is relative to the current folder, and a definition reads its
    // paths from its own
    // folder (kpi-definitions/), so a pasted relative path would point elsewhere.
    lines.add(
        "    file: "
            + quote(java.nio.file.Path.of(in.file()).toAbsolutePath().normalize().toString())
            + "    # absolute; a path relative to the YAML file's folder works too");
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
