package dev.journeykpi.model;

/**
 * A breakdown value of the data as a result row's label, kept apart from kpi's own labels.
 *
 * <p>A row's breakdown values are texts, and kpi writes its own rows with two of them: {@link
 * ResultRow#TOTAL} for a column a total or roll-up subtotal adds up, {@link ResultRow#BLANK} for
 * the rows without a value. A team literally named {@code (total)} would otherwise be the same key
 * as the subtotal: one engine kept the data's row, another the subtotal, each dropping the other
 * without a word. So a data value that reads like one of kpi's labels gets one leading apostrophe
 * more ({@code (total)} → {@code '(total)}, {@code '(total)} → {@code ''(total)}): every data value
 * keeps a label of its own, only kpi's rows read {@code (total)}, and CSV and JSON (which print the
 * labels) tell the two apart. The views for people show the data's value again ({@link #shown}).
 * Only these few values change, so every other label, and every output without them, stays as it
 * was.
 */
public final class BreakdownLabel {
  private BreakdownLabel() {}

  /**
   * The label of a data value that is not blank: the value itself, or, when it reads like kpi's own
   * {@code (total)} or {@code (blank)} after any apostrophes, with one apostrophe more.
   */
  public static String of(String value) {
    return escaped(value) ? "'" + value : value;
  }

  /**
   * The data value a label stands for, as people read it: {@link #of} undone. kpi's own labels
   * ({@link ResultRow#TOTAL}, {@link ResultRow#BLANK}) and every other label are returned as they
   * are.
   */
  public static String shown(String label) {
    return label.startsWith("'") && escaped(label.substring(1)) ? label.substring(1) : label;
  }

  /** Whether a text is kpi's total or blank label after any number of apostrophes. */
  private static boolean escaped(String s) {
    // Checked by its last character first: a million group labels go through here.
    if (s.isEmpty() || s.charAt(s.length() - 1) != ')') return false;
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\'') i++;
    String rest = i == 0 ? s : s.substring(i);
    return rest.equals(ResultRow.TOTAL) || rest.equals(ResultRow.BLANK);
  }
}
