package dev.journeykpi.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The tidy rows as a JSON array of flat objects with the CSV's keys in the CSV's order; numbers are
 * numbers, a value that could not be computed is null (the note says why).
 */
public final class JsonRenderer implements Renderer {
  @Override
  public void render(Scorecard card, Writer out) throws IOException {
    List<String> dims = TidyColumns.dimensions(card.rows());
    boolean intervals = card.hasIntervals();
    boolean levels = card.kpiLevels();
    boolean compared = !card.comparisons().isEmpty();
    ComparisonColumns comparisons = new ComparisonColumns(card);
    // the CSV's headers
    List<String> keys = TidyColumns.headed(dims, TidyColumns.own(intervals, levels, compared));
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.writeStartArray();
    for (ResultRow r : card.rows()) {
      g.writeStartObject();
      g.writeStringField("kpi", r.kpi());
      g.writeStringField("label", r.label());
      g.writeStringField("period", r.period());
      for (int i = 0; i < dims.size(); i++) {
        String d = dims.get(i);
        if (r.dims().containsKey(d)) g.writeStringField(keys.get(i), r.dims().get(d));
        else g.writeNullField(keys.get(i));
      }
      number(g, "value", r.value());
      g.writeStringField("unit", r.unit());
      number(g, "numerator", r.numerator());
      number(g, "denominator", r.denominator());
      g.writeNumberField("n", r.n());
      g.writeStringField("target", r.target() == null ? "" : r.target().machineText());
      g.writeStringField("status", r.status() == null ? "" : r.status().machineText());
      number(g, "previous", r.previous());
      number(g, "delta", r.delta());
      number(g, "delta_relative", r.deltaRelative());
      if (r.complete() == null) g.writeNullField("complete");
      else g.writeBooleanField("complete", r.complete());
      g.writeStringField("note", r.note());
      if (intervals) {
        number(g, "ci_low", r.interval() == null ? null : r.interval().low());
        number(g, "ci_high", r.interval() == null ? null : r.interval().high());
      }
      if (levels)
        number(g, TidyColumns.LEVEL, TidyColumns.level(r, compared ? comparisons.of(r) : null));
      if (compared) comparison(g, comparisons.of(r));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.flush();
    out.write("\n");
  }

  /** The comparison's nine fields ({@link ComparisonColumns}), null on a row without one. */
  private static void comparison(JsonGenerator g, dev.journeykpi.model.VariantComparison c)
      throws IOException {
    List<String> names = ComparisonColumns.NAMES;
    if (c == null) {
      for (String n : names) g.writeNullField(n);
      return;
    }
    g.writeStringField(names.get(0), c.control());
    List<Double> numbers = ComparisonColumns.numbers(c);
    for (int i = 0; i < numbers.size(); i++) number(g, names.get(1 + i), numbers.get(i));
    g.writeStringField(names.get(7), c.method());
    String note = ComparisonColumns.note(c);
    if (note.isEmpty()) g.writeNullField(names.get(8));
    else g.writeStringField(names.get(8), note);
  }

  private static void number(JsonGenerator g, String name, Double v) throws IOException {
    String plain = ValueFormat.plain(v);
    if (plain.isEmpty()) g.writeNullField(name);
    else g.writeNumberField(name, new BigDecimal(plain));
  }
}
