package dev.journeykpi.report;

import dev.journeykpi.engine.Scorecard;
import java.io.IOException;
import java.io.Writer;

/** Turns a scorecard into one output format. Renderers format numbers; they never compute them. */
public interface Renderer {
  void render(Scorecard card, Writer out) throws IOException;

  static Renderer forFormat(Format f) {
    return switch (f) {
      case TABLE -> new TerminalRenderer();
      case CSV -> new CsvRenderer();
      case JSON -> new JsonRenderer();
      case MARKDOWN -> new MarkdownRenderer();
    };
  }

  enum Format {
    TABLE,
    CSV,
    JSON,
    MARKDOWN
  }
}
