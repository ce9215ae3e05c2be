package dev.journeykpi.report;

import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Set;

/** Formats values for people (per unit and locale) and for machines (plain, stable). */
public final class ValueFormat {
  private static final Set<String> CURRENCIES =
      Set.of("VND", "vnd", "₫", "đ", "USD", "$", "EUR", "€");
  private final DecimalFormatSymbols symbols;
  private final boolean vietnamese;

  /** Whether time units and percentage points are written in Vietnamese (phút, giờ, ngày). */
  private final boolean vietnameseUnits;

  /**
   * Whether a backlog's unit "open" reads "đang mở" (by the locale alone, before units had a
   * language).
   */
  private final boolean openInVietnamese;

  /**
   * @param locale "vi" writes 1.250.000 and 82,5%; "en" writes 1,250,000 and 82.5%; units stay
   *     English (min, h, d), as the command-line tables other than the scorecard write them
   */
  public ValueFormat(String locale) {
    this(locale, "en", "vi".equals(locale));
  }

  /**
   * The format of a view for people: numbers as the definition's {@code locale} writes them, units
   * in the reader's language {@code lang} ("vi": 4,6 phút, 9,6 giờ, 1,5 ngày, +2,5 điểm %).
   */
  public ValueFormat(String locale, String lang) {
    this(locale, lang, "vi".equals(lang));
  }

  private ValueFormat(String locale, String lang, boolean openInVietnamese) {
    vietnameseUnits = "vi".equals(lang);
    this.openInVietnamese = openInVietnamese;
    symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    vietnamese = "vi".equals(locale);
    if (vietnamese) {
      symbols.setGroupingSeparator('.');
      symbols.setDecimalSeparator(',');
    } else {
      symbols.setGroupingSeparator(',');
      symbols.setDecimalSeparator('.');
    }
  }

  /** For the terminal: "82.5%", "14.2 min", "1,250,000 VND", "1,204". Null values show as "–". */
  public String human(Double v, String unit) {
    if (v == null) return "–";
    return switch (unit) {
      case "%" -> number(v * 100, 1) + "%";
      case "seconds" -> number(v, 0) + suffix(unit);
      case "minutes", "hours", "days" -> number(v, 1) + suffix(unit);
      default -> {
        if (CURRENCIES.contains(unit)) {
          yield number(
                  v, unit.equalsIgnoreCase("VND") || unit.equals("₫") || unit.equals("đ") ? 0 : 2)
              + " "
              + unit;
        }
        String n = number(v, v == Math.rint(v) ? 0 : 2);
        // Free-text units ("rooms", "/5") are shown; "rows", the default of a count, is not worth
        // the space. "open" is the unit kpi gives a backlog: in Vietnamese, "đang mở", as the notes
        // say.
        if (openInVietnamese && unit.equals("open")) yield n + " đang mở";
        yield unit.isEmpty() || unit.equals("rows") ? n : n + " " + unit;
      }
    };
  }

  /**
   * What follows a time unit's number, with its space: " min", " h", " d", " s" in English; in
   * Vietnamese the whole word (" phút", " giờ", " ngày", " giây"), since Vietnamese readers know no
   * abbreviation of them; "" for other units.
   */
  public String suffix(String unit) {
    return switch (unit) {
      case "seconds" -> vietnameseUnits ? " giây" : " s";
      case "minutes" -> vietnameseUnits ? " phút" : " min";
      case "hours" -> vietnameseUnits ? " giờ" : " h";
      case "days" -> vietnameseUnits ? " ngày" : " d";
      default -> "";
    };
  }

  /**
   * A share with its confidence interval ({@code kpi report --confidence}), kept short but with its
   * level, since KPIs may set their own: "62.5% (95 % CI 31.7–86.1%)", for a Vietnamese reader
   * "62,5% (KTC 95 % 31,7–86,1%)" (khoảng tin cậy); the value alone when the row has none.
   */
  public String human(Double v, String unit, ResultRow.Interval interval) {
    String h = human(v, unit);
    if (v == null || interval == null) return h;
    // A no-break space, as in the comparison sentences: a wrapped line never splits "95 %".
    String level =
        decimal(interval.level(), interval.level() == Math.rint(interval.level()) ? 0 : 1)
            + "\u00a0%";
    return h
        + " ("
        + (vietnameseUnits ? "KTC " + level + " " : level + " CI ")
        + number(interval.low() * 100, 1)
        + "–"
        + number(interval.high() * 100, 1)
        + "%)";
  }

  /** A target for people: "≥ 90.0%", "≤ 30.0 min", "80.0%–95.0%"; "" when there is none. */
  public String target(Target t, String unit) {
    if (t == null) return "";
    return switch (t.kind()) {
      case MIN -> "≥ " + human(t.low(), unit);
      case MAX -> "≤ " + human(t.high(), unit);
      case RANGE -> human(t.low(), unit) + "–" + human(t.high(), unit);
    };
  }

  /** A change for people: "+2.5 pp" for rates, "+8 (+5.0%)" for counts, money and durations. */
  public String change(Double delta, Double relative, String unit) {
    if (delta == null) return "";
    String sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
    // Percentage points: "điểm %" is how Vietnamese reports write them.
    if (unit.equals("%"))
      return sign + number(Math.abs(delta) * 100, 1) + (vietnameseUnits ? " điểm %" : " pp");
    String abs = human(Math.abs(delta), unit);
    String rel =
        relative == null
            ? ""
            : " (" + (relative >= 0 ? "+" : "−") + number(Math.abs(relative) * 100, 1) + "%)";
    return sign + abs + rel;
  }

  /** A fraction as a percentage with {@code decimals} decimals: 0.643 → "64%" with none. */
  public String percent(double fraction, int decimals) {
    return number(fraction * 100, decimals) + "%";
  }

  public String count(double v) {
    return number(v, v == Math.rint(v) ? 0 : 2);
  }

  /** A number with {@code decimals} decimals in the locale's marks: "0.03", "0,03". */
  String decimal(double v, int decimals) {
    return number(v, decimals);
  }

  private String number(double v, int decimals) {
    DecimalFormat f =
        new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  /**
   * For CSV and JSON: no grouping, '.' decimal mark, at most 6 decimals, no trailing zeros, so the
   * same numbers give the same bytes on every machine and locale.
   */
  public static String plain(Double v) {
    if (v == null) return "";
    if (v.isNaN() || v.isInfinite()) return "";
    // Whole numbers (counts) straight away: the same text as below, without four BigDecimals per
    // cell.
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v.doubleValue());
    BigDecimal b = new BigDecimal(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    if (b.signum() == 0) return "0";
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }
}
