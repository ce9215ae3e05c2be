package dev.journeykpi.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for near-misses such as {@code chanel} → {@code channel}. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate within an edit distance that grows with the word's length, if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int allowed = Math.max(1, Math.min(3, w.length() / 3));
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      // The distance is at least the difference in length: a candidate further than allowed, or
      // than the best so far, is skipped unmeasured (the same answer), which keeps a search among
      // 289,000 ids (a filter value no row has) short.
      int gap = Math.abs(lc.length() - w.length());
      if (gap > allowed || gap >= bestDistance) continue;
      int d = distance(w, lc);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** " (did you mean 'x'?)" or an empty string. */
  public static String hint(String word, Collection<String> candidates) {
    return closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /**
   * Damerau–Levenshtein distance (optimal string alignment), so a swapped pair of letters costs one
   * edit.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
