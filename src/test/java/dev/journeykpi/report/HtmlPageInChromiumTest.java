package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.journeykpi.cli.CliHarness;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Issue 19's "done when": the page as headless Chromium lays it out at a desktop's width (1280 px)
 * and a phone's (390 px), checked on what is visible, not on the markup: the page never scrolls
 * sideways (the document's scroll width is at most the window's), and every value of every table
 * cell and KPI card is in the page's rendered text ({@code innerText}, which leaves out what is
 * hidden). Skipped when Chromium is not installed ({@code apt-get install chromium}); CI machines
 * skip it.
 *
 * <p>Headless Chromium's windows are at least 500 px wide, so the page is laid out in a frame of
 * the width asked for, inside a host page; a script added to the page's copy posts what it measured
 * to the host, whose DOM Chromium prints ({@code --dump-dom}).
 */
class HtmlPageInChromiumTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  static final List<String> RUNS =
      List.of(
          "kpi-definitions/hotel-housekeeping.yaml 2026-10 --periods 3 --compare previous",
          "kpi-definitions/sales-journey.yaml 2026-Q3",
          "kpi-definitions/retention.yaml 2026-10");

  static final int[] WIDTHS = {1280, 390};

  /**
   * The hotel with three periods and their changes, the sales funnel and the retention cohorts,
   * each at both widths: six frames of one host page, so Chromium starts once.
   */
  @Test
  void everyValueVisibleAndNoSidewaysScroll() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Chromium is not installed (apt-get install chromium): the page's layout is not checked");
    List<List<String>> values = new ArrayList<>();
    StringBuilder frames = new StringBuilder();
    for (int k = 0; k < RUNS.size(); k++) {
      String[] words = RUNS.get(k).split(" ");
      List<String> args =
          new ArrayList<>(
              List.of("report", "-c", words[0], "--period", words[1], "--no-timestamp"));
      for (int i = 2; i < words.length; i++) args.add(words[i]);
      Path page = dir.resolve("page-" + k + ".html");
      args.addAll(List.of("-o", page.toString()));
      assertThat(CliHarness.exit(args.toArray(String[]::new))).isZero();
      String html = Files.readString(page);
      values.add(values(html));
      assertThat(values.get(k)).as("values of the tables and cards").hasSizeGreaterThan(20);
      for (int width : WIDTHS) {
        String id = k + "-" + width;
        String script =
            "<script>parent.postMessage({id:\""
                + id
                + "\",sw:document.documentElement.scrollWidth,"
                + "iw:window.innerWidth,heat:"
                + HEAT_TEXT
                + ",wide:"
                + SCROLLING_TABLES
                + ",text:document.body.innerText},\"*\");</script>";
        Files.writeString(
            dir.resolve("probed-" + id + ".html"),
            html.replace("</body>", script + "</body>"),
            StandardCharsets.UTF_8);
        frames
            .append("<iframe src=\"probed-")
            .append(id)
            .append(".html\" style=\"display:block;width:")
            .append(width)
            .append("px;height:900px;border:0\"></iframe>");
      }
    }
    Map<String, Probe> probes = probe(frames.toString());
    for (int k = 0; k < RUNS.size(); k++) {
      for (int width : WIDTHS) {
        Probe p = probes.get(k + "-" + width);
        String what = RUNS.get(k).split(" ")[0] + " at " + width + " px";
        assertThat(p).as("%s: the frame's report", what).isNotNull();
        assertThat(p.innerWidth).as("%s: the frame's width", what).isEqualTo(width);
        assertThat(p.scrollWidth).as("%s: scroll width", what).isLessThanOrEqualTo(p.innerWidth);
        String visible = normal(p.text);
        List<String> missing = values.get(k).stream().filter(v -> !visible.contains(v)).toList();
        assertThat(missing).as("%s: values not in the visible text", what).isEmpty();
        if (width == 1280 && RUNS.get(k).contains("hotel"))
          // Issue 19: the hotel's three periods with their changes were 1351 px in a frame of
          // 1280 less the body's margins of 2 × 16 = 1248, its table scrolling sideways by 103 px
          // (the notes column at its 12rem already); on the desktop the KPI labels now wrap (down
          // to 8rem) and the notes down to 9rem, saving 73 + 48 px: 1230.
          assertThat(p.wide).as("%s: tables that scroll sideways", what).isZero();
        if (RUNS.get(k).contains("retention")) {
          // One heat map shown at each width, its text at least 9 px: on the desktop the 816 px
          // drawing at full size (10 px); on the phone the phone's drawing, 350 px in a frame of
          // 390 less the body's margins of 2 × 9.6 = 370.8, so at full size too: 9 px (the
          // desktop's drawing there was shrunk to 370.8 / 816 × 10 = 4.5 px).
          assertThat(p.heat.split(",")).as("%s: heat maps shown", what).hasSize(1);
          assertThat(Double.parseDouble(p.heat))
              .as("%s: the heat map's text in px", what)
              .isGreaterThanOrEqualTo(8.99);
        }
      }
    }
  }

  /**
   * The size in screen pixels of the text of each heat map shown (width > 0), comma-separated: the
   * drawing's own font size times its scale (shown width over drawn width).
   */
  static final String HEAT_TEXT =
      "Array.prototype.filter.call(document.querySelectorAll(\"svg.heat\"),"
          + "function(e){return e.getBoundingClientRect().width>0;})"
          + ".map(function(e){return e.getBoundingClientRect().width/e.viewBox.baseVal.width"
          + "*parseFloat(getComputedStyle(e).fontSize);}).join(\",\")";

  /** How many tables scroll sideways inside their own frame (.wrap). */
  static final String SCROLLING_TABLES =
      "Array.prototype.filter.call(document.querySelectorAll(\".wrap\"),"
          + "function(w){return w.scrollWidth>w.clientWidth;}).length";

  /** Every non-empty table cell's text and every KPI card's value, as the page writes them. */
  static List<String> values(String html) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    List<String> out = new ArrayList<>();
    NodeList cells = doc.getElementsByTagNameNS("*", "td");
    for (int i = 0; i < cells.getLength(); i++) {
      String t = normal(cells.item(i).getTextContent());
      if (!t.isEmpty()) out.add(t);
    }
    NodeList divs = doc.getElementsByTagNameNS("*", "div");
    for (int i = 0; i < divs.getLength(); i++) {
      var cls = divs.item(i).getAttributes().getNamedItem("class");
      if (cls != null && cls.getNodeValue().equals("v"))
        out.add(normal(divs.item(i).getTextContent()));
    }
    return out;
  }

  /**
   * Spaces as one plain space: rendered text turns runs of white space and no-break spaces into
   * one.
   */
  static String normal(String s) {
    return s.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ").strip();
  }

  record Probe(int scrollWidth, int innerWidth, String heat, int wide, String text) {}

  /** Each frame's report, by its id, from the host page's DOM as Chromium prints it. */
  private Map<String, Probe> probe(String frames) throws Exception {
    Files.writeString(
        dir.resolve("host.html"),
        "<!DOCTYPE html><html><body style=\"margin:0\"><script>"
            + "addEventListener(\"message\",function(e){var p=document.createElement(\"pre\");"
            + "p.setAttribute(\"data-id\",e.data.id);p.setAttribute(\"data-sw\",e.data.sw);"
            + "p.setAttribute(\"data-iw\",e.data.iw);p.setAttribute(\"data-heat\",e.data.heat);"
            + "p.setAttribute(\"data-wide\",e.data.wide);"
            + "p.textContent=e.data.text;"
            + "document.body.insertBefore(p,document.body.firstChild);});</script>"
            + frames
            + "</body></html>",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1400,1000",
                // Time for the frames' messages to reach the host before the DOM is printed.
                "--virtual-time-budget=10000",
                "--dump-dom",
                dir.resolve("host.html").toUri().toString())
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("chromium.log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    String dom = Files.readString(out);
    Matcher m =
        Pattern.compile(
                "<pre data-id=\"([^\"]+)\" data-sw=\"(\\d+)\" data-iw=\"(\\d+)\""
                    + " data-heat=\"([^\"]*)\" data-wide=\"(\\d+)\">(.*?)</pre>",
                Pattern.DOTALL)
            .matcher(dom);
    Map<String, Probe> probes = new HashMap<>();
    while (m.find()) {
      String text =
          m.group(6)
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&nbsp;", " ")
              .replace("&amp;", "&");
      probes.put(
          m.group(1),
          new Probe(
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              m.group(4),
              Integer.parseInt(m.group(5)),
              text));
    }
    return probes;
  }
}
