package dev.journeykpi.ingest;

import org.apache.poi.ss.usermodel.DateUtil;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Excel serial numbers (days since 1899-12-30 in the 1900 date system, the time of day as the fraction) as Tablesaw's
 * packed date-time, to the millisecond, exactly as POI's {@link DateUtil#getLocalDateTime(double)} reads them.
 *
 * <p>POI computes each value with BigDecimal arithmetic and a LocalDateTime; for a sheet of 300,000 rows with three
 * date columns that was a tenth of the import. Here the day is an addition and the millisecond a rounding in
 * {@code double}; only a value whose millisecond lies within 0.01 ms of a rounding boundary (where binary and decimal
 * arithmetic could round apart; ExcelSerialTest found such a value at 0.0003 ms) is handed to POI.
 */
final class ExcelSerial {
  private static final long DAY_MILLIS = 86_400_000L;
  /** Epoch days of 1899-12-30 and 1899-12-31: Excel's day 0 from day 61 on, and before it (1900-02-29 exists there). */
  private static final long FROM_61 = java.time.LocalDate.of(1899, 12, 30).toEpochDay();
  private static final long BEFORE_61 = FROM_61 + 1;

  private ExcelSerial() {}

  /** The packed date-time of a valid serial ({@link DateUtil#isValidExcelDate}: not negative). */
  static long packed(double serial) {
    int wholeDays = (int) serial;
    double r = (serial - wholeDays) * DAY_MILLIS + 0.5;
    long millis = (long) Math.floor(r);
    double off = r - millis;
    // POI rounds the shortest decimal spelling of the double, which lies up to half a unit in the last place (about
    // 0.001 ms at today's serials) from its binary value: within 0.01 ms of a boundary, let POI decide.
    if (off < 0.01 || off > 0.99 || millis >= DAY_MILLIS || serial >= Integer.MAX_VALUE) {
      return PackedLocalDateTime.pack(DateUtil.getLocalDateTime(serial));
    }
    java.time.LocalDate day = java.time.LocalDate.ofEpochDay((wholeDays < 61 ? BEFORE_61 : FROM_61) + wholeDays);
    int ms = (int) millis;
    return DateTimeParser.pack(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), ms / 3_600_000,
        ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }
}
