package dev.journeykpi.ingest;

import org.apache.poi.ss.usermodel.DateUtil;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Excel serial numbers (days since 1899-12-30 in the 1900 date system, the time of day as the
 * fraction) as Tablesaw's packed date-time, to the millisecond, exactly as POI's {@link
 * DateUtil#getLocalDateTime(double)} reads them.
 *
 * <p>A workbook in the 1904 date system (Mac Excel's old default, {@code date1904} in the workbook)
 * counts days from 1904-01-01 instead, without the 1900 system's fictitious 1900-02-29: the same
 * serial is 1,462 days later.
 *
 * <p>POI computes each value with BigDecimal arithmetic and a LocalDateTime; for a sheet of 300,000
 * rows with three date columns that was a tenth of the import. Here the day is an addition and the
 * millisecond a rounding in {@code double}; only a value whose millisecond lies within 0.01 ms of a
 * rounding boundary (where binary and decimal arithmetic could round apart; ExcelSerialTest found
 * such a value at 0.0003 ms) is handed to POI.
 */
final class ExcelSerial {
  private static final long DAY_MILLIS = 86_400_000L;

  /**
   * Epoch days of 1899-12-30 and 1899-12-31: Excel's day 0 from day 61 on, and before it
   * (1900-02-29 exists there).
   */
  private static final long FROM_61 = java.time.LocalDate.of(1899, 12, 30).toEpochDay();

  private static final long BEFORE_61 = FROM_61 + 1;

  /** Epoch day of 1904-01-01, day 0 of the 1904 date system. */
  private static final long FROM_1904 = java.time.LocalDate.of(1904, 1, 1).toEpochDay();

  private ExcelSerial() {}

  /** The packed date-time of a valid serial ({@link DateUtil#isValidExcelDate}: not negative). */
  static long packed(double serial) {
    return packed(serial, false);
  }

  /**
   * The packed date-time of a valid serial in the 1900 or ({@code date1904}) the 1904 date system.
   */
  static long packed(double serial, boolean date1904) {
    int wholeDays = (int) serial;
    double r = (serial - wholeDays) * DAY_MILLIS + 0.5;
    long millis = (long) Math.floor(r);
    double off = r - millis;
    // POI rounds the shortest decimal spelling of the double, which lies up to half a unit in the
    // last place (about
    // 0.001 ms at today's serials) from its binary value: within 0.01 ms of a boundary, let POI
    // decide.
    if (off < 0.01 || off > 0.99 || millis >= DAY_MILLIS || serial >= Integer.MAX_VALUE) {
      return PackedLocalDateTime.pack(DateUtil.getLocalDateTime(serial, date1904));
    }
    java.time.LocalDate day =
        java.time.LocalDate.ofEpochDay(
            (date1904 ? FROM_1904 : wholeDays < 61 ? BEFORE_61 : FROM_61) + wholeDays);
    int ms = (int) millis;
    return DateTimeParser.pack(
        day.getYear(),
        day.getMonthValue(),
        day.getDayOfMonth(),
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000);
  }
}
