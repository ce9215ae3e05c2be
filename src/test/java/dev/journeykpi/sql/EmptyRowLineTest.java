package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A line DuckDB's reader refuses (a wrong number of fields) is an "empty row" if all is blank. */
class EmptyRowLineTest {
  @Test
  void aRefusedLineIsEmptyWhenEveryFieldIsBlank() {
    assertThat(RefusedCsvRows.allBlank(" , ,,\t", ',')).isTrue();
    assertThat(RefusedCsvRows.allBlank("\"\", \" \"", ',')).isTrue();
    assertThat(RefusedCsvRows.allBlank(";;", ';')).isTrue();
    // A doubled quote inside quotes is a quote: text.
    assertThat(RefusedCsvRows.allBlank("\"\"\"\",", ',')).isFalse();
    assertThat(RefusedCsvRows.allBlank(",x", ',')).isFalse();
    // The delimiter of another file is text here.
    assertThat(RefusedCsvRows.allBlank(",;", ',')).isFalse();
    // A no-break space is text to the import's byte test (RecordTyper.blank).
    assertThat(RefusedCsvRows.allBlank(",\u00a0", ',')).isFalse();
  }
}
