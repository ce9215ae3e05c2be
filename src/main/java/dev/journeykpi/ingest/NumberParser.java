package dev.journeykpi.ingest;

/**
 * Reads numbers as people write them in exports: {@code 1.250.000} and {@code 1,5} (decimal mark
 * ','), {@code 1,250.50} (decimal mark '.'), currency symbols and codes before or after ({@code
 * 1.250.000 ₫}, {@code $12.50}, {@code 500 VND}), a sign ({@code -5}, {@code +250000}, {@code
 * (1.000)}), and a trailing {@code %} (divided by 100).
 *
 * <p>The decimal mark is declared, never guessed per cell: {@code 1.250} is one thousand two
 * hundred and fifty with decimal mark ',' and one and a quarter with '.'. The other mark is digit
 * grouping; spaces and apostrophes are grouping too.
 */
public final class NumberParser {
  /**
   * Currency codes and words allowed before or after the digits; any other letters make the text
   * not a number.
   */
  static final java.util.Set<String> CURRENCY_WORDS =
      java.util.Set.of(
          "VND", "vnd", "VNĐ", "vnđ", "đ", "Đ", "USD", "usd", "EUR", "eur", "GBP", "JPY", "đồng",
          "dong");

  private final char decimalMark;
  private final char groupMark;

  public NumberParser(char decimalMark) {
    this.decimalMark = decimalMark;
    this.groupMark = decimalMark == ',' ? '.' : ',';
  }

  /** The value, or NaN when the text is not a number under this decimal mark. */
  public double parse(CharSequence s) {
    int n = s.length();
    int i = 0;
    // Leading currency symbol or code, and sign.
    boolean negative = false;
    boolean signed = false; // an explicit sign, + or -: one at most
    StringBuilder letters = null;
    while (i < n && !isDigit(s.charAt(i)) && s.charAt(i) != decimalMark) {
      char c = s.charAt(i);
      if (c == '-' || c == '\u2212' || c == '+') {
        if (signed) return Double.NaN;
        signed = true;
        negative = c != '+';
      } else if (c == '(') {
        negative = true; // accounting style (1.000)
      } else if (Character.isLetter(c)) {
        if (letters == null) letters = new StringBuilder();
        letters.append(c);
      } else if (!isCurrencyOrSpace(c)) {
        return Double.NaN;
      }
      i++;
    }
    if (letters != null && !CURRENCY_WORDS.contains(letters.toString())) return Double.NaN;
    letters = null;
    long whole = 0;
    int digits = 0;
    boolean sawDecimal = false;
    long fraction = 0;
    int fractionDigits = 0;
    boolean percent = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        if (sawDecimal) {
          if (fractionDigits < 15) {
            fraction = fraction * 10 + (c - '0');
            fractionDigits++;
          }
        } else {
          if (digits >= 18) return slowParse(s.toString());
          whole = whole * 10 + (c - '0');
          digits++;
        }
      } else if (c == decimalMark && !sawDecimal) {
        sawDecimal = true;
      } else if ((c == groupMark || c == ' ' || c == '\u00a0' || c == '\'')
          && !sawDecimal
          && digits > 0) {
        // grouping between digits
      } else {
        break;
      }
    }
    // Trailing currency, percent, closing parenthesis.
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (percent) return Double.NaN;
        percent = true;
      } else if (Character.isLetter(c)) {
        if (letters == null) letters = new StringBuilder();
        letters.append(c);
      } else if (c == ')' || isCurrencyOrSpace(c)) {
        // allowed
      } else {
        return Double.NaN;
      }
    }
    if (letters != null && !CURRENCY_WORDS.contains(letters.toString())) return Double.NaN;
    if (digits == 0 && fractionDigits == 0) return Double.NaN;
    double v = whole + (fractionDigits == 0 ? 0 : fraction / Math.pow(10, fractionDigits));
    if (negative) v = -v;
    return percent ? v / 100.0 : v;
  }

  private double slowParse(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (isDigit(c) || c == '-') b.append(c);
      else if (c == decimalMark) b.append('.');
    }
    try {
      return Double.parseDouble(b.toString());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Currency symbols ($, ₫, €) and spaces. */
  private static boolean isCurrencyOrSpace(char c) {
    return c == ' ' || c == '\u00a0' || Character.getType(c) == Character.CURRENCY_SYMBOL;
  }
}
