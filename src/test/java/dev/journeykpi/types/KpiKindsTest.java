package dev.journeykpi.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.calc.KpiRunner;
import dev.journeykpi.calc.Measure;
import dev.journeykpi.calc.Measurer;
import dev.journeykpi.config.CalendarDef;
import dev.journeykpi.config.Definition;
import dev.journeykpi.config.DefinitionLoader;
import dev.journeykpi.config.KpiDef;
import dev.journeykpi.config.KpiSpec;
import dev.journeykpi.config.SpecReader;
import dev.journeykpi.model.Period;
import dev.journeykpi.model.ResultRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The registry of KPI types, and the promise that a new type is one class (here in a test) and one
 * registration.
 */
class KpiKindsTest {
  @TempDir Path dir;

  @Test
  void everyRegisteredTypeIsUsedByAShippedDefinitionOrTheExplainTest() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("kpi-definitions"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try {
          KpiKinds.load(List.of(f)).kpis().forEach(k -> used.add(k.type()));
        } catch (RuntimeException e) {
          // presets.yaml and profiles are not whole definitions
        }
      }
    }
    // ExplainEveryKpiTest explains the types no shipped definition uses (mean, median, percentile,
    // backlog, turnover); FormulaTest runs formula KPIs and ExplainEveryTypeGoldenTest explains
    // one.
    used.addAll(List.of("mean", "median", "percentile", "backlog", "turnover", "formula"));
    assertThat(used).containsAll(KpiKinds.names());
    assertThat(KpiKinds.names())
        .hasSize(17)
        .startsWith("count", "sum", "mean", "median", "percentile", "ratio");
  }

  /**
   * Each type's answers, written out from the switches over the old KpiType enum they replace
   * (KpiBinder.specific, the time rules, KpiEngine.judgesWholeHistory and its lead lists), so that
   * a type's keys, placement or list cannot change unnoticed.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "count      | distinct                                   | BY_TIME      | false | ",
        "sum        | column columns                             | BY_TIME      | false | ",
        "mean       | column columns                             | BY_TIME      | false | ",
        "median     | column columns                             | BY_TIME      | false | ",
        "percentile | column columns p                           | BY_TIME      | false | ",
        "ratio      | numerator denominator                      | BY_TIME      | false | ",
        "duration   | start end clock stat                       | BY_TIME      | false | ",
        // issue 20: a score names its answers and their comment, and lists them (kpi leads)
        "score      | column scale values positive stat answer_id comment"
            + " | BY_TIME | false | ANSWERS",
        "sla        | start end clock limit                      | BY_TIME      | false | ",
        "no_repeat  | customer within denominator                | BY_TIME      | false | ",
        "backlog    | start end                                  | AT_EDGES     | true  | ",
        "turnover   | start end numerator                        | AT_EDGES     | false | ",
        "customers  | measure customer window dormant_after order value returns lifespan cohorts"
            + " cohort_mode | BY_TIME | true | CUSTOMERS",
        "funnel     | mode lead stage stages lost skipped entered_midway within periods clock"
            + " | BY_TIME | false | FUNNEL",
        "conversion | funnel from to                             | AS_OTHER_KPI | false | ",
        "stalled    | lead idle closed                           | BY_TIME      | true  | STALLED",
        "formula    | expr                                       | FROM_KPIS    | false | ",
      })
  void eachTypeAnswersAsTheOldSwitchesDid(
      String name, String keys, String placement, boolean wholeHistory, String listing) {
    KpiKind<?> kind =
        KpiKinds.all().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    assertThat(kind.keys()).containsExactlyInAnyOrder(keys.trim().split("\\s+"));
    assertThat(kind.placement().name()).isEqualTo(placement);
    assertThat(kind.judgesWholeHistory()).isEqualTo(wholeHistory);
    assertThat(kind.listingKind() == null ? null : kind.listingKind().name()).isEqualTo(listing);
  }

  /**
   * A toy type: rows whose column is blank. One class and the loader's list are all it takes to
   * bind and run it.
   */
  static final class BlankKind extends PeriodRowsKind<BlankKind.Spec> {
    record Spec(String column) implements KpiSpec {
      @Override
      public void collectColumns(Columns out) {
        out.measured(column);
      }
    }

    BlankKind() {
      super("blank", Spec.class);
    }

    @Override
    public Set<String> keys() {
      return Set.of("column");
    }

    @Override
    public SpecReader.Bound bind(SpecReader r) {
      String column = r.required("column");
      r.exists(column, r.at("column"), "column");
      return new SpecReader.Bound(new Spec(column), "rows");
    }

    @Override
    protected Measurer measurer(KpiDef k, Spec spec, KpiRunner runner) {
      return (t, rows) -> {
        long blank = 0;
        for (int row : rows) if (t.stringColumn(spec.column()).get(row).isBlank()) blank++;
        return Measure.of(blank, rows.length);
      };
    }

    @Override
    public void expectedValues(KpiDef k, Spec spec, ExpectedValues out) {}

    @Override
    public dev.journeykpi.sql.SqlTemplate sql(KpiDef k, Spec spec) {
      return new dev.journeykpi.sql.SqlTemplate.NotYet("a toy type, not compiled");
    }

    @Override
    public Explained explain(KpiDef k, Spec spec, Phrases p) {
      return new Explained(
          "rows without " + spec.column(),
          List.of(),
          Explained.byTime(k.time(), p),
          null,
          null,
          "",
          null,
          "count(" + spec.column() + " blank)");
    }
  }

  @Test
  void aNewTypeIsOneClassAndOneRegistration() throws IOException {
    Path def = dir.resolve("d.yaml");
    Files.writeString(
        def,
        """
        version: 1
        sources:
          t: { file: t.csv, columns: { channel: Channel } }
        kpis:
          - { id: no_channel, type: blank, column: channel, source: t, time: none }
          - { id: typo, type: blank, column: chanel, source: t, time: none }
        """);
    List<KpiKind<?>> kinds = new ArrayList<>(KpiKinds.all());
    kinds.add(new BlankKind());
    DefinitionLoader loader = new DefinitionLoader(kinds);
    Definition d = loader.read(List.of(def));
    // Its keys are checked like any type's: the typo is reported with its position and a
    // suggestion.
    assertThat(loader.diagnostics().sorted())
        .singleElement()
        .asString()
        .contains("d.yaml:6:")
        .contains("kpi 'typo'.column refers to unknown column 'chanel' (did you mean 'channel'?)");
    KpiDef k = d.kpis().get(0);
    Table t = Table.create("t", StringColumn.create("channel", "email", "", "chat", ""));
    List<ResultRow> total =
        new BlankKind()
            .runAny(
                k,
                t,
                List.of(Period.ALL),
                new KpiRunner(new BusinessCalendar(CalendarDef.standard()), ZoneOffset.UTC));
    // Two of the four rows have no channel.
    assertThat(total.get(0).value()).isEqualTo(2.0);
    assertThat(total.get(0).unit()).isEqualTo("rows");
    // The registry does not know it: a definition naming it is refused with the registered types
    // listed.
    DefinitionLoader plain = KpiKinds.loader();
    plain.read(List.of(def));
    assertThat(plain.diagnostics().sorted().get(0).message())
        .contains("unknown type 'blank'")
        .contains(String.join(", ", KpiKinds.names()));
  }
}
