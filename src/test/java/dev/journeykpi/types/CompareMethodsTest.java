package dev.journeykpi.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.config.CompareDef;
import dev.journeykpi.config.CompareDef.Method;
import dev.journeykpi.config.Filter;
import dev.journeykpi.config.ScoreDef;
import dev.journeykpi.config.Statistic;
import dev.journeykpi.types.column.ColumnKind;
import dev.journeykpi.types.column.ColumnSpec;
import dev.journeykpi.types.count.CountKind;
import dev.journeykpi.types.count.CountSpec;
import dev.journeykpi.types.duration.DurationKind;
import dev.journeykpi.types.duration.DurationSpec;
import dev.journeykpi.types.ratio.RatioKind;
import dev.journeykpi.types.ratio.RatioSpec;
import dev.journeykpi.types.score.ScoreKind;
import dev.journeykpi.types.score.ScoreSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which test each type's {@code compare:} takes (issue 20), and which types refuse it. */
class CompareMethodsTest {
  private static Method method(CompareDef.Test t) {
    return t == null ? null : t.method();
  }

  private static ScoreSpec score(ScoreDef.Stat stat) {
    return new ScoreSpec(
        "answer", new ScoreDef(0, 10, Map.of(), List.of(9.0, 10.0), stat), null, null);
  }

  @Test
  void sharesMeansNpsAndRanksEachHaveTheirTest() {
    assertThat(method(new RatioKind().comparison(new RatioSpec(Filter.NONE, Filter.NONE))))
        .isEqualTo(Method.NEWCOMBE);
    ScoreKind scores = new ScoreKind();
    assertThat(method(scores.comparison(score(ScoreDef.Stat.TOP_BOX)))).isEqualTo(Method.NEWCOMBE);
    assertThat(method(scores.comparison(score(ScoreDef.Stat.MEAN)))).isEqualTo(Method.WELCH);
    assertThat(method(scores.comparison(score(ScoreDef.Stat.NPS)))).isEqualTo(Method.NPS);
    assertThat(method(ColumnKind.mean().comparison(new ColumnSpec("x", List.of(), Statistic.MEAN))))
        .isEqualTo(Method.WELCH);
    CompareDef.Test p90 =
        ColumnKind.percentile()
            .comparison(
                new ColumnSpec("x", List.of(), new Statistic(Statistic.Kind.PERCENTILE, 90)));
    assertThat(p90).isEqualTo(new CompareDef.Test(Method.BOOTSTRAP, p90.statistic()));
    assertThat(p90.statistic().percentile()).isEqualTo(90);
    DurationKind durations = new DurationKind();
    assertThat(method(durations.comparison(new DurationSpec("a", "b", false, Statistic.MEDIAN))))
        .isEqualTo(Method.BOOTSTRAP);
    // A mean duration is a mean: Welch, not 2,000 passes over every duration.
    assertThat(method(durations.comparison(new DurationSpec("a", "b", false, Statistic.MEAN))))
        .isEqualTo(Method.WELCH);
  }

  @Test
  void countsAndSumsCannotBeCompared() {
    assertThat(new CountKind().comparison(new CountSpec(null))).isNull();
    assertThat(ColumnKind.sum().comparison(new ColumnSpec("x", List.of(), null))).isNull();
  }
}
