package dev.journeykpi.ingest;

import dev.journeykpi.config.Definition;
import dev.journeykpi.types.KpiKinds;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small export and a one-source definition beside it, and imports it. */
final class ImportFixtures {
  private ImportFixtures() {}

  static Path write(Path dir, String name, String text, Charset cs, boolean bom)
      throws IOException {
    byte[] body = text.getBytes(cs);
    byte[] mark =
        !bom
            ? new byte[0]
            : cs.name().startsWith("UTF-16")
                ? (cs.name().endsWith("LE")
                    ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF})
                : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] all = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, all, 0, mark.length);
    System.arraycopy(body, 0, all, mark.length, body.length);
    Path f = dir.resolve(name);
    Files.write(f, all);
    return f;
  }

  /**
   * {@code sourceYaml} is the body of source "s" (file:, columns: …), indented by the caller's text
   * block.
   */
  static Definition definition(Path dir, String sourceYaml) throws IOException {
    return definition(dir, sourceYaml, "UTC");
  }

  static Definition definition(Path dir, String sourceYaml, String zone) throws IOException {
    String yaml =
        "version: 1\ntimezone: "
            + zone
            + "\nsources:\n  s:\n"
            + sourceYaml.indent(4)
            + "kpis:\n  - { id: rows, type: count, source: s, time: none }\n";
    Path f = dir.resolve("def.yaml");
    Files.writeString(f, yaml);
    return KpiKinds.load(List.of(f));
  }

  static LoadedSource load(Path dir, String sourceYaml) throws IOException {
    Definition d = definition(dir, sourceYaml);
    return SourceLoader.load(d.sources().get("s"), null, d.zone());
  }
}
