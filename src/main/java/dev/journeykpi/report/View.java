package dev.journeykpi.report;

/**
 * How the views for people are laid out.
 *
 * @param byOwner group by owning department (in journey order) instead of by journey stage
 * @param lang "en" or "vi"; null for the definition's locale
 * @param width the terminal's columns the table view fits (notes wrap, long labels are cut)
 * @param color the table view's statuses in colour ({@link StatusColors}); the caller sets it only
 *     for a terminal (kpi report's --color), never for a file
 */
public record View(boolean byOwner, String lang, int width, boolean color) {
  /** The width of a terminal whose width is not known (a pipe, a file, cron's mail). */
  public static final int DEFAULT_WIDTH = 100;

  public static final View DEFAULT = new View(false, null);

  public View(boolean byOwner, String lang) {
    this(byOwner, lang, DEFAULT_WIDTH);
  }

  /** A view without colour. */
  public View(boolean byOwner, String lang, int width) {
    this(byOwner, lang, width, false);
  }

  /**
   * The width a {@code COLUMNS} value gives: a number of at least 40, else {@link #DEFAULT_WIDTH}
   * (the launcher sets it from the terminal; the shells do not export it by themselves).
   */
  public static int widthOf(String columns) {
    if (columns == null) return DEFAULT_WIDTH;
    try {
      int w = Integer.parseInt(columns.trim());
      return w >= 40 ? w : DEFAULT_WIDTH;
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }
}
