package dev.journeykpi.report.html;

import java.util.Locale;

/**
 * The small pieces every chart of the HTML page writes: coordinates as short plain numbers, text
 * escaped for XML (the page must parse as XHTML, for the PDF), and the opening tag of a drawing
 * that scales down to the width of a phone.
 */
final class Svg {
  private Svg() {}

  /** A coordinate: at most one decimal, '.' as the mark, no trailing ".0" (56.7, 150, 0). */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    if (tenths == 0) return "0";
    return tenths % 10 == 0
        ? Long.toString(tenths / 10)
        : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  /** Text or an attribute's value, escaped for XML. */
  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /**
   * An SVG element's opening tag: drawn in a {@code width}×{@code height} box and scaled down (CSS
   * {@code max-width:100%}) when the screen is narrower; {@code label} is what a screen reader
   * says.
   */
  static String open(String cls, double width, double height, String label) {
    return "<svg class=\""
        + cls
        + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + num(width)
        + "\" height=\""
        + num(height)
        + "\" viewBox=\"0 0 "
        + num(width)
        + " "
        + num(height)
        + "\" role=\"img\" aria-label=\""
        + esc(label)
        + "\">";
  }

  /**
   * A text at (x, y); {@code anchor} start, middle or end, {@code cls} a class of the page's CSS.
   */
  static String text(double x, double y, String anchor, String cls, String text) {
    return "<text x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\""
        + (anchor.equals("start") ? "" : " text-anchor=\"" + anchor + "\"")
        + (cls.isEmpty() ? "" : " class=\"" + cls + "\"")
        + ">"
        + esc(text)
        + "</text>";
  }

  static String rect(double x, double y, double w, double h, String fill, String extra) {
    return "<rect x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\" width=\""
        + num(w)
        + "\" height=\""
        + num(h)
        + "\" fill=\""
        + fill
        + "\""
        + extra
        + "/>";
  }

  static String line(double x1, double y1, double x2, double y2, String cls) {
    return "<line x1=\""
        + num(x1)
        + "\" y1=\""
        + num(y1)
        + "\" x2=\""
        + num(x2)
        + "\" y2=\""
        + num(y2)
        + "\" class=\""
        + cls
        + "\"/>";
  }
}
