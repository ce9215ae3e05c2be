package dev.journeykpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A roll-up's outline in the views when a lower level's names repeat under different parents (two
 * channels each with scripts A and B): each parent shows its own children. The outline had keyed
 * its lines by the text shown — " A" under Email and " A" under Zalo were one line, with Zalo's
 * numbers in Email's place and Zalo's children missing.
 */
class RollupOutlineTest {
  @TempDir Path dir;

  @Test
  void repeatedNamesUnderDifferentParentsKeepTheirOwnLines() throws Exception {
    CliFixture f = new CliFixture(dir);
    // Email: A 8 of 20 solved (40.0%), B 14 of 20 (70.0%), in all 22 of 40 (55.0%); Phone: B 3 of
    // 5 (60.0%); Zalo: A 6 of 10 (60.0%), B 5 of 10 (50.0%), C 1 of 4 (25.0%), in all 12 of 24
    // (50.0%).
    f.csv("sessions.csv", "id,created_at,channel,script,solved", CompareWithinCliTest.sessions());
    f.definition(
        CompareWithinCliTest.definition("[channel, script]")
            .replace("    compare: { by: script, control: A }\n", "    rollup: true\n"));
    CliRunner.Result r = f.run("report", "--period", "2026-10", "--width", "0", "--kpi", "solved");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    String out = r.out().replaceAll(" +", " ");
    assertThat(out)
        .contains(
            " Email 55.0% 40 22 / 40\n"
                + " A 40.0% 20 8 / 20\n"
                + " B 70.0% 20 14 / 20\n"
                + " Phone 60.0% 5 3 / 5\n"
                + " B 60.0% 5 3 / 5\n"
                + " Zalo 50.0% 24 12 / 24\n"
                + " A 60.0% 10 6 / 10\n"
                + " B 50.0% 10 5 / 10\n"
                + " C 25.0% 4 1 / 4\n");
  }
}
