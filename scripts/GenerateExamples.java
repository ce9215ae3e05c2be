import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Regenerates examples/ with a fixed seed: `scripts/generate-examples.sh`. The files imitate real
 * hotel exports: Vietnamese headers, dd/MM/yyyy dates, Có/Không and "x" flags, amounts like
 * 1.250.000, a semicolon CSV, an Excel log with a title above the header, date cells, text dates
 * and duration cells, and a few broken rows on purpose so the data-quality report has something to
 * show.
 */
public class GenerateExamples {
  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String[] STAFF = {
    "Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Hồng", "Phạm Minh Đức", "Võ Thị Ánh"
  };
  static final String[] NOTES = {
    "",
    "",
    "",
    "Khách yêu cầu thêm khăn",
    "Thiếu nước suối, đã bổ sung",
    "Rèm cửa hỏng, báo kỹ thuật",
    "Khách nói: \"phòng rất sạch\"",
    "Đổi ga, gối"
  };

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/hotel");
    Files.createDirectories(dir);
    roomChecks(dir.resolve("room-checks.csv"), new Random(20261001));
    roomService(dir.resolve("room-service.xlsx"), new Random(20261002));
    checkouts(dir.resolve("checkouts.csv"), new Random(20261003));
  }

  static LocalDateTime randomTime(Random r, LocalDate from, int days, int fromHour, int hours) {
    return from.plusDays(r.nextInt(days)).atTime(fromHour + r.nextInt(hours), r.nextInt(60));
  }

  /** Housekeeping inspections: UTF-8 with BOM (as Excel saves "CSV UTF-8"), comma separated. */
  static void roomChecks(Path file, Random r) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Mã kiểm tra,Thời điểm kiểm tra,Phòng,Tầng,Nhân viên,Đã thay ga,Phòng tắm sạch,Điểm kiểm tra,Ghi chú");
    LocalDate start = LocalDate.of(2026, 9, 1);
    for (int i = 1; i <= 640; i++) {
      int floor = 1 + r.nextInt(5);
      int room = floor * 100 + 1 + r.nextInt(12);
      LocalDateTime at = randomTime(r, start, 61, 8, 9);
      // Floor 3's team changes sheets less often: the scorecard should show it.
      double changeRate = floor == 3 ? 0.70 : 0.92;
      String sheets = r.nextDouble() < changeRate ? "Có" : "Không";
      String bath = r.nextDouble() < 0.88 ? "x" : "";
      int score =
          Math.min(
              5,
              Math.max(1, (int) Math.round(4.2 + r.nextGaussian() * 0.8 - (floor == 3 ? 0.6 : 0))));
      String time = VN.format(at);
      if (i == 77) time = "31/09/2026 10:15"; // no such day
      if (i == 311) sheets = "Có?"; // typo in a yes/no column
      String note = NOTES[r.nextInt(NOTES.length)];
      lines.add(
          String.join(
              ",",
              "KT" + String.format("%05d", i),
              time,
              String.valueOf(room),
              String.valueOf(floor),
              STAFF[r.nextInt(STAFF.length)],
              sheets,
              bath,
              String.valueOf(score),
              csv(note)));
      if (i == 500)
        lines.add("KT-LOI,02/10/2026 09:00,305,3"); // a row cut short by a broken export
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      out.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /**
   * Room-service call log as the F&B system exports it: title rows above the table, which starts in
   * column B.
   */
  static void roomService(Path file, Random r) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CreationHelper h = wb.getCreationHelper();
      CellStyle dateTime = wb.createCellStyle();
      dateTime.setDataFormat(h.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      CellStyle duration = wb.createCellStyle();
      duration.setDataFormat(h.createDataFormat().getFormat("[h]:mm:ss"));
      CellStyle money = wb.createCellStyle();
      money.setDataFormat(h.createDataFormat().getFormat("#,##0"));
      Sheet s = wb.createSheet("Gọi phục vụ");
      s.createRow(0).createCell(1).setCellValue("Nhật ký gọi phục vụ phòng — tháng 9 và 10/2026");
      String[] header = {
        "Mã cuộc gọi",
        "Phòng",
        "Kênh",
        "Gọi lúc",
        "Trả lời lúc",
        "Giao lúc",
        "Thành tiền",
        "Thời lượng gọi"
      };
      Row hr = s.createRow(2);
      for (int c = 0; c < header.length; c++) hr.createCell(c + 1).setCellValue(header[c]);
      LocalDate start = LocalDate.of(2026, 9, 1);
      int rowIndex = 3;
      for (int i = 1; i <= 420; i++) {
        Row row = s.createRow(rowIndex++);
        LocalDateTime called = randomTime(r, start, 61, 6, 18);
        boolean app = r.nextDouble() < 0.35;
        row.createCell(1).setCellValue("RS" + String.format("%04d", i));
        row.createCell(2).setCellValue(100 * (1 + r.nextInt(5)) + 1 + r.nextInt(12));
        row.createCell(3).setCellValue(app ? "Ứng dụng" : "Điện thoại");
        Cell c = row.createCell(4);
        c.setCellValue(called);
        c.setCellStyle(dateTime);
        boolean unanswered = r.nextDouble() < 0.05;
        if (!unanswered) {
          LocalDateTime answered =
              called.plusSeconds((long) (20 + r.nextExponential() * (app ? 240 : 90)));
          Cell a = row.createCell(5);
          a.setCellValue(answered);
          a.setCellStyle(dateTime);
          LocalDateTime delivered = answered.plusMinutes(8 + r.nextInt(35));
          Cell d = row.createCell(6);
          if (i % 9 == 0) {
            d.setCellValue(VN.format(delivered)); // typed by hand: a date stored as text
          } else {
            d.setCellValue(delivered);
            d.setCellStyle(dateTime);
          }
          Cell m = row.createCell(7);
          m.setCellValue(1000 * (45 + r.nextInt(400)));
          m.setCellStyle(money);
          Cell t = row.createCell(8);
          t.setCellValue((30 + r.nextInt(240)) / 86400.0);
          t.setCellStyle(duration);
        }
      }
      for (int c = 1; c <= header.length; c++) s.setColumnWidth(c, 18 * 256);
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
  }

  /**
   * Front-desk checkouts: semicolon separated, amounts with '.' grouping and a ₫ sign, dd/MM/yyyy
   * dates.
   */
  static void checkouts(Path file, Random r) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Số phòng;Ngày trả phòng;Số đêm;Tổng tiền;Trả phòng muộn;Mức hài lòng\n");
      LocalDate start = LocalDate.of(2026, 9, 1);
      for (int i = 1; i <= 330; i++) {
        int nights = 1 + r.nextInt(5);
        long amount =
            nights * (850_000L + 50_000L * r.nextInt(12)) + (r.nextDouble() < 0.3 ? 250_000 : 0);
        String late = r.nextDouble() < 0.12 ? "Có" : "Không";
        int sat = Math.min(5, Math.max(1, (int) Math.round(4 + r.nextGaussian())));
        String satText = i % 37 == 0 ? "" : String.valueOf(sat); // not every guest answers
        w.write(
            (100 * (1 + r.nextInt(5)) + 1 + r.nextInt(12))
                + ";"
                + VN_DATE.format(start.plusDays(r.nextInt(61)))
                + ";"
                + nights
                + ";"
                + String.format("%,d", amount).replace(',', '.')
                + " ₫;"
                + late
                + ";"
                + satText
                + "\n");
      }
    }
  }
}
