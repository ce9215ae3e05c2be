package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.journeykpi.cli.CliHarness;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlRendererTest {
  static final String HOTEL = "kpi-definitions/hotel-housekeeping.yaml";

  @TempDir Path dir;

  Path page(String... extra) {
    Path f = dir.resolve("scorecard.html");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "report",
                "-c",
                HOTEL,
                "--period",
                "2026-10",
                "--periods",
                "2",
                "-o",
                f.toString()));
    args.addAll(List.of(extra));
    assertThat(CliHarness.exit(args.toArray(String[]::new))).isZero();
    return f;
  }

  @Test
  void selfContainedWithStatusesAndTrends() throws Exception {
    String html = Files.readString(page("--no-timestamp"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<meta name=\"viewport\"")
        .contains("<td class=\"status red\">đỏ</td>")
        .contains("<td class=\"status green\">xanh</td>")
        .contains("<svg class=\"trend\"")
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("Generated");
    // Stable: a rerun gives the same bytes.
    assertThat(Files.readString(page("--no-timestamp"))).isEqualTo(html);
    assertThat(Files.readString(page())).contains("<div class=\"meta\">Tạo lúc ");
  }

  /** --format html writes the page to stdout, with no run time in it. */
  @Test
  void htmlToStdout() {
    var r =
        dev.journeykpi.cli.CliHarness.run(
            "report", "-c", HOTEL, "--period", "2026-10", "--format", "html", "-q");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("Tạo lúc")
        .contains("<td class=\"status red\">đỏ</td>");
  }

  @Test
  void textIsEscaped() {
    assertThat(HtmlRenderer.esc("<b>\"A&B\"</b>"))
        .isEqualTo("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
  }

  /**
   * The page as a phone shows it, rendered by headless Chromium when it is installed (apt-get
   * install chromium): the screenshot must show the red and the green status bars, which stay in
   * view when the table is wider than the screen.
   */
  @Test
  void rendersInChromium() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "Chromium is not installed");
    Path html = page("--no-timestamp");
    Path png = dir.resolve("shot.png");
    Process p =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=412,2400",
                "--screenshot=" + png,
                html.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(412);
    assertThat(hasColour(img, 0xdc3545)).as("red status bar").isTrue();
    assertThat(hasColour(img, 0x28a745)).as("green status bar").isTrue();
  }

  private BufferedImage shot(String config, String period, String name, int height)
      throws Exception {
    Path html = dir.resolve(name + ".html");
    assertThat(
            CliHarness.exit(
                "report",
                "-c",
                config,
                "--period",
                period,
                "--no-timestamp",
                "-o",
                html.toString()))
        .isZero();
    Path png = dir.resolve(name + ".png");
    Process p =
        new ProcessBuilder(
                "/usr/bin/chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile-" + name),
                "--window-size=1280," + height,
                "--screenshot=" + png,
                html.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return ImageIO.read(png.toFile());
  }

  /**
   * The funnel chart and the cohort heat map as Chromium draws them: the sales funnel's bars are
   * runs of blue whose lengths shrink from stage to stage (a funnel has several different bar
   * lengths); the cohort triangle's cells are shades of blue, deeper for larger shares.
   */
  @Test
  void funnelChartAndCohortHeatMapRenderInChromium() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed");
    BufferedImage funnel = shot("kpi-definitions/sales-journey.yaml", "2026-Q3", "funnel", 2400);
    java.util.Set<Integer> barLengths = new java.util.TreeSet<>();
    for (int y = 0; y < funnel.getHeight(); y++) {
      int run = 0;
      for (int x = 0; x < funnel.getWidth(); x++) {
        if ((funnel.getRGB(x, y) & 0xffffff) == 0x2563eb) {
          run++;
        } else {
          if (run >= 3) barLengths.add(run);
          run = 0;
        }
      }
      if (run >= 3) barLengths.add(run);
    }
    assertThat(barLengths).as("funnel bar lengths").hasSizeGreaterThanOrEqualTo(5);
    BufferedImage cohorts = shot("kpi-definitions/retention.yaml", "2026-10", "cohorts", 3000);
    java.util.Set<Integer> shades = new java.util.HashSet<>();
    for (int y = 0; y < cohorts.getHeight(); y++) {
      for (int x = 0; x < cohorts.getWidth(); x++) {
        int c = cohorts.getRGB(x, y) & 0xffffff;
        int r = c >> 16, g = (c >> 8) & 0xff, b = c & 0xff;
        if (b >= 230 && r < b - 15 && g < b - 5) shades.add(c);
      }
    }
    assertThat(hasColour(cohorts, 0x2563eb)).as("100% cells in full blue").isTrue();
    assertThat(shades).as("shades of the heat map").hasSizeGreaterThanOrEqualTo(5);
  }

  private static boolean hasColour(BufferedImage img, int rgb) {
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) == rgb) return true;
      }
    }
    return false;
  }
}
