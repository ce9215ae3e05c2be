package dev.journeykpi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A date-time pattern of kpi's numeric subset ({@code dd/MM/yyyy HH:mm}, {@code
 * yyyy-MM-dd'T'HH:mm:ss.SSS}) as a regular expression whose groups are the fields in the order of
 * the pattern, named by {@link Compiled#names}, each field it lacks an empty group after them. It
 * accepts what DateTimeParser's field reader accepts: each field between its least and most digits,
 * the literals as written. DateTimeParser reads a field's digits greedily and never goes back,
 * where a regular expression would: a pattern with a field of varying width right before another
 * field could match texts kpi refuses, so such patterns (and patterns with names of months, AM/PM,
 * {@code iso}) are not compiled (null).
 */
final class DatePatternRegex {
  private DatePatternRegex() {}

  static Compiled of(String pattern) {
    List<String[]> fields = new ArrayList<>(); // {name, min, max} or {null, literal}
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) run++;
      if (c == '\'') {
        int close = pattern.indexOf('\'', i + 1);
        if (close < 0 || close == i + 1) return null; // '' (a quote) is not in the numeric subset
        for (char x : pattern.substring(i + 1, close).toCharArray())
          fields.add(new String[] {null, String.valueOf(x)});
        i = close + 1;
        continue;
      }
      String[] f;
      if (c == 'y' || c == 'u') {
        f =
            run == 2
                ? new String[] {"y2", "2", "2"}
                : run == 4 ? new String[] {"y4", "4", "4"} : null;
      } else if (run <= 2 && "MdHms".indexOf(c) >= 0) {
        String name =
            switch (c) {
              case 'M' -> "mo";
              case 'd' -> "d";
              case 'H' -> "h";
              case 'm' -> "mi";
              default -> "s";
            };
        f = new String[] {name, String.valueOf(run), "2"};
      } else if (c == 'S') {
        f = new String[] {"f", "1", "9"};
      } else if (Character.isLetter(c)) {
        return null;
      } else {
        for (int k = 0; k < run; k++) fields.add(new String[] {null, String.valueOf(c)});
        i += run;
        continue;
      }
      if (f == null) return null;
      fields.add(f);
      i += run;
    }
    StringBuilder re = new StringBuilder("^ *");
    List<String> names = new ArrayList<>();
    for (int k = 0; k < fields.size(); k++) {
      String[] f = fields.get(k);
      if (f[0] == null) {
        re.append(escape(f[1].charAt(0)));
        continue;
      }
      boolean varies = !f[1].equals(f[2]);
      if (varies && k + 1 < fields.size() && fields.get(k + 1)[0] != null) return null;
      if (names.contains(f[0])) return null; // a field twice
      names.add(f[0]);
      re.append("([0-9]{").append(f[1]).append(',').append(f[2]).append("})");
    }
    re.append(" *$");
    // regexp_extract names the groups left to right; each field the pattern lacks is an empty group
    // after the others, so that the struct always has every field.
    for (String f : DuckDbDialect.DATE_FIELDS) {
      if (!names.contains(f)) {
        names.add(f);
        re.append("()");
      }
    }
    // Fixed-width fields and plain literals: DuckDB's strptime reads it as fast as it reads a file.
    StringBuilder shape = new StringBuilder();
    StringBuilder fmt = new StringBuilder();
    boolean fixed = true;
    for (String[] f : fields) {
      if (f[0] == null) {
        char ch = f[1].charAt(0);
        if (ch == '%' || Character.isLetterOrDigit(ch)) fixed = false;
        shape.append(escape(ch));
        fmt.append(ch);
      } else if (!f[1].equals(f[2]) || f[0].equals("f") || f[0].equals("y2")) {
        fixed = false;
      } else {
        shape.append("[0-9]{").append(f[1]).append('}');
        fmt.append(
            switch (f[0]) {
              case "y4" -> "%Y";
              case "mo" -> "%m";
              case "d" -> "%d";
              case "h" -> "%H";
              case "mi" -> "%M";
              default -> "%S";
            });
      }
    }
    boolean hasYear =
        names.indexOf("y4") < names.size() && fields.stream().anyMatch(f -> "y4".equals(f[0]));
    return new Compiled(
        re.toString(),
        names,
        fixed && hasYear ? shape.toString() : null,
        fixed && hasYear ? fmt.toString() : null);
  }

  /**
   * The regular expression, and the field name of each of its groups in order; for a pattern of
   * fixed-width fields, also its shape (a regular expression without groups) and its strptime
   * format; null otherwise.
   */
  record Compiled(String regex, List<String> names, String shape, String strptime) {}

  private static String escape(char c) {
    return Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : "\\" + c;
  }
}
