package dev.journeykpi.cli;

import dev.journeykpi.model.ImportProgress;
import dev.journeykpi.report.DisplayWidth;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A line on stderr, redrawn in place four times a second, saying how far a long import has got:
 * {@code kpi: reading tickets: 1,250,000 rows, 610,000 rows/s}. Drawn only when stderr is a
 * terminal and not with -q (a cron log or a pipe gets nothing: {@link #forTerminal}), and only once
 * an import has run for a second, so small exports show nothing. Cleared (spaces over it, carriage
 * return: no escape codes) as soon as the last import under way ends, before kpi writes anything
 * else.
 */
final class ProgressLine implements AutoCloseable {
  static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final long TICK_MILLIS = 250;

  private final PrintWriter err;
  private final Thread ticker;
  private int shown; // the length of the line on the screen, 0 when none

  /**
   * The terminal's columns (0: unknown): the line is cut to one less, as a line that wraps is
   * redrawn under itself instead of over itself.
   */
  private final int width;

  ProgressLine(PrintWriter err) {
    this(err, 0);
  }

  ProgressLine(PrintWriter err, int width) {
    this.err = err;
    this.width = width;
    this.ticker = new Thread(this::tick, "kpi-progress");
    ticker.setDaemon(true);
  }

  /**
   * A progress line on {@code err} when it is a terminal ({@code System.console()} is null when
   * stdin or stdout is redirected too: then nothing either, which errs on the quiet side) and not
   * {@code quiet}; else one that does nothing.
   */
  static ProgressLine forTerminal(PrintWriter err, boolean quiet, int width) {
    ProgressLine p = new ProgressLine(err, width);
    if (!quiet && System.console() != null) p.start();
    return p;
  }

  private void start() {
    ImportProgress.watch(this::clear);
    ticker.start();
  }

  private void tick() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(TICK_MILLIS);
        draw(ImportProgress.now());
      }
    } catch (InterruptedException stopped) {
      // close(): the run is over
    }
  }

  synchronized void draw(ImportProgress.Snapshot s) {
    if (s == null || s.nanos() < SHOW_AFTER_NANOS) return;
    String line = text(s);
    // Several sources' names can make it wider than an 80-column terminal.
    if (width > 1) line = DisplayWidth.truncate(line, width - 1);
    err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
    err.flush();
    shown = line.length();
  }

  synchronized void clear() {
    if (shown == 0) return;
    err.print("\r" + " ".repeat(shown) + "\r");
    err.flush();
    shown = 0;
  }

  /** {@code kpi: reading tickets: 1,250,000 rows, 610,000 rows/s}. */
  static String text(ImportProgress.Snapshot s) {
    long rate = s.nanos() <= 0 ? 0 : Math.round(s.rows() * 1e9 / s.nanos() / 1000) * 1000;
    return String.format(
        Locale.ROOT,
        "kpi: reading %s: %,d %s, %,d rows/s",
        String.join(", ", s.sources()),
        s.rows(),
        s.rows() == 1 ? "row" : "rows", // a rate is a rate: "1,000 rows/s", "0 rows/s"
        rate);
  }

  @Override
  public void close() {
    ticker.interrupt();
    ImportProgress.watch(null);
    clear();
  }
}
