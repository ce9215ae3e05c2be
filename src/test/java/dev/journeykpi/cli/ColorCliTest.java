package dev.journeykpi.cli;

import static dev.journeykpi.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.cli.ColorOption.When;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --color} (issue 19): statuses in colour on a terminal, never in a pipe or a file, and the
 * layout the same with and without colour — on the Vietnamese customer-service definition, whose
 * labels are cut and notes wrapped at 80 columns.
 */
class ColorCliTest {
  @TempDir Path dir;

  private static final String ESC = "\u001b";

  private static CliRunner.Result report(String... more) {
    String[] base = {
      "report",
      "-c",
      "kpi-definitions/customer-service.yaml",
      "--period",
      "2026-10",
      "-q",
      "--width",
      "80"
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  @Test
  void colourIsAddedAfterTheLayoutSoStrippingItGivesThePlainTableByteForByte() {
    CliRunner.Result always = report("--color", "always");
    CliRunner.Result never = report("--color", "never");
    assertThat(always.exitCode()).isZero();
    assertThat(never.exitCode()).isZero();
    assertThat(never.out()).doesNotContain(ESC);
    // The statuses are coloured: the three codes appear, each closed by a reset.
    assertThat(always.out())
        .contains(ESC + "[32mxanh" + ESC + "[0m")
        .contains(ESC + "[33mvàng" + ESC + "[0m")
        .contains(ESC + "[31mđỏ" + ESC + "[0m");
    assertThat(always.out().replaceAll(ESC + "\\[[0-9;]*m", "")).isEqualTo(never.out());
  }

  @Test
  void onlyTheStatusWordIsColouredNeverANumber() {
    String out = report("--color", "always").out();
    // Every coloured stretch is one of the three status words.
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(ESC + "\\[3[123]m([^" + ESC + "]*)" + ESC + "\\[0m")
            .matcher(out);
    int coloured = 0;
    while (m.find()) {
      assertThat(m.group(1)).isIn("xanh", "vàng", "đỏ");
      coloured++;
    }
    assertThat(coloured).isPositive();
    // A section title's counts: "1 xanh · 0 vàng · 0 đỏ" with the words alone in colour.
    assertThat(out)
        .contains(
            "1 "
                + ESC
                + "[32mxanh"
                + ESC
                + "[0m · 0 "
                + ESC
                + "[33mvàng"
                + ESC
                + "[0m · 0 "
                + ESC
                + "[31mđỏ"
                + ESC
                + "[0m");
  }

  @Test
  void byDefaultAPipeGetsNoColour() {
    // Under the test runner standard output is no terminal: auto is plain, as in a pipe or cron.
    CliRunner.Result auto = report();
    assertThat(auto.out()).doesNotContain(ESC).isEqualTo(report("--color", "never").out());
  }

  @Test
  void colorAloneMeansAlwaysAndAFileIsNeverColoured() throws Exception {
    assertThat(report("--color").out()).contains(ESC + "[32mxanh");
    Path txt = dir.resolve("card.txt");
    CliRunner.Result r = report("--color", "always", "-o", txt.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(txt)).doesNotContain(ESC).contains("xanh");
  }

  @Test
  void anUnknownWhenIsAUsageError() {
    CliRunner.Result r = report("--color", "sometimes");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--color").contains("AUTO, ALWAYS, NEVER");
  }

  @Test
  void autoColoursATerminalUnlessNoColorIsSetAndNonEmptyOrTheTerminalIsDumb() {
    // terminal, NO_COLOR unset, TERM=xterm-256color: colour.
    assertThat(ColorOption.colours(When.AUTO, null, "xterm-256color", true)).isTrue();
    // NO_COLOR set but empty counts as unset (no-color.org: "present and not an empty string").
    assertThat(ColorOption.colours(When.AUTO, "", "xterm-256color", true)).isTrue();
    // Any non-empty value, "0" too, turns colour off.
    assertThat(ColorOption.colours(When.AUTO, "1", "xterm-256color", true)).isFalse();
    assertThat(ColorOption.colours(When.AUTO, "0", "xterm-256color", true)).isFalse();
    // A dumb terminal (Emacs' shell, some CI logs) shows escapes as text.
    assertThat(ColorOption.colours(When.AUTO, null, "dumb", true)).isFalse();
    // Not a terminal: a pipe, a file, cron.
    assertThat(ColorOption.colours(When.AUTO, null, "xterm-256color", false)).isFalse();
    // The explicit option wins over everything, NO_COLOR included.
    assertThat(ColorOption.colours(When.ALWAYS, "1", "dumb", false)).isTrue();
    assertThat(ColorOption.colours(When.NEVER, null, "xterm-256color", true)).isFalse();
  }
}
