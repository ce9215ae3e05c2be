package dev.journeykpi.config;

/**
 * A KPI's own {@code confidence: 90} (issue 20): the level in percent of its intervals, which wins
 * over the run's {@code --confidence}. Strictly between 50 and 100: at 50 % or below an interval is
 * as likely to miss the value as to hold it, and 100 % would be the whole scale; "90%" is read as
 * 90, as the command line reads it.
 */
final class ConfidenceLevel {
  static final double LOWEST = 50;
  static final double HIGHEST = 100;

  private ConfidenceLevel() {}

  /** The KPI's level, or null when it names none or names one that cannot be used (reported). */
  static Double bind(MapReader m, String ctx, Diagnostics d) {
    if (!m.has("confidence")) return null;
    String text = m.string("confidence");
    if (text == null) return null; // not a single value: reported by the reader
    String t = text.trim();
    if (t.endsWith("%")) t = t.substring(0, t.length() - 1).trim();
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (v > LOWEST && v < HIGHEST) return v;
    d.error(
        m.at("confidence"),
        ctx
            + ".confidence must be a level in percent strictly between 50 and 100, e.g. 90 or 95;"
            + " found '"
            + text
            + "'");
    return null;
  }

  /**
   * A level nothing would use is an error at its place, not a key accepted silently: a KPI whose
   * rows are no shares of counted things (a mean, a duration, a sum, a count, an NPS) gets no
   * Wilson interval from it, and without {@code compare:} it has no comparison whose interval it
   * would set.
   */
  static void checkUsed(MapReader m, String ctx, Diagnostics d, SpecBinder type, KpiDef k) {
    if (k.confidence() == null || k.compare() != null || type.hasShares(k)) return;
    d.error(
        m.at("confidence"),
        ctx
            + ".confidence: a "
            + type.name()
            + " KPI"
            + (k.unit().isEmpty() ? "" : " in " + k.unit())
            + " has no shares to put an interval on (rates of counted rows: a ratio, an sla, a"
            + " top-box score…) and no compare: whose interval it would set; drop it, or add"
            + " compare:");
  }
}
