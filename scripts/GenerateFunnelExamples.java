import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Regenerates examples/sales-journey and examples/lead-stages with fixed seeds (run by
 * scripts/generate-examples.sh).
 *
 * <p>examples/sales-journey/nhat-ky-khach-hang.csv is a CRM activity log of a B2B seller: one row
 * per activity of a lead — a step of the sales journey (marketing lead → researched → contacted →
 * responded → meeting or contract request → met → won / not bought) or a follow-up touch — with the
 * campaign, the employee and the department. Leads left untouched for weeks and contacted again
 * later are in it, for the re-engagement KPI.
 *
 * <p>examples/lead-stages/giai-doan-khach.csv is the stage history of a B2C campaign programme: New
 * → Interested → Potential → 7-day trial → Bought / Not bought per lead and campaign; one campaign
 * loses most leads between Potential and the trial, so the per-campaign view has something to show.
 *
 * <p>examples/incident-process/incident-audit.csv is a ServiceNow-style state audit of IT incidents
 * (one row per state change: New → In Progress → Resolved → Closed, or Canceled): a third of the
 * incidents skip In Progress, some are reopened (Resolved → In Progress → Resolved), Closed follows
 * Resolved by three days, and the export starts on 2026-08-01, so incidents opened before it first
 * appear at a later state.
 */
public class GenerateFunnelExamples {
  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "examples");
    salesJourney(root.resolve("sales-journey"), new Random(20261301));
    leadStages(root.resolve("lead-stages"), new Random(20261302));
    incidentProcess(root.resolve("incident-process"), new Random(20261303));
  }

  /** The next working moment (Mon–Sat 08:00–17:30) at least `hours` after t. */
  static LocalDateTime later(LocalDateTime t, double hours, Random r) {
    LocalDateTime x = t.plusMinutes((long) (hours * 60) + r.nextInt(90));
    while (x.getDayOfWeek() == DayOfWeek.SUNDAY || x.getHour() < 8 || x.getHour() >= 17) {
      x =
          x.getHour() >= 17
              ? x.toLocalDate().plusDays(1).atTime(8, r.nextInt(60))
              : x.withHour(8).withMinute(r.nextInt(60));
      if (x.getDayOfWeek() == DayOfWeek.SUNDAY) x = x.plusDays(1);
    }
    return x;
  }

  /**
   * Rows up to the end of October, in time order (the column `when`), as a CRLF CSV the way a CRM
   * exports it.
   */
  static void write(Path file, String header, List<String[]> rows, int when) throws IOException {
    rows.removeIf(
        x -> LocalDateTime.parse(x[when], VN).isAfter(LocalDateTime.of(2026, 10, 31, 23, 59)));
    rows.sort(
        (a, b) -> LocalDateTime.parse(a[when], VN).compareTo(LocalDateTime.parse(b[when], VN)));
    List<String> lines = new ArrayList<>();
    lines.add(header);
    for (String[] x : rows) lines.add(String.join(",", x));
    Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }

  static void salesJourney(Path dir, Random r) throws IOException {
    Files.createDirectories(dir);
    String[] steps = {
      "Lead marketing",
      "Đã tìm hiểu",
      "Đã liên hệ",
      "Đã phản hồi",
      "Hẹn gặp / Yêu cầu hợp đồng",
      "Đã gặp",
      "Chốt đơn"
    };
    // Chance of taking each next step, per campaign: the fair's leads respond well, the ads' leads
    // are cheaper and colder.
    String[] campaigns = {"Facebook Ads", "Google Ads", "Hội chợ triển lãm", "Khách giới thiệu"};
    double[][] next = {
      {0.85, 0.8, 0.45, 0.5, 0.7, 0.45},
      {0.9, 0.85, 0.5, 0.45, 0.75, 0.4},
      {0.95, 0.9, 0.7, 0.6, 0.8, 0.5},
      {0.95, 0.95, 0.75, 0.7, 0.85, 0.6}
    };
    String[] marketers = {"Lý Thu Trang", "Hoàng Minh Quân"};
    String[] sellers = {"Phan Văn Hải", "Ngô Thị Yến", "Trịnh Đức Long", "Đinh Bảo Ngọc"};
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i <= 420; i++) {
      String lead = String.format("KTN-%04d", i);
      int c = r.nextInt(campaigns.length);
      String seller = sellers[r.nextInt(sellers.length)];
      LocalDateTime t = later(LocalDateTime.of(2026, 4, 1, 8, 0).plusDays(r.nextInt(200)), 0, r);
      rows.add(
          new String[] {
            lead,
            VN.format(t),
            steps[0],
            "Chuyển bước",
            campaigns[c],
            marketers[r.nextInt(2)],
            "Marketing"
          });
      int k = 0;
      while (k + 1 < steps.length && r.nextDouble() < next[c][k]) {
        k++;
        t = later(t, 4 + r.nextDouble() * 60 * (k == 1 ? 0.5 : 1), r);
        rows.add(
            new String[] {
              lead, VN.format(t), steps[k], "Chuyển bước", campaigns[c], seller, "Kinh doanh"
            });
      }
      if (k < steps.length - 1 && k >= 2 && r.nextDouble() < 0.5) {
        t = later(t, 24 + r.nextDouble() * 200, r);
        rows.add(
            new String[] {
              lead, VN.format(t), "Không mua", "Chuyển bước", campaigns[c], seller, "Kinh doanh"
            });
      } else if (k < steps.length - 1 && r.nextDouble() < 0.55) {
        // Left alone for weeks, some are picked up again: a follow-up touch after 30–90 days.
        t = later(t, 24 * (30 + r.nextInt(60)), r);
        if (t.isBefore(LocalDateTime.of(2026, 11, 1, 0, 0))) {
          rows.add(
              new String[] {
                lead, VN.format(t), "", "Chăm sóc lại", campaigns[c], seller, "Kinh doanh"
              });
        }
      }
    }
    write(
        dir.resolve("nhat-ky-khach-hang.csv"),
        "Mã khách tiềm năng,Thời điểm,Bước,Loại hoạt động,Chiến dịch,Nhân viên,Phòng ban",
        rows,
        1);
  }

  static void leadStages(Path dir, Random r) throws IOException {
    Files.createDirectories(dir);
    String[] stages = {"Mới", "Có hứng thú", "Tiềm năng", "Dùng thử 7 ngày", "Mua hàng"};
    String[] campaigns = {"Tết 2026", "Back to school", "Sinh nhật thương hiệu"};
    // "Sinh nhật thương hiệu" loses most of its potential customers before the trial.
    double[][] next = {{0.7, 0.6, 0.65, 0.55}, {0.6, 0.55, 0.6, 0.5}, {0.75, 0.6, 0.25, 0.5}};
    String[] departments = {
      "Marketing", "Telesales", "Telesales", "Chăm sóc khách hàng", "Kinh doanh"
    };
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i <= 600; i++) {
      int c = r.nextInt(campaigns.length);
      String lead = String.format("KH-%05d", i);
      LocalDateTime t = later(LocalDateTime.of(2026, 8, 1, 8, 0).plusDays(r.nextInt(85)), 0, r);
      rows.add(new String[] {lead, campaigns[c], departments[0], stages[0], VN.format(t)});
      int k = 0;
      while (k + 1 < stages.length && r.nextDouble() < next[c][k]) {
        k++;
        t = later(t, 6 + r.nextDouble() * (k == 4 ? 24 * 7 : 72), r);
        // A telesales agent sometimes logs the same move twice.
        int copies = r.nextDouble() < 0.03 ? 2 : 1;
        for (int n = 0; n < copies; n++)
          rows.add(new String[] {lead, campaigns[c], departments[k], stages[k], VN.format(t)});
      }
      if (k >= 1 && k < stages.length - 1 && r.nextDouble() < 0.6) {
        t = later(t, 24 + r.nextDouble() * 72, r);
        rows.add(new String[] {lead, campaigns[c], departments[k], "Không mua", VN.format(t)});
      }
    }
    write(
        dir.resolve("giai-doan-khach.csv"),
        "Mã khách hàng,Chiến dịch,Phòng ban,Giai đoạn,Ngày chuyển giai đoạn",
        rows,
        4);
  }

  static void incidentProcess(Path dir, Random r) throws IOException {
    Files.createDirectories(dir);
    DateTimeFormatter sn = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    String[] groups = {"Service Desk", "Network", "Applications"};
    String[] priorities = {"1 - Critical", "2 - High", "3 - Moderate", "4 - Low"};
    LocalDateTime logStart = LocalDateTime.of(2026, 8, 1, 0, 0),
        logEnd = LocalDateTime.of(2026, 10, 31, 23, 59);
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i <= 480; i++) {
      String number = String.format("INC%07d", 10000 + i);
      String group = groups[r.nextInt(groups.length)];
      String priority = priorities[r.nextDouble() < 0.1 ? 0 : 1 + r.nextInt(3)];
      LocalDateTime t = LocalDateTime.of(2026, 6, 20, 7, 0).plusMinutes(r.nextInt(60 * 24 * 130));
      List<Object[]> states = new ArrayList<>();
      states.add(new Object[] {"New", t});
      boolean inProgress = r.nextDouble() < 0.65;
      if (inProgress) {
        t = t.plusMinutes(20 + r.nextInt(60 * 20));
        states.add(new Object[] {"In Progress", t});
      }
      if (r.nextDouble() < 0.05) {
        states.add(new Object[] {"Canceled", t.plusMinutes(30 + r.nextInt(60 * 48))});
      } else {
        t = t.plusMinutes(60 * 2 + r.nextInt(60 * 118));
        states.add(new Object[] {"Resolved", t});
        if (r.nextDouble() < 0.15) {
          // Reopened by the caller: back to In Progress, resolved again.
          t = t.plusMinutes(60 + r.nextInt(60 * 70));
          states.add(new Object[] {"In Progress", t});
          t = t.plusMinutes(60 * 2 + r.nextInt(60 * 46));
          states.add(new Object[] {"Resolved", t});
        }
        states.add(new Object[] {"Closed", t.plusDays(3)});
      }
      for (Object[] st : states) {
        LocalDateTime at = (LocalDateTime) st[1];
        // The audit export covers August to October: earlier changes are not in it.
        if (at.isBefore(logStart) || at.isAfter(logEnd)) continue;
        rows.add(new String[] {number, priority, group, (String) st[0], sn.format(at)});
      }
    }
    rows.sort((a, b) -> a[4].compareTo(b[4]));
    List<String> lines = new ArrayList<>();
    lines.add("number,priority,assignment_group,state,sys_updated_on");
    for (String[] x : rows) lines.add(String.join(",", x));
    Files.writeString(
        dir.resolve("incident-audit.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
