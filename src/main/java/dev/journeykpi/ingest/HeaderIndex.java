package dev.journeykpi.ingest;

import dev.journeykpi.config.Suggestions;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds mapped headers in an export's header row. Headers are compared after Unicode NFC
 * normalisation (Vietnamese text saved on a Mac arrives decomposed: "Ngày" as "Nga" + combining
 * grave + "y"), trimming and collapsing spaces; a case-insensitive match is the fallback.
 */
public final class HeaderIndex {
  private final List<String> raw;
  private final List<String> normalised = new ArrayList<>();

  public HeaderIndex(List<String> headers) {
    this.raw = List.copyOf(headers);
    for (String h : headers) normalised.add(normalise(h));
  }

  // Compiled once: a 100,000-column header is normalised in a blink (String.replaceAll compiles per
  // call).
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  public static String normalise(String s) {
    if (s == null) return "";
    String t = Normalizer.normalize(s, Normalizer.Form.NFC).replace('\u00a0', ' ').trim();
    if (!t.isEmpty() && t.charAt(0) == '\ufeff') t = t.substring(1).trim();
    return SPACES.matcher(t).replaceAll(" ");
  }

  public List<String> headers() {
    return raw;
  }

  /** 0-based index of the header, or -1. */
  public int find(String header) {
    String want = normalise(header);
    int i = normalised.indexOf(want);
    if (i >= 0) return i;
    for (int k = 0; k < normalised.size(); k++) {
      if (normalised.get(k).toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT)))
        return k;
    }
    return -1;
  }

  /**
   * The 0-based positions of every header that {@link #find} could match for {@code header}: the
   * exact matches after normalising, or without them the case-insensitive ones. More than one is
   * ambiguous.
   */
  public List<Integer> positions(String header) {
    String want = normalise(header);
    List<Integer> exact = new ArrayList<>();
    List<Integer> anyCase = new ArrayList<>();
    for (int k = 0; k < normalised.size(); k++) {
      if (normalised.get(k).equals(want)) exact.add(k);
      if (normalised.get(k).toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT)))
        anyCase.add(k);
    }
    return exact.isEmpty() ? anyCase : exact;
  }

  /**
   * Every non-blank header that appears more than once, with its positions, in the order of first
   * appearance.
   */
  public java.util.Map<String, List<Integer>> duplicates() {
    java.util.Map<String, List<Integer>> at = new java.util.LinkedHashMap<>();
    for (int k = 0; k < normalised.size(); k++) {
      if (!normalised.get(k).isEmpty())
        at.computeIfAbsent(normalised.get(k), h -> new ArrayList<>()).add(k);
    }
    at.values().removeIf(l -> l.size() < 2);
    return at;
  }

  /**
   * "header 'Kênh' appears twice, in columns 3 (C) and 7 (G)": positions counted from 1, and as
   * Excel letters.
   */
  public static String appearsTwice(String header, List<Integer> positions) {
    List<String> cols =
        positions.stream()
            .map(
                i ->
                    (i + 1)
                        + " ("
                        + org.apache.poi.ss.util.CellReference.convertNumToColString(i)
                        + ")")
            .toList();
    String times = positions.size() == 2 ? "twice" : positions.size() + " times";
    return "header '"
        + header
        + "' appears "
        + times
        + ", in columns "
        + String.join(", ", cols.subList(0, cols.size() - 1))
        + " and "
        + cols.get(cols.size() - 1);
  }

  /**
   * Why a mapped header cannot be read, when it could be read from more than one column ("header
   * 'Tên' appears twice, in columns 3 (C) and 5 (E); rename one"); empty when it is found once or
   * not at all. Shared by {@code kpi report} (ColumnPlan) and {@code kpi validate --check-data}, so
   * both refuse the same files with the same words.
   */
  public java.util.Optional<String> ambiguity(String header) {
    List<Integer> at = positions(header);
    if (at.size() < 2) return java.util.Optional.empty();
    return java.util.Optional.of(appearsTwice(normalised.get(at.get(0)), at) + "; rename one");
  }

  /** The message for a mapped header that the file does not have. */
  public String missing(String file, String canonical, String header) {
    List<String> present = normalised.stream().filter(h -> !h.isEmpty()).toList();
    return file
        + ": column '"
        + header
        + "' (mapped to '"
        + canonical
        + "') is not in the header row"
        + Suggestions.hint(normalise(header), present)
        + "; headers: "
        + String.join(", ", present);
  }
}
