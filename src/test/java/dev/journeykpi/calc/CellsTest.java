package dev.journeykpi.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.times.PackedLocalTime;

/** The packed-time arithmetic the duration KPIs run on every row agrees with java.time and with Tablesaw. */
class CellsTest {
  @Test
  void epochSecondsAndMillisAgreeWithJavaTime() {
    Random rnd = new Random(3);
    Cells.EpochClock clock = new Cells.EpochClock();
    LocalDateTime t = LocalDateTime.of(1969, 12, 25, 0, 0);
    for (int i = 0; i < 20_000; i++) {
      // Mostly small steps (rows of one day share the clock's cached date), sometimes a jump of months.
      t = t.plusSeconds(rnd.nextInt(10) == 0 ? rnd.nextInt(90 * 86400) : rnd.nextInt(7200)).withNano(rnd.nextInt(1000) * 1_000_000);
      long packed = PackedLocalDateTime.pack(t);
      long want = t.toEpochSecond(ZoneOffset.UTC);
      assertThat(clock.seconds(packed)).as(t.toString()).isEqualTo(want);
      assertThat(Cells.localEpochSecond(packed)).isEqualTo(want);
      long wantMillis = t.toInstant(ZoneOffset.UTC).toEpochMilli();
      assertThat(clock.millis(packed)).as(t.toString()).isEqualTo(wantMillis);
      assertThat(Cells.localEpochMillis(packed)).isEqualTo(wantMillis);
      int time = PackedLocalTime.pack(t.toLocalTime());
      assertThat(Cells.secondOfDay(time)).isEqualTo(PackedLocalTime.getSecondOfDay(time));
      assertThat(Cells.millisecondOfDay(time)).isEqualTo(PackedLocalTime.getMillisecondOfDay(time));
    }
  }
}
