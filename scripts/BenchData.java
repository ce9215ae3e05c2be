import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's ticket export: N rows (default 1,000,000), 16 columns, three timestamp
 * columns, fixed seed. Usage: java scripts/BenchData.java OUT.csv [ROWS]
 */
public class BenchData {
  static final String[] CHANNELS = {"email", "phone", "chat", "web", "social"};
  static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};
  static final String[] STATUSES = {"new", "open", "pending", "solved", "closed"};
  static final String[] TEAMS = {"CSKH Hà Nội", "CSKH Sài Gòn", "Kỹ thuật", "Billing"};
  static final String[] SUBJECTS = {
    "Không đăng nhập được",
    "Refund request for order",
    "Giao hàng chậm",
    "Cannot reset password",
    "Hỏi về khuyến mãi tháng 10",
    "Invoice is wrong",
    "Đổi trả sản phẩm lỗi"
  };
  static final DateTimeFormatter F = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    SplittableRandom r = new SplittableRandom(42);
    LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(
          "Ticket ID,Created At,First Response At,Resolved At,Channel,Priority,Status,Agent,Team,Customer ID,"
              + "Subject,CSAT,Contacts,Reopened,Tags,Amount\n");
      StringBuilder b = new StringBuilder(256);
      for (int i = 1; i <= rows; i++) {
        LocalDateTime created = start.plusSeconds(r.nextLong(300L * 86400));
        LocalDateTime first = created.plusSeconds(60 + r.nextLong(8 * 3600));
        boolean resolved = r.nextDouble() < 0.85;
        LocalDateTime done = first.plusSeconds(600 + r.nextLong(5 * 86400));
        b.setLength(0);
        b.append("TCK-")
            .append(String.format("%07d", i))
            .append(',')
            .append(F.format(created))
            .append(',')
            .append(r.nextDouble() < 0.97 ? F.format(first) : "")
            .append(',')
            .append(resolved ? F.format(done) : "")
            .append(',')
            .append(CHANNELS[r.nextInt(CHANNELS.length)])
            .append(',')
            .append(PRIORITIES[r.nextInt(PRIORITIES.length)])
            .append(',')
            .append(STATUSES[r.nextInt(STATUSES.length)])
            .append(',')
            .append("agent")
            .append(r.nextInt(250))
            .append(',')
            .append(TEAMS[r.nextInt(TEAMS.length)])
            .append(',')
            .append("C")
            .append(r.nextInt(300_000))
            .append(',')
            .append('"')
            .append(SUBJECTS[r.nextInt(SUBJECTS.length)])
            .append('"')
            .append(',')
            .append(r.nextDouble() < 0.4 ? String.valueOf(1 + r.nextInt(5)) : "")
            .append(',')
            .append(1 + r.nextInt(4))
            .append(',')
            .append(r.nextDouble() < 0.1 ? "true" : "false")
            .append(',')
            .append(r.nextBoolean() ? "vip" : "new")
            .append(',')
            .append(r.nextInt(5_000))
            .append('\n');
        w.write(b.toString());
      }
    }
  }
}
