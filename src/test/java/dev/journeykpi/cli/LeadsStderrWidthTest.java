package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: {@code kpi leads}' data-quality summary on stderr wraps at the terminal's width as
 * {@code kpi report}'s does (StderrLines), and stays whole lines without a width.
 */
class LeadsStderrWidthTest {
  @TempDir Path dir;

  /**
   * sales-journey's activities with one row more whose time is no date (31/09): 1,893 rows read,
   * 1,892 used, 1 rejected. At --width 50, by hand: " activities: 1,893 rows read, 1,892 used, 1"
   * is 2 + 11 + 6 + 5 + 6 + 6 + 6 + 2 = 44 columns, " rejected" would make 53 &gt; 50, so it goes
   * under, two columns in from the line's indent (2 + 2 = 4). " rejected 1: at: not a date-time in
   * format" is 4 + 11 + 4 + 4 + 2 + 10 + 3 + 7 = 45, " dd/MM/yyyy" would make 56, so the format
   * goes under at 4 + 2 = 6. The example's place (a temporary path, longer than 50 with its value)
   * has its value on the next line, 6 + 2 = 8 in.
   */
  @Test
  void theQualitySummaryWrapsAtTheWidthGiven() throws Exception {
    Path csv = dir.resolve("activities.csv");
    String rows = Files.readString(Path.of("examples/sales-journey/nhat-ky-khach-hang.csv"));
    Files.writeString(
        csv,
        rows
            + (rows.endsWith("\n") ? "" : "\n")
            + "KTN-9999,31/09/2026 10:15,Lead marketing,Chuyển bước,Hội chợ triển lãm,Lan,Marketing\n");
    String[] args = {
      "leads",
      "-c",
      "kpi-definitions/sales-journey.yaml",
      "--data",
      "activities=" + csv,
      "--kpi",
      "sales_funnel",
      "--stage",
      "responded",
      "--period",
      "2026-Q3"
    };
    CliRunner.Result r = run(concat(args, "--width", "50"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            """
              activities: 1,893 rows read, 1,892 used, 1
                rejected
                rejected 1: at: not a date-time in format
                  dd/MM/yyyy HH:mm
            """)
        .contains(":1894:Thời điểm\n        '31/09/2026 10:15'\n");
    // Without a width (a pipe, a cron log): whole lines, as before.
    CliRunner.Result whole = run(args);
    assertThat(whole.err())
        .contains("  activities: 1,893 rows read, 1,892 used, 1 rejected\n")
        .contains("    rejected 1: at: not a date-time in format dd/MM/yyyy HH:mm\n")
        .contains(":1894:Thời điểm '31/09/2026 10:15'\n");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
