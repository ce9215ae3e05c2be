import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Regenerates examples/ab-test with a fixed seed (run by scripts/generate-examples.sh): an online
 * shop's chat sessions in September and October 2026 while it tests three greeting scripts — A (the
 * current one, the control), B (greets the customer by name and restates the problem) and C (offers
 * a self-service link first) — assigned at random per session. Each session has its end, whether
 * the issue was solved in that chat, and, for the customers who answered the survey, a 1–5
 * satisfaction and a 0–10 recommendation. Our own invented data: B solves more in the first chat
 * and satisfies more; C ends chats faster but is recommended less. Snags on purpose: sessions never
 * closed (no end), a handful logged without a script (in the totals, no variant), blank and
 * unreadable survey answers.
 */
public class GenerateAbTestExamples {
  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/ab-test");
    Files.createDirectories(dir);
    Random r = new Random(20261020);
    StringBuilder out =
        new StringBuilder(
            "Mã phiên,Bắt đầu,Kết thúc,Kịch bản,Giải quyết ngay,Hài lòng (1-5),Giới thiệu"
                + " (0-10)\n");
    LocalDateTime day = LocalDateTime.of(2026, 9, 1, 0, 0);
    int id = 0;
    while (day.getMonthValue() <= 10) {
      int sessions = 38 + r.nextInt(14);
      for (int s = 0; s < sessions; s++) {
        id++;
        LocalDateTime start = day.plusMinutes(8 * 60 + r.nextInt(13 * 60));
        int v = r.nextInt(3);
        String script = id % 97 == 0 ? "" : new String[] {"A", "B", "C"}[v];
        // Minutes to the end: log-normal-ish, C shorter (the link ends many chats early).
        double minutes =
            Math.exp(2.5 + 0.6 * r.nextGaussian()) * (v == 2 ? 0.8 : 1.0) + r.nextInt(3);
        String end = r.nextDouble() < 0.02 ? "" : start.plusMinutes(Math.round(minutes)).format(VN);
        double solveRate = v == 1 ? 0.74 : v == 2 ? 0.66 : 0.68;
        boolean solved = r.nextDouble() < solveRate;
        String csat = "";
        String nps = "";
        if (r.nextDouble() < 0.45) {
          double mood = r.nextGaussian() + (solved ? 0.6 : -0.6) + (v == 1 ? 0.35 : 0.0);
          int c = (int) Math.max(1, Math.min(5, Math.round(3.6 + mood)));
          csat = r.nextDouble() < 0.01 ? "n/a" : Integer.toString(c);
          double push = v == 2 ? -0.4 : v == 1 ? 0.2 : 0.0;
          int n = (int) Math.max(0, Math.min(10, Math.round(8.0 + 1.8 * r.nextGaussian() + push)));
          nps = r.nextDouble() < 0.03 ? "" : Integer.toString(n);
        }
        out.append(String.format("CH%05d", id))
            .append(',')
            .append(start.format(VN))
            .append(',')
            .append(end)
            .append(',')
            .append(script)
            .append(',')
            .append(solved ? "Có" : "Không")
            .append(',')
            .append(csat)
            .append(',')
            .append(nps)
            .append('\n');
      }
      day = day.plusDays(1);
    }
    Files.writeString(dir.resolve("phien-chat.csv"), out, StandardCharsets.UTF_8);
  }
}
