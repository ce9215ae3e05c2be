package dev.journeykpi.report;

import dev.journeykpi.engine.Scorecard;
import java.io.IOException;
import java.io.Writer;

/** Turns a scorecard into one output format. Renderers format numbers; they never compute them. */
public interface Renderer {
  void render(Scorecard card, Writer out) throws IOException;

  static Renderer forFormat(Format f) {
    return forFormat(f, false, null);
  }

  /**
   * @param byOwner for the views for people: group by owning department instead of journey stage
   * @param lang for the views for people: "en" or "vi"; null for the definition's locale
   */
  static Renderer forFormat(Format f, boolean byOwner, String lang) {
    return switch (f) {
      case TABLE -> new TerminalRenderer(byOwner, lang);
      case CSV -> new CsvRenderer();
      case JSON -> new JsonRenderer();
      case MARKDOWN -> new MarkdownRenderer(byOwner, lang);
    };
  }

  enum Format {
    TABLE,
    CSV,
    JSON,
    MARKDOWN
  }
}
