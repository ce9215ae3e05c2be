package dev.journeykpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/** Excel serials read exactly as POI reads them, whatever the value. */
class ExcelSerialTest {
  private static void same(double serial) {
    assertThat(PackedLocalDateTime.asLocalDateTime(ExcelSerial.packed(serial)))
        .as("serial %s", serial)
        .isEqualTo(DateUtil.getLocalDateTime(serial));
  }

  /**
   * Worked by hand: 46326 = 2026-10-31 (the day ExcelImportTest uses); .5 = noon; 60 = Excel's
   * 1900-02-29 → 03-01.
   */
  @Test
  void knownValues() {
    assertThat(PackedLocalDateTime.asLocalDateTime(ExcelSerial.packed(46326.5)))
        .hasToString("2026-10-31T12:00");
    assertThat(PackedLocalDateTime.asLocalDateTime(ExcelSerial.packed(61)))
        .hasToString("1900-03-01T00:00");
    assertThat(PackedLocalDateTime.asLocalDateTime(ExcelSerial.packed(1)))
        .hasToString("1900-01-01T00:00");
    for (double v :
        new double[] {
          0,
          1,
          59,
          60,
          60.999999,
          61,
          0.5,
          0.999999999,
          46326 + 14 / 24.0 + 5 / 1440.0,
          46326.99999999,
          2958465.99999999,
          45000.0000057870,
          45000.000005787037
        }) {
      same(v);
    }
  }

  /**
   * Random days and times, whole seconds and minutes as exports hold them, and arbitrary fractions.
   */
  @Test
  void randomValuesAgreeWithPoi() {
    Random r = new Random(42);
    for (int i = 0; i < 300_000; i++) {
      int day = r.nextInt(80_000);
      double v =
          switch (i % 4) {
            case 0 -> day + r.nextInt(86_400) / 86_400.0;
            case 1 -> day + r.nextInt(1_440) / 1_440.0;
            case 2 -> day + r.nextInt(86_400_000) / 86_400_000.0;
            default -> day + r.nextDouble();
          };
      same(v);
    }
  }
}
