package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeykpi.model.QualityReport;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The import records into its recorder; what it hands on is a report no later stage can change
 * behind its back.
 */
class QualityRecorderTest {
  @Test
  void theReportIsASnapshotOfTheRecorder() {
    QualityRecorder r = new QualityRecorder("tickets");
    r.addFile("t.csv");
    r.rowRead();
    r.rowRead();
    r.rowUsed();
    r.reject("id: required, but blank", "t.csv", 3, "ID", "");
    QualityReport q = r.report();
    // Recorded after the hand-over: a third row read, a second reject. The report keeps 2 read, 1
    // used, 1 rejected.
    r.rowRead();
    r.reject("id: required, but blank", "t.csv", 4, "ID", "");
    assertThat(q.rowsRead()).isEqualTo(2);
    assertThat(q.rowsUsed()).isEqualTo(1);
    assertThat(q.rowsRejected()).isEqualTo(1);
    assertThat(q.details()).extracting(QualityReport.Problem::where).containsExactly("t.csv:3:ID");
    assertThatThrownBy(() -> q.rejected().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> q.details().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theEnginesAdditionsAreCopies() {
    QualityReport q = new QualityRecorder("sales").report();
    assertThat(q.withExcluded("rows without customer_id", 0))
        .isSameAs(q); // none left out: nothing to say
    QualityReport excluded = q.withExcluded("rows without customer_id", 7);
    QualityReport dated =
        excluded.withDates("sold_at", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), true);
    assertThat(q.excluded()).isEmpty();
    assertThat(q.datedBy()).isNull();
    assertThat(q.judgesHistory()).isFalse();
    assertThat(dated.excluded())
        .containsExactly(java.util.Map.entry("rows without customer_id", 7L));
    assertThat(dated.datedBy()).isEqualTo("sold_at");
    assertThat(dated.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(dated.judgesHistory()).isTrue();
  }
}
