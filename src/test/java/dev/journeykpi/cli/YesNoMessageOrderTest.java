package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message for a cell that is not a yes/no value lists the default tokens in their documented
 * order on both engines (docs/definitions.md), the same bytes on every run (issue 17 review).
 */
class YesNoMessageOrderTest {
  @TempDir Path dir;

  @Test
  void theYesNoMessageListsTheTokensInTheDocumentedOrder() throws Exception {
    // Row 2's "maybe" is no token: blanked, the row still counted (1 of 2 rows ok is 50.0%).
    Files.writeString(
        dir.resolve("d.csv"), "id,created,ok\n1,2026-10-01 10:00,yes\n2,2026-10-02 10:00,maybe\n");
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        timezone: UTC
        sources:
          s:
            file: d.csv
            columns:
              id: id
              created: { column: created, type: datetime, format: yyyy-MM-dd HH:mm }
              ok: { column: ok, type: boolean }
        kpis:
          - { id: r, type: ratio, source: s, time: created, numerator: { ok: true } }
        """);
    for (String engine : new String[] {"tablesaw", "duckdb"}) {
      CliRunner.Result r = run("report", "-c", def.toString(), "-p", "2026-10", "--engine", engine);
      assertThat(r.err())
          .as(engine)
          .contains(
              "blanked 1: ok: not a yes/no value (true: true/yes/y/1/x/có/co/đúng/✓;"
                  + " false: false/no/n/0/không/khong/sai/✗)");
    }
  }
}
