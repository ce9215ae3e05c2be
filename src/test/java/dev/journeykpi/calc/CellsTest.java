package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * The packed-time arithmetic the duration KPIs run on every row agrees with java.time and with
 * Tablesaw.
 */
class CellsTest {
  @Test
  void epochSecondsAndMillisAgreeWithJavaTime() {
    Random rnd = new Random(3);
    LocalDateTime t = LocalDateTime.of(1890, 12, 25, 0, 0);
    for (int i = 0; i < 20_000; i++) {
      // From before the month table's first year to after its last (1900-2199), leap days and month
      // ends included.
      t =
          t.plusSeconds(rnd.nextInt(3 * 86400) + rnd.nextInt(10) * 86400L * 2)
              .withNano(rnd.nextInt(1000) * 1_000_000);
      long packed = PackedLocalDateTime.pack(t);
      long want = t.toEpochSecond(ZoneOffset.UTC);
      assertThat(Cells.localEpochSecond(packed)).as(t.toString()).isEqualTo(want);
      long wantMillis = t.toInstant(ZoneOffset.UTC).toEpochMilli();
      assertThat(Cells.localEpochMillis(packed)).as(t.toString()).isEqualTo(wantMillis);
      int time = PackedLocalTime.pack(t.toLocalTime());
      assertThat(Cells.secondOfDay(time)).isEqualTo(PackedLocalTime.getSecondOfDay(time));
      assertThat(Cells.millisecondOfDay(time)).isEqualTo(PackedLocalTime.getMillisecondOfDay(time));
    }
    assertThat(t.getYear()).isGreaterThan(2200); // the walk crossed the whole table
  }
}
