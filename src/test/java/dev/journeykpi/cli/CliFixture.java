package dev.journeykpi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's folder for a test: small exports written from their rows, a definition beside them,
 * and kpi run in-process on it, giving the exit code, stdout and stderr. The tests that write their
 * own exports share it, so that each states only its rows, its definition and what it expects.
 */
public final class CliFixture {
  /** The name of the definition {@link #definition} writes. */
  static final String DEFINITION = "d.yaml";

  private final Path dir;

  public CliFixture(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes a CSV export: the header, then each row, one a line, every line ended by a newline as
   * exports are. Rows are written as given (quotes, spaces and all).
   */
  public Path csv(String name, String header, String... rows) throws IOException {
    StringBuilder text = new StringBuilder(header).append('\n');
    for (String row : rows) text.append(row).append('\n');
    return file(name, text.toString());
  }

  /** Writes a file as it is (UTF-8). */
  public Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  /** Writes the definition, {@code d.yaml} beside the exports. */
  public Path definition(String yaml) throws IOException {
    return file(DEFINITION, yaml);
  }

  /**
   * An incident audit log: several updates per incident, out of order, a tie, blank keys and blank
   * times. {@code ingest.DistinctRowsTest} works out each line's fate; {@code DistinctCliTest}
   * reads the same log end to end.
   */
  public Path auditLog() throws IOException {
    return csv(
        "audit.csv",
        "incident,status,updated_at",
        "INC-1,new,2026-10-01 08:00",
        "INC-2,new,2026-10-01 09:00",
        "INC-1,assigned,2026-10-01 10:00",
        " inc-1 ,resolved,2026-10-02 11:00",
        "INC-2,resolved,2026-10-01 09:00",
        ",new,2026-10-03 08:00",
        ",new,2026-10-03 09:00",
        "INC-3,new,",
        "INC-3,assigned,2026-10-04 08:00",
        "INC-4,new,",
        "INC-4,closed,",
        "INC-1,reopened,2026-10-01 12:00");
  }

  /** {@code kpi COMMAND -c d.yaml ARGS…}, on the definition {@link #definition} wrote. */
  CliRunner.Result run(String command, String... args) {
    return withDefinition(command, dir.resolve(DEFINITION).toString(), args);
  }

  /** {@code kpi report -c DEFINITION ARGS…}: a definition of the repository or a test's own. */
  static CliRunner.Result report(String definition, String... args) {
    return withDefinition("report", definition, args);
  }

  private static CliRunner.Result withDefinition(String command, String def, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "-c", def));
    all.addAll(List.of(args));
    return CliRunner.run(all.toArray(String[]::new));
  }
}
