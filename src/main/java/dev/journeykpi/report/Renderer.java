package dev.journeykpi.report;

import dev.journeykpi.engine.Scorecard;
import java.io.IOException;
import java.io.Writer;

/** Turns a scorecard into one output format. Renderers format numbers; they never compute them. */
public interface Renderer {
  void render(Scorecard card, Writer out) throws IOException;

  static Renderer forFormat(Format f) {
    return forFormat(f, false);
  }

  /** @param byOwner for the views for people: group by owning department instead of journey stage */
  static Renderer forFormat(Format f, boolean byOwner) {
    return switch (f) {
      case TABLE -> new TerminalRenderer(byOwner);
      case CSV -> new CsvRenderer();
      case JSON -> new JsonRenderer();
      case MARKDOWN -> new MarkdownRenderer(byOwner);
    };
  }

  enum Format {
    TABLE,
    CSV,
    JSON,
    MARKDOWN
  }
}
