package dev.journeykpi.calc;

import dev.journeykpi.model.ResultRow;
import java.text.CollationElementIterator;
import java.text.Collator;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The display order of breakdown labels: {@link ResultRow#BLANK} last, then Vietnamese alphabetical
 * order (Đ after D, tones after the bare letter), then code points for labels the collator finds
 * equal.
 *
 * <p>The JDK collator walks both strings through its normaliser on every comparison: sorting
 * 1,000,000 ticket ids made 20 million such comparisons (43 s). Most comparisons of distinct labels
 * are decided by the first letter or digit that differs (the <em>primary</em> difference; case,
 * accents and punctuation only matter when there is none). For printable ASCII each character has
 * exactly one collation element, so that difference is found here from a table of the collator's
 * own primary weights, with no allocation; labels with other characters, and labels whose letters
 * and digits are all alike, still go to the collator. The order is the collator's exactly ({@code
 * LabelOrderTest} checks it against the plain collator comparison).
 */
final class LabelOrder implements Comparator<String> {
  private static final int FIRST = 0x20;
  private static final int LAST = 0x7e;

  /**
   * Primary weight of each printable ASCII character; 0 when it has none (space, hyphen: ignored at
   * this level).
   */
  private static final int[] PRIMARY = new int[LAST + 1];

  /** Whether {@link #PRIMARY} holds the character's only collation element. */
  private static final boolean[] SIMPLE = new boolean[LAST + 1];

  private static final int UNDECIDED = Integer.MIN_VALUE;

  private final Collator collator;

  LabelOrder() {
    collator = vietnamese();
  }

  static Collator vietnamese() {
    return Collator.getInstance(Locale.forLanguageTag("vi"));
  }

  static {
    if (vietnamese() instanceof RuleBasedCollator rules) {
      for (int c = FIRST; c <= LAST; c++) {
        CollationElementIterator it = rules.getCollationElementIterator(String.valueOf((char) c));
        int first = it.next();
        if (first == CollationElementIterator.NULLORDER
            || it.next() != CollationElementIterator.NULLORDER) continue;
        PRIMARY[c] = CollationElementIterator.primaryOrder(first);
        SIMPLE[c] = true;
      }
    }
  }

  @Override
  public int compare(String a, String b) {
    boolean blankA = a.equals(ResultRow.BLANK);
    boolean blankB = b.equals(ResultRow.BLANK);
    if (blankA != blankB) return blankA ? 1 : -1;
    int c = primary(a, b);
    if (c != UNDECIDED && c != 0) return c;
    c = collator.compare(a, b);
    return c != 0 ? c : a.compareTo(b);
  }

  /**
   * The primary weights of many labels, worked out once for sorting them: label i's are {@code
   * chars[from[i]]} up to {@code chars[from[i + 1]]}, or none ({@code ask[i]}) when the collator
   * must decide. One array for all, not an object per label: a million labels are sorted while the
   * whole table is in memory.
   */
  record Weights(char[] chars, int[] from, boolean[] ask) {
    static Weights of(String[] labels) {
      int total = 0;
      for (String s : labels) total += s.length();
      char[] chars = new char[total];
      int[] from = new int[labels.length + 1];
      boolean[] ask = new boolean[labels.length];
      int at = 0;
      for (int i = 0; i < labels.length; i++) {
        String s = labels[i];
        from[i] = at;
        ask[i] = s.equals(ResultRow.BLANK) || !simple(s);
        if (ask[i]) continue;
        for (int k = 0; k < s.length(); k++) {
          int p = PRIMARY[s.charAt(k)];
          if (p != 0) chars[at++] = (char) p;
        }
      }
      from[labels.length] = at;
      return new Weights(chars, from, ask);
    }
  }

  /**
   * The same order as {@link #compare(String, String)} of labels x and y, given their {@link
   * Weights}.
   */
  int compare(String[] labels, Weights w, int x, int y) {
    if (!w.ask[x] && !w.ask[y]) {
      int c =
          java.util.Arrays.compare(
              w.chars, w.from[x], w.from[x + 1], w.chars, w.from[y], w.from[y + 1]);
      if (c != 0) return c;
    }
    return compare(labels[x], labels[y]);
  }

  /**
   * The sign of the first difference between the two labels' sequences of primary weights (a label
   * that runs out first is less), as the collator finds it; 0 when they are the same; {@link
   * #UNDECIDED} when a label has a character outside printable ASCII (anywhere: a letter followed
   * by a combining mark may be one collation element).
   */
  static int primary(String a, String b) {
    if (!simple(a) || !simple(b)) return UNDECIDED;
    int i = 0;
    int j = 0;
    int na = a.length();
    int nb = b.length();
    while (true) {
      int pa = 0;
      while (i < na && pa == 0) pa = PRIMARY[a.charAt(i++)];
      int pb = 0;
      while (j < nb && pb == 0) pb = PRIMARY[b.charAt(j++)];
      if (pa != pb) return pa == 0 ? -1 : pb == 0 ? 1 : pa < pb ? -1 : 1;
      if (pa == 0) return 0;
    }
  }

  private static boolean simple(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch > LAST || !SIMPLE[ch]) return false;
    }
    return true;
  }
}
