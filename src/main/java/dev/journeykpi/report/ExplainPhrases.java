package dev.journeykpi.report;

import dev.journeykpi.model.Messages;

/**
 * The sentences of {@code kpi explain}, in English (the templates the code writes) or Vietnamese
 * (the {@code explain_vi} message catalog, keyed by the English template, read by the same {@link
 * Messages} as the notes). {@code %s} marks where names and numbers go.
 */
final class ExplainPhrases {
  private final Messages vi;

  ExplainPhrases(String lang) {
    this.vi = "vi".equals(lang) ? Messages.of("explain", "vi") : null;
  }

  boolean vi() {
    return vi != null;
  }

  /**
   * The phrase in this language, with its {@code %s} filled; a phrase the catalog lacks stays in
   * English.
   */
  String t(String english, Object... args) {
    String p = vi == null ? english : vi.getOrDefault(english, english);
    return args.length == 0 ? p.replace("%%", "%") : String.format(java.util.Locale.ROOT, p, args);
  }
}
