package dev.journeykpi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeykpi.calc.BusinessCalendar;
import dev.journeykpi.config.CalendarDef;
import dev.journeykpi.types.KpiKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar table gives the same business seconds as {@link BusinessCalendar} (issue 17's
 * proof): 100,000 random pairs of moments (fixed seed) per shipped calendar and per calendar with
 * night shifts, each set in ONE DuckDB query; and a week worked by hand.
 */
class CalendarTableTest {
  static final DuckDbDialect D = new DuckDbDialect();
  static Connection conn;
  @TempDir static Path dir;

  @BeforeAll
  static void connect() throws Exception {
    conn = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void close() throws Exception {
    conn.close();
  }

  @Test
  void everyShippedCalendarAgreesWithBusinessCalendarOnRandomPairs() throws Exception {
    int calendars = 0;
    try (Stream<Path> files = Files.list(Path.of("kpi-definitions"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        if (!Files.readString(f).contains("\ncalendar:")) continue;
        CalendarDef def = KpiKinds.loader().read(List.of(f)).calendar();
        agreeOnRandomPairs(f.getFileName().toString(), new BusinessCalendar(def), 100_000);
        calendars++;
      }
    }
    // customer-service, hotel-housekeeping, lead-stages, retention, sales-journey.
    assertThat(calendars).isGreaterThanOrEqualTo(5);
  }

  @Test
  void nightShiftsAndAHolidayCancellingOneAgreeToo() throws Exception {
    agreeOnRandomPairs("night shifts", new BusinessCalendar(nightShifts()), 100_000);
    agreeOnRandomPairs("the default", new BusinessCalendar(CalendarDef.standard()), 100_000);
  }

  /**
   * Monday 2026-10-05 to Monday 2026-10-12 in the night-shift calendar, worked by hand: Mon–Fri
   * 08:00–12:00 and 13:00–17:00 (8 h), Mon–Fri 22:00–06:00 (8 h, belongs to the day it starts on),
   * Saturday 09:00–12:00 (3 h); Wednesday 2026-10-07 a holiday.
   */
  @Test
  void aWeekWorkedByHand() throws Exception {
    BusinessCalendar cal = new BusinessCalendar(nightShifts());
    String[][] pairs = {
      // Mon 10:00 → Mon 15:00: 10–12 (2 h) + 13–15 (2 h) = 4 h = 14400 s.
      {"2026-10-05 10:00:00", "2026-10-05 15:00:00", "14400"},
      // Mon 23:00 → Tue 07:00: Monday's night shift 23:00–06:00 = 7 h = 25200 s.
      {"2026-10-05 23:00:00", "2026-10-06 07:00:00", "25200"},
      // Tue 20:00 → Thu 09:00: Tue 22–24 (2 h) + Wed 00–06 (Tuesday's shift, 6 h); Wednesday is a
      // holiday, so neither its day nor its night shift; Thu 08–09 (1 h) = 9 h = 32400 s.
      {"2026-10-06 20:00:00", "2026-10-08 09:00:00", "32400"},
      // Fri 21:00 → Mon 00:00: Fri 22–06 (8 h) + Sat 09–12 (3 h) = 11 h = 39600 s.
      {"2026-10-09 21:00:00", "2026-10-12 00:00:00", "39600"},
      // End before start: Mon 15:00 → Mon 10:00 is −4 h.
      {"2026-10-05 15:00:00", "2026-10-05 10:00:00", "-14400"},
      // Seconds count, milliseconds do not: 08:00:00.900 → 08:00:59.100 is 59 s.
      {"2026-10-05 08:00:00.900", "2026-10-05 08:00:59.100", "59"},
    };
    List<long[]> sql = businessSeconds(cal, List.of(pairs));
    for (int i = 0; i < pairs.length; i++) {
      assertThat(sql.get(i)[1])
          .as(pairs[i][0] + " → " + pairs[i][1])
          .isEqualTo(Long.parseLong(pairs[i][2]));
      assertThat(
              cal.businessSeconds(
                  LocalDateTime.parse(pairs[i][0].replace(' ', 'T')).withNano(0),
                  LocalDateTime.parse(pairs[i][1].replace(' ', 'T')).withNano(0)))
          .isEqualTo(Long.parseLong(pairs[i][2]));
    }
  }

  /**
   * Working days between two dates and the date n working days after one, from the table's
   * working-day numbers, agree with BusinessCalendar on 20,000 random dates per shipped calendar.
   */
  @Test
  void workingDayNumbersAgreeWithBusinessCalendar() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("kpi-definitions"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        if (!Files.readString(f).contains("\ncalendar:")) continue;
        BusinessCalendar cal = new BusinessCalendar(KpiKinds.loader().read(List.of(f)).calendar());
        CalendarTable table = new CalendarTable(D, cal);
        Random rnd = new Random(17);
        List<String> rows = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        LocalDate first = LocalDate.of(2025, 6, 1);
        for (int i = 0; i < 20_000; i++) {
          LocalDate a = first.plusDays(rnd.nextInt(580));
          LocalDate b = a.plusDays(rnd.nextInt(120) - 20);
          int n = 1 + rnd.nextInt(40);
          expected.add(
              new long[] {cal.workingDaysBetween(a, b), cal.plusWorkingDays(a, n).toEpochDay()});
          rows.add("(" + i + ", DATE '" + a + "', DATE '" + b + "', " + n + ")");
        }
        // One query: the table over 2025-06 … 2027-06 (far enough for 40 working days after the
        // last date), joined for a, b and a + n working days.
        String sql =
            "WITH kpi_calendar AS "
                + table.relation("DATE '2025-05-01'", "DATE '2027-06-30'")
                + "\nSELECT i, "
                + table.workingDaysBetween("ca", "cb")
                + ", epoch(cn.kpi_day) // 86400 FROM (VALUES "
                + String.join(", ", rows)
                + ") AS t(i, a, b, n) JOIN kpi_calendar AS ca ON ca.kpi_day = a"
                + " JOIN kpi_calendar AS cb ON cb.kpi_day = b"
                + " JOIN kpi_calendar AS cn ON "
                + table.workingDaysAfter("ca", 1, "cn").replace("+ 1", "+ n")
                + " ORDER BY i";
        List<long[]> actual = new ArrayList<>();
        try (Statement st = conn.createStatement();
            ResultSet r = st.executeQuery(sql)) {
          while (r.next()) actual.add(new long[] {r.getLong(2), r.getLong(3)});
        }
        assertThat(actual).as(f.toString()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++)
          assertThat(actual.get(i)).as(f + " " + rows.get(i)).containsExactly(expected.get(i));
      }
    }
  }

  /** Mon–Fri 08–12, 13–17 and a night shift 22–06; Saturday 09–12; a holiday on a Wednesday. */
  static CalendarDef nightShifts() {
    Map<DayOfWeek, List<CalendarDef.WorkInterval>> hours = new EnumMap<>(DayOfWeek.class);
    List<CalendarDef.WorkInterval> week =
        List.of(
            new CalendarDef.WorkInterval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
            new CalendarDef.WorkInterval(LocalTime.of(13, 0), LocalTime.of(17, 0)),
            new CalendarDef.WorkInterval(LocalTime.of(22, 0), LocalTime.of(6, 0)));
    for (DayOfWeek d : DayOfWeek.values()) if (d.getValue() <= 5) hours.put(d, week);
    hours.put(
        DayOfWeek.SATURDAY,
        List.of(new CalendarDef.WorkInterval(LocalTime.of(9, 0), LocalTime.of(12, 0))));
    Set<DayOfWeek> days = new java.util.HashSet<>(hours.keySet());
    return new CalendarDef(
        days, hours, Set.of(LocalDate.of(2026, 10, 7), LocalDate.of(2026, 12, 25)));
  }

  /**
   * n random pairs over 2025-06 … 2027-01 (the shipped holidays' years): times often on an hour's
   * or half hour's edge, where pieces start and end, else any second; b before a for some.
   */
  static void agreeOnRandomPairs(String name, BusinessCalendar cal, int n) throws Exception {
    Random rnd = new Random(17);
    long first = LocalDate.of(2025, 6, 1).toEpochDay();
    long span = LocalDate.of(2027, 1, 31).toEpochDay() - first;
    List<String[]> pairs = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long a = moment(rnd, first, span);
      // Mostly within a day before to four days after a (half on half hours), sometimes months.
      long offset = rnd.nextInt(5 * 86400);
      if (rnd.nextBoolean()) offset = offset / 1800 * 1800;
      long b = rnd.nextInt(10) == 0 ? moment(rnd, first, span) : a - 86400L + offset;
      expected.add(cal.businessSeconds(a, b));
      pairs.add(new String[] {text(a), text(b)});
    }
    List<long[]> sql = businessSeconds(cal, pairs);
    assertThat(sql).hasSize(n);
    int wrong = 0;
    List<String> shown = new ArrayList<>();
    for (long[] r : sql) {
      int i = (int) r[0];
      if (r[1] != expected.get(i)) {
        wrong++;
        if (shown.size() < 5)
          shown.add(
              pairs.get(i)[0]
                  + " → "
                  + pairs.get(i)[1]
                  + ": SQL "
                  + r[1]
                  + ", Java "
                  + expected.get(i));
      }
    }
    assertThat(shown).as(name + ": " + wrong + " of " + n + " differ").isEmpty();
  }

  private static long moment(Random rnd, long firstDay, long span) {
    long day = firstDay + rnd.nextInt((int) span);
    long second =
        switch (rnd.nextInt(3)) {
          case 0 -> rnd.nextInt(48) * 1800L; // an hour's or half hour's edge
          case 1 -> rnd.nextInt(48) * 1800L + rnd.nextInt(3) - 1; // a second either side
          default -> rnd.nextInt(86400);
        };
    return day * 86400L + Math.floorMod(second, 86400L);
  }

  private static String text(long epochSecond) {
    return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).toString().replace('T', ' ');
  }

  /** (row, business seconds) for each pair, from one query over a CSV of the pairs. */
  static List<long[]> businessSeconds(BusinessCalendar cal, List<String[]> pairs) throws Exception {
    Path csv = Files.createTempFile(dir, "pairs", ".csv");
    StringBuilder text = new StringBuilder("i,a,b\n");
    for (int i = 0; i < pairs.size(); i++)
      text.append(i)
          .append(',')
          .append(pairs.get(i)[0])
          .append(',')
          .append(pairs.get(i)[1])
          .append('\n');
    Files.writeString(csv, text);
    String rows =
        "(SELECT i, CAST(a AS TIMESTAMP) AS a, CAST(b AS TIMESTAMP) AS b FROM read_csv("
            + D.literal(csv.toString())
            + ", all_varchar = true))";
    String sql =
        "SELECT i, secs FROM "
            + new CalendarTable(D, cal).withBusinessSeconds(rows, "a", "b", "secs")
            + " AS t ORDER BY i";
    List<long[]> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet r = st.executeQuery(sql)) {
      while (r.next()) out.add(new long[] {Long.parseLong(r.getString(1)), r.getLong(2)});
    }
    return out;
  }
}
