package dev.journeykpi.report;

import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;

/** Turns a scorecard into one output format. Renderers format numbers; they never compute them. */
public interface Renderer {
  void render(Scorecard card, Writer out) throws IOException;

  static Renderer forFormat(Format f) {
    return forFormat(f, View.DEFAULT);
  }

  /**
   * @param view the layout of the views for people (table, Markdown); the tidy formats ignore it
   */
  static Renderer forFormat(Format f, View view) {
    return switch (f) {
      case TABLE -> new TerminalRenderer(view);
      case CSV -> new CsvRenderer();
      case JSON -> new JsonRenderer();
      case MARKDOWN -> new MarkdownRenderer(view);
      // To stdout there is no run time to stamp: the page is as stable as the other text formats.
      case HTML -> new HtmlRenderer(view, null);
    };
  }

  enum Format {
    TABLE,
    CSV,
    JSON,
    MARKDOWN,
    HTML
  }
}
