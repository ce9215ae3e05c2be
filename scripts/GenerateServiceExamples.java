import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Regenerates examples/customer-service with fixed seeds (run by scripts/generate-examples.sh). The
 * files imitate the exports of a Vietnamese customer-care team: a helpdesk ticket list, a
 * call-centre log, an NPS survey, an HR staff list and an employee survey, with Vietnamese headers
 * and values, dd/MM/yyyy dates, Có/Không flags, text satisfaction ratings, m:ss talk times, and a
 * few faulty values on purpose (a reply logged before its ticket, an out-of-range NPS answer, blank
 * customer ids) so the data-quality notes have something to say.
 */
public class GenerateServiceExamples {
  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String[][] AGENTS = {
    {"Nguyễn Thu Hà", "Nhóm Miền Bắc"},
    {"Trần Quốc Bảo", "Nhóm Miền Bắc"},
    {"Đỗ Minh Thư", "Nhóm Miền Bắc"},
    {"Lê Hoàng Nam", "Nhóm Miền Nam"},
    {"Phạm Thị Mai", "Nhóm Miền Nam"},
    {"Võ Thanh Tùng", "Nhóm Miền Nam"},
    {"Bùi Ngọc Ánh", "Nhóm Online"},
    {"Đặng Gia Huy", "Nhóm Online"}
  };
  static final String[] CHANNELS = {
    "Điện thoại",
    "Điện thoại",
    "Điện thoại",
    "Zalo",
    "Zalo",
    "Email",
    "Email",
    "Facebook",
    "Chat website"
  };
  static final String[] PRIORITIES = {
    "Khẩn cấp",
    "Cao",
    "Cao",
    "Cao",
    "Trung bình",
    "Trung bình",
    "Trung bình",
    "Trung bình",
    "Thấp",
    "Thấp"
  };
  static final String[] RATINGS = {
    "Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"
  };
  static final String[] TAGS = {
    "",
    "",
    "",
    "",
    "",
    "đổi trả",
    "giao hàng",
    "hoàn tiền",
    "khiếu nại",
    "giao hàng;khiếu nại",
    "bảo hành"
  };

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/customer-service");
    Files.createDirectories(dir);
    tickets(dir.resolve("phieu-ho-tro.csv"), new Random(20261101));
    calls(dir.resolve("cuoc-goi.csv"), new Random(20261102));
    npsSurvey(dir.resolve("khao-sat-nps.csv"), new Random(20261103));
    staff(dir.resolve("nhan-su.csv"), new Random(20261104));
    staffSurvey(dir.resolve("khao-sat-nhan-vien.csv"), new Random(20261105));
  }

  static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }

  /**
   * A moment in 2026-09-01 .. 2026-10-31, mostly in working hours (Mon–Sat), some evenings and
   * Sundays.
   */
  static LocalDateTime created(Random r) {
    LocalDate d = LocalDate.of(2026, 9, 1).plusDays(r.nextInt(61));
    int hour = r.nextDouble() < 0.85 ? 8 + r.nextInt(10) : 18 + r.nextInt(4);
    return d.atTime(hour, r.nextInt(60));
  }

  /**
   * The moment itself when the desk is open, else its next opening (Mon–Fri 08:00–12:00,
   * 13:30–17:30; Sat 08:00–12:00).
   */
  static LocalDateTime nextOpen(LocalDateTime t) {
    for (LocalDateTime x = t; ; x = x.toLocalDate().plusDays(1).atTime(8, 0)) {
      LocalDate d = x.toLocalDate();
      boolean holiday = d.equals(LocalDate.of(2026, 9, 1)) || d.equals(LocalDate.of(2026, 9, 2));
      if (holiday || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
      int m = x.getHour() * 60 + x.getMinute();
      if (m < 8 * 60) return d.atTime(8, 0);
      if (m < 12 * 60) return x;
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY) continue;
      if (m < 13 * 60 + 30) return d.atTime(13, 30);
      if (m < 17 * 60 + 30) return x;
    }
  }

  static String yesNo(boolean b) {
    return b ? "Có" : "Không";
  }

  /**
   * Helpdesk tickets: one row per ticket, its first reply, resolution, survey answers and flags.
   */
  static void tickets(Path file, Random r) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Mã phiếu,Ngày tạo,Kênh,Mức ưu tiên,Mã khách hàng,Nhân viên,Nhóm,Phản hồi đầu tiên,Ngày xử lý xong,Số lần liên hệ,"
            + "Mở lại,Chuyển cấp,Nhãn,NV xác nhận xử lý lần đầu,Đã gửi khảo sát,Mức hài lòng,Mức độ dễ dàng,Giải quyết ngay lần đầu");
    LocalDateTime end = LocalDateTime.of(2026, 10, 31, 23, 59);
    for (int i = 1; i <= 900; i++) {
      LocalDateTime at = created(r);
      String[] agent = AGENTS[r.nextInt(AGENTS.length)];
      String channel = CHANNELS[r.nextInt(CHANNELS.length)];
      String priority = PRIORITIES[r.nextInt(PRIORITIES.length)];
      // A few hundred customers, so some come back within a week (repeat contacts for FCR).
      String customer = r.nextDouble() < 0.02 ? "" : String.format("KH-%04d", 1 + r.nextInt(420));
      // The northern team answers more slowly: the scorecard should show it.
      double slow = agent[1].equals("Nhóm Miền Bắc") ? 2.2 : 1.0;
      double replyMinutes =
          Math.exp(2.8 + r.nextGaussian() * 0.9) * slow * (priority.equals("Khẩn cấp") ? 0.4 : 1);
      // Agents reply in working hours: a ticket sent at night or on Sunday waits for the next
      // opening.
      LocalDateTime reply = nextOpen(at).plusSeconds((long) (replyMinutes * 60));
      String replyText = reply.isAfter(end) || r.nextDouble() < 0.02 ? "" : VN.format(reply);
      if (i == 137)
        replyText =
            VN.format(at.minusMinutes(20)); // a reply logged before the ticket: a data error
      double resolveHours = Math.exp(1.5 + r.nextGaussian() * 1.1);
      LocalDateTime resolved = reply.plusSeconds((long) (resolveHours * 3600));
      boolean open = resolved.isAfter(end) || r.nextDouble() < 0.03 || replyText.isEmpty();
      int contacts = r.nextDouble() < 0.72 ? 1 : r.nextDouble() < 0.7 ? 2 : 3;
      boolean reopened = !open && r.nextDouble() < 0.07;
      boolean escalated = r.nextDouble() < (priority.equals("Khẩn cấp") ? 0.3 : 0.05);
      String tags = TAGS[r.nextInt(TAGS.length)];
      boolean agentSaysFirst = !open && (contacts == 1 || r.nextDouble() < 0.3);
      boolean surveyed = !open && r.nextDouble() < 0.65;
      boolean answered = surveyed && r.nextDouble() < 0.7;
      String rating = "", effort = "", fcrAnswer = "";
      if (answered) {
        int base = contacts == 1 && !reopened ? 4 : 3;
        int score = Math.max(1, Math.min(5, base + (int) Math.round(r.nextGaussian() * 0.9)));
        rating = RATINGS[score - 1];
        effort =
            String.valueOf(
                Math.max(1, Math.min(7, score + 1 + (int) Math.round(r.nextGaussian()))));
        fcrAnswer =
            r.nextDouble() < 0.1 ? "" : yesNo(contacts == 1 && !reopened || r.nextDouble() < 0.15);
      }
      lines.add(
          String.join(
              ",",
              String.format("PH-%06d", i),
              VN.format(at),
              channel,
              priority,
              customer,
              agent[0],
              agent[1],
              replyText,
              open ? "" : VN.format(resolved),
              String.valueOf(contacts),
              yesNo(reopened),
              yesNo(escalated),
              csv(tags),
              open ? "" : yesNo(agentSaysFirst),
              open ? "" : yesNo(surveyed),
              rating,
              effort,
              fcrAnswer));
    }
    write(file, lines);
  }

  static String clock(int seconds) {
    return seconds >= 3600
        ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  /**
   * The call-centre log: talk, hold and after-call work as m:ss; missed calls have no agent times.
   */
  static void calls(Path file, Random r) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Mã cuộc gọi,Bắt đầu lúc,Nhân viên,Nhóm,Nghe máy,Chờ trong hàng đợi (giây),Thời gian đàm thoại,Giữ máy,Xử lý sau cuộc gọi");
    for (int i = 1; i <= 700; i++) {
      LocalDateTime at = created(r);
      String[] agent = AGENTS[r.nextInt(6)]; // the online team takes no calls
      boolean answered = r.nextDouble() < 0.88;
      int queue = (int) Math.exp(3 + r.nextGaussian() * 0.8);
      String talk = "", hold = "", acw = "";
      if (answered) {
        talk = clock((int) Math.exp(5.2 + r.nextGaussian() * 0.5));
        hold =
            r.nextDouble() < 0.6
                ? clock(r.nextDouble() < 0.5 ? 0 : (int) Math.exp(3.5 + r.nextGaussian() * 0.6))
                : "";
        acw = clock((int) Math.exp(4 + r.nextGaussian() * 0.5));
      }
      lines.add(
          String.join(
              ",",
              String.format("CG-%05d", i),
              VN.format(at),
              answered ? agent[0] : "",
              answered ? agent[1] : "",
              yesNo(answered),
              String.valueOf(queue),
              talk,
              hold,
              acw));
    }
    write(file, lines);
  }

  /** A relationship NPS survey: 0–10, some blanks, one answer off the scale and one in words. */
  static void npsSurvey(Path file, Random r) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("Ngày khảo sát,Mã khách hàng,Kênh,Điểm giới thiệu (0-10),Góp ý");
    String[] comments = {
      "",
      "",
      "",
      "Nhân viên nhiệt tình",
      "Giao hàng chậm",
      "Gọi tổng đài lâu",
      "Sẽ giới thiệu bạn bè"
    };
    for (int i = 1; i <= 320; i++) {
      LocalDate d = LocalDate.of(2026, 9, 1).plusDays(r.nextInt(61));
      int score = Math.max(0, Math.min(10, (int) Math.round(7.6 + r.nextGaussian() * 2.2)));
      String answer = r.nextDouble() < 0.05 ? "" : String.valueOf(score);
      if (i == 41) answer = "11"; // typed by hand
      if (i == 212) answer = "mười";
      lines.add(
          String.join(
              ",",
              VN_DATE.format(d),
              String.format("KH-%04d", 1 + r.nextInt(420)),
              CHANNELS[r.nextInt(CHANNELS.length)],
              answer,
              csv(comments[r.nextInt(comments.length)])));
    }
    write(file, lines);
  }

  /** The HR staff list: hire and leave dates, department and the reason for leaving. */
  static void staff(Path file, Random r) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("Mã NV,Họ tên,Bộ phận,Ngày vào làm,Ngày nghỉ việc,Lý do nghỉ");
    String[] departments = {
      "Chăm sóc khách hàng", "Chăm sóc khách hàng", "Chăm sóc khách hàng", "Kinh doanh", "Kho vận"
    };
    String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"};
    String[] given = {
      "An", "Bình", "Chi", "Dũng", "Giang", "Hải", "Khánh", "Linh", "Minh", "Ngọc", "Phúc", "Quân",
      "Thảo", "Vy"
    };
    for (int i = 1; i <= 80; i++) {
      LocalDate hired = LocalDate.of(2022, 1, 3).plusDays(r.nextInt(4 * 365 - 80));
      String left = "", reason = "";
      if (r.nextDouble() < 0.22) {
        LocalDate l = hired.plusDays(30 + r.nextInt(500));
        if (l.isBefore(LocalDate.of(2026, 11, 1))) {
          left = VN_DATE.format(l);
          reason = r.nextDouble() < 0.75 ? "Tự nguyện" : "Cho thôi việc";
        }
      }
      lines.add(
          String.join(
              ",",
              String.format("NV%03d", i),
              family[r.nextInt(family.length)] + " " + given[r.nextInt(given.length)],
              departments[r.nextInt(departments.length)],
              VN_DATE.format(hired),
              left,
              reason));
    }
    // Two people who joined and left within October, and one leaving on the month's last day.
    lines.add("NV081,Lý Thị Hoa,Chăm sóc khách hàng,05/10/2026,24/10/2026,Tự nguyện");
    lines.add("NV082,Mai Văn Tài,Kho vận,12/10/2026,30/10/2026,Cho thôi việc");
    lines.add("NV083,Tạ Minh Khoa,Chăm sóc khách hàng,01/03/2024,31/10/2026,Tự nguyện");
    write(file, lines);
  }

  /**
   * The quarterly employee survey: satisfaction 1–5 and "would you recommend working here" 0–10.
   */
  static void staffSurvey(Path file, Random r) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Ngày trả lời,Bộ phận,Mức hài lòng với công việc (1-5),Sẵn sàng giới thiệu nơi làm việc (0-10)");
    String[] departments = {"Chăm sóc khách hàng", "Kinh doanh", "Kho vận"};
    for (int i = 1; i <= 64; i++) {
      LocalDate d = LocalDate.of(2026, 10, 5).plusDays(r.nextInt(10));
      if (d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.plusDays(1);
      String dep = departments[r.nextInt(departments.length)];
      double mood = dep.equals("Kho vận") ? -0.8 : 0;
      int esat = Math.max(1, Math.min(5, (int) Math.round(3.7 + mood + r.nextGaussian() * 0.9)));
      int enps = Math.max(0, Math.min(10, (int) Math.round(7 + 2 * mood + r.nextGaussian() * 2)));
      lines.add(
          String.join(
              ",",
              VN_DATE.format(d),
              dep,
              r.nextDouble() < 0.04 ? "" : String.valueOf(esat),
              String.valueOf(enps)));
    }
    write(file, lines);
  }
}
