package dev.journeykpi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
  @Test
  void parsesMonthQuarterYear() {
    Period m = Period.parse("2026-10");
    assertThat(m.start()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(m.endExclusive()).isEqualTo(LocalDate.of(2026, 11, 1));
    Period q = Period.parse("2026-q3");
    assertThat(q.label()).isEqualTo("2026-Q3");
    assertThat(q.start()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(q.endExclusive()).isEqualTo(LocalDate.of(2026, 10, 1));
    Period y = Period.parse("2026");
    assertThat(y.endExclusive()).isEqualTo(LocalDate.of(2027, 1, 1));
  }

  @Test
  void rejectsOtherForms() {
    assertThatThrownBy(() -> Period.parse("10/2026")).hasMessageContaining("2026-10");
    assertThatThrownBy(() -> Period.parse("2026-13")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trendsGoBackOldestFirst() {
    assertThat(Period.parse("2026-02").lastN(3))
        .extracting(Period::label)
        .containsExactly("2025-12", "2026-01", "2026-02");
    assertThat(Period.parse("2026-Q1").lastN(2))
        .extracting(Period::label)
        .containsExactly("2025-Q4", "2026-Q1");
    assertThat(Period.parse("2026").lastN(2))
        .extracting(Period::label)
        .containsExactly("2025", "2026");
  }

  @Test
  void yearBefore() {
    assertThat(Period.parse("2026-10").yearBefore().label()).isEqualTo("2025-10");
    assertThat(Period.parse("2026-Q3").yearBefore().label()).isEqualTo("2025-Q3");
    assertThat(Period.parse("2026").yearBefore().label()).isEqualTo("2025");
    Period r = Period.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15)).yearBefore();
    assertThat(r.start()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(r.endExclusive()).isEqualTo(LocalDate.of(2025, 10, 16));
  }

  @Test
  void rangesAreInclusiveAndMoveBackByTheirLength() {
    Period r = Period.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15));
    assertThat(r.endExclusive()).isEqualTo(LocalDate.of(2026, 10, 16));
    Period before = r.previous();
    assertThat(before.start()).isEqualTo(LocalDate.of(2026, 9, 16));
    assertThat(before.endExclusive()).isEqualTo(LocalDate.of(2026, 10, 1));
  }
}
