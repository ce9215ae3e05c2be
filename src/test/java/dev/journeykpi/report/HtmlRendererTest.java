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
    List<String> args = new java.util.ArrayList<>(List.of("report", "-c", HOTEL, "--period", "2026-10", "--periods", "2", "-o", f.toString()));
    args.addAll(List.of(extra));
    assertThat(CliHarness.exit(args.toArray(String[]::new))).isZero();
    return f;
  }

  @Test
  void selfContainedWithStatusesAndTrends() throws Exception {
    String html = Files.readString(page("--no-timestamp"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta name=\"viewport\"")
        .contains("<td class=\"status red\">đỏ</td>").contains("<td class=\"status green\">xanh</td>")
        .contains("<svg class=\"trend\"")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("Generated");
    // Stable: a rerun gives the same bytes.
    assertThat(Files.readString(page("--no-timestamp"))).isEqualTo(html);
    assertThat(Files.readString(page())).contains("<div class=\"meta\">Tạo lúc ");
  }

  @Test
  void textIsEscaped() {
    assertThat(HtmlRenderer.esc("<b>\"A&B\"</b>")).isEqualTo("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
  }

  /**
   * The page as a phone shows it, rendered by headless Chromium when it is installed (apt-get install chromium):
   * the screenshot must show the red and the green status bars, which stay in view when the table is wider than the
   * screen.
   */
  @Test
  void rendersInChromium() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "Chromium is not installed");
    Path html = page("--no-timestamp");
    Path png = dir.resolve("shot.png");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + dir.resolve("profile"), "--window-size=412,2400", "--screenshot=" + png,
        html.toUri().toString()).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(412);
    assertThat(hasColour(img, 0xdc3545)).as("red status bar").isTrue();
    assertThat(hasColour(img, 0x28a745)).as("green status bar").isTrue();
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
