package dev.journeykpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.engine.KpiEngine;
import dev.journeykpi.engine.RunRequest;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import dev.journeykpi.model.Scorecard;
import dev.journeykpi.model.Status;
import dev.journeykpi.model.Target;
import dev.journeykpi.types.KpiKinds;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The renderers read a row's typed status and target; they neither parse text back nor work the
 * status out again. The hotel's sheets_changed_rate is given a status and a target it would never
 * get from its data (amber against 50%..75%), so only reading the typed values can show them.
 */
class TypedStatusRenderTest {
  static final String KPI = "sheets_changed_rate";

  private static Scorecard hotelWithAmberSheets() {
    Scorecard card =
        KpiEngine.run(
            KpiKinds.load(List.of(Path.of("kpi-definitions/hotel-housekeeping.yaml"))),
            new RunRequest(List.of(Period.parse("2026-10")), Map.of(), List.of()));
    List<ResultRow> rows =
        card.rows().stream()
            .map(
                r ->
                    !r.kpi().equals(KPI)
                        ? r
                        : new ResultRow(
                            r.kpi(),
                            r.label(),
                            r.period(),
                            r.dims(),
                            r.value(),
                            r.unit(),
                            r.numerator(),
                            r.denominator(),
                            r.n(),
                            Target.between(0.5, 0.75),
                            Status.AMBER,
                            r.previous(),
                            r.delta(),
                            r.deltaRelative(),
                            r.complete(),
                            r.notes()))
            .toList();
    return new Scorecard(card.definition(), card.periods(), rows, card.quality());
  }

  @Test
  void htmlColoursAndNamesTheTypedStatus() throws Exception {
    StringWriter out = new StringWriter();
    new HtmlRenderer(new View(false, "vi"), null).render(hotelWithAmberSheets(), out);
    String row =
        out.toString()
            .lines()
            .filter(l -> l.contains("<td class=\"bar-amber\">"))
            .findFirst()
            .orElseThrow();
    // Vietnamese: 0.5 → "50,0%", 0.75 → "75,0%" (one decimal, comma); amber is "vàng".
    assertThat(row)
        .contains("<td class=\"status amber\">vàng</td>")
        .contains("<td>50,0%–75,0%</td>");
  }

  @Test
  void csvWritesTheMachineWords() throws Exception {
    StringWriter out = new StringWriter();
    new CsvRenderer().render(hotelWithAmberSheets(), out);
    assertThat(
            out.toString().lines().filter(l -> l.startsWith(KPI + ",")).findFirst().orElseThrow())
        .contains(",0.5..0.75,amber,");
  }
}
