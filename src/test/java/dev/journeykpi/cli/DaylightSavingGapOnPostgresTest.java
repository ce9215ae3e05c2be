package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.sql.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daylight-saving export of {@link DaylightSavingGapOnSqlTest} (worked by hand there) on a real
 * PostgreSQL server through {@code --engine jdbc}: the default engine's CSV report, the start in
 * the gap counted as ending before it starts, the overlap read at the earlier offset.
 */
@ExtendWith(PostgresServer.class)
class DaylightSavingGapOnPostgresTest {
  @Test
  void gapAndOverlapTimesGiveTheDefaultEnginesRows(@TempDir Path tmp) throws Exception {
    String config = DaylightSavingGapOnSqlTest.write(tmp).toString();
    String[] report = {"report", "-c", config, "--period", "2026-10", "--periods", "8"};
    CliRunner.Result tablesaw = run(report, "--format", "csv", "--engine", "tablesaw");
    CliRunner.Result jdbc =
        run(
            report,
            "--format",
            "csv",
            "--engine",
            "jdbc",
            "--url",
            PostgresServer.url(),
            "--user",
            "kpi");
    assertThat(jdbc.exitCode()).as(jdbc.err()).isEqualTo(tablesaw.exitCode()).isZero();
    // March's mean is 25 minutes, October's 75 (worked in DaylightSavingGapOnSqlTest).
    assertThat(tablesaw.out()).contains("2026-03").contains("25").contains("75");
    SqlEngineDifferentialTest.assertSameCsv(tablesaw.out(), jdbc.out());
  }

  private static CliRunner.Result run(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRunner.run(all);
  }
}
