package dev.journeykpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which CSV files PostgresBackend has kpi's importer read (rather than COPY and SQL) by their size
 * against the heap's limit, worked out by hand: from 8 MiB (8,388,608 bytes) up to half the heap.
 */
class PostgresCsvRouteTest {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  @Test
  void smallFilesStayOnCopyAndSql() {
    assertThat(PostgresBackend.importerFirst(8 * MIB - 1, 4 * GIB)).isFalse();
    assertThat(PostgresBackend.importerFirst(0, 4 * GIB)).isFalse();
  }

  @Test
  void fromEightMebibytesTheImporterReadsAFileOfAtMostHalfTheHeap() {
    assertThat(PostgresBackend.importerFirst(8 * MIB, 4 * GIB)).isTrue();
    // The 1M-row benchmark export, 152,265,813 bytes, under 2 GiB's half (1,073,741,824).
    assertThat(PostgresBackend.importerFirst(152_265_813L, 2 * GIB)).isTrue();
    // The 10M-row export, 1,522,580,409 bytes: over 2 GiB's half, under 6 GiB's (3,221,225,472).
    assertThat(PostgresBackend.importerFirst(1_522_580_409L, 2 * GIB)).isFalse();
    assertThat(PostgresBackend.importerFirst(1_522_580_409L, 6 * GIB)).isTrue();
    // A heap of 10 MiB holds no 8 MiB file's rows: half is 5 MiB.
    assertThat(PostgresBackend.importerFirst(8 * MIB, 10 * MIB)).isFalse();
    // Exactly half the heap is still imported.
    assertThat(PostgresBackend.importerFirst(GIB, 2 * GIB)).isTrue();
    assertThat(PostgresBackend.importerFirst(GIB + 1, 2 * GIB)).isFalse();
  }
}
