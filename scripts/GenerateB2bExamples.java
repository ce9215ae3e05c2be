import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Regenerates examples/b2b-sales (run by scripts/generate-examples.sh): the four exports of a small
 * office-supplies distributor that only make sense together, as kpi-definitions/b2b-sales.yaml
 * reads them. Every row is written out below rather than drawn at random, so that a person can
 * check each number of the scorecard by hand (B2bSalesExampleTest does, for 2026-10):
 *
 * <ul>
 *   <li>khach-hang.csv: the CRM's accounts (12): id, name, sector, region;
 *   <li>co-hoi.csv: the CRM's deal stage log, one row per change (51 rows of 20 deals), with the
 *       deal's value as it stood, its creation and expected close dates and, on a won or lost row,
 *       its close date. One deal (CH012) was lost and reopened; one (CH017) names an account the
 *       accounts export does not have yet; one (CH003) writes its account in lower case;
 *   <li>ban-hang.xlsx: the accounting system's workbook, order lines on the sheet "Chi tiết bán
 *       hàng" (41 lines, September and October 2026; credit notes numbered CN…, discounts as
 *       percentage cells, one typed as text, paid Có/Không, free-text notes) and the price list on
 *       "Bảng giá" (8 products, a title above the table). One line sells a product the price list
 *       does not have yet (GHE-LUOI); one writes its code in lower case;
 *   <li>nhan-su.csv: HR's list of the 6 sales reps with their team and department.
 * </ul>
 *
 * Vietnamese headers and formats as the exports have them: dd/MM/yyyy and dd/MM/yyyy HH:mm, amounts
 * as 1.250.000, Có/Không. The CSVs are the same bytes on every run; the workbook's zip entries
 * carry POI's timestamps.
 */
public class GenerateB2bExamples {
  static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Accounts: id | name | sector | region. */
  static final String[] ACCOUNTS = {
    "KH001|Trường THPT Hồng Hà|Giáo dục|Miền Bắc",
    "KH002|Bệnh viện Đa khoa Tây Hồ|Y tế|Miền Bắc",
    "KH003|Công ty CP Dệt may Thành Nam|Sản xuất|Miền Bắc",
    "KH004|Siêu thị Phú Gia|Bán lẻ|Miền Bắc",
    "KH005|Trường Cao đẳng Kỹ thuật Sơn Trà|Giáo dục|Miền Trung",
    "KH006|Khách sạn Biển Ngọc|Dịch vụ|Miền Trung",
    "KH007|Bệnh viện Hòa Vang|Y tế|Miền Trung",
    "KH008|Công ty TNHH Cơ khí Dung Quất Xanh|Sản xuất|Miền Trung",
    "KH009|Công ty CP Thực phẩm Đồng Nai Xanh|Sản xuất|Miền Nam",
    "KH010|Trường Tiểu học Tân Định Mới|Giáo dục|Miền Nam",
    "KH011|Chuỗi nhà thuốc Phúc An|Bán lẻ|Miền Nam",
    "KH012|Phòng khám Đa khoa Tân Sơn|Y tế|Miền Nam"
  };

  /**
   * Deals: id | account as written | owner | created | expected close | changes, each "stage dd/MM
   * HH:mm value-in-millions" (2026), separated by ';'. A change to Thắng (won) or Thua (lost)
   * closes the deal on its day; a later change reopens it (the close date is cleared).
   */
  static final String[] DEALS = {
    "CH001|KH001|NV01|04/08|15/10|Tiềm năng 04/08 09:15 80;Báo giá 20/08 14:30 80;"
        + "Đàm phán 10/09 10:00 75;Thắng 08/10 16:20 72",
    "CH002|KH002|NV01|10/08|30/09|Tiềm năng 10/08 10:30 50;Báo giá 25/08 09:00 50;"
        + "Thua 02/10 17:00 50",
    "CH003|kh004|NV02|03/08|15/09|Tiềm năng 03/08 14:00 30;Báo giá 14/08 10:20 30;"
        + "Thắng 11/09 10:45 28",
    "CH004|KH003|NV02|01/09|30/09|Tiềm năng 01/09 08:40 45;Báo giá 12/09 11:00 45;"
        + "Thắng 06/10 09:30 42",
    "CH005|KH003|NV01|15/09|30/11|Tiềm năng 15/09 09:00 90;Báo giá 01/10 14:00 90;"
        + "Đàm phán 22/10 10:30 85",
    "CH006|KH004|NV02|05/10|15/12|Tiềm năng 05/10 11:00 28",
    "CH007|KH005|NV03|18/08|31/10|Tiềm năng 18/08 10:00 120;Báo giá 02/09 15:45 120;"
        + "Đàm phán 25/09 14:00 110;Thắng 21/10 10:10 108",
    "CH008|KH006|NV03|20/08|30/09|Tiềm năng 20/08 09:10 55;Đàm phán 05/09 11:30 52;"
        + "Thắng 24/09 15:30 50",
    "CH009|KH006|NV04|24/08|15/09|Tiềm năng 24/08 10:00 40;Thua 18/09 09:20 40",
    "CH010|KH007|NV04|07/09|20/10|Tiềm năng 07/09 13:20 60;Thắng 15/10 15:00 60",
    "CH011|KH008|NV04|15/09|31/10|Tiềm năng 15/09 08:30 25;Thua 19/10 14:40 25",
    "CH012|KH008|NV03|28/08|30/09|Tiềm năng 28/08 15:00 70;Báo giá 10/09 09:30 70;"
        + "Thua 05/10 16:00 70;Đàm phán 20/10 10:00 65",
    "CH013|KH009|NV05|22/09|25/10|Tiềm năng 22/09 09:00 35;Báo giá 30/09 16:10 35;"
        + "Thắng 29/10 11:25 33",
    "CH014|KH010|NV06|26/08|30/09|Tiềm năng 26/08 13:00 22;Thắng 16/09 08:50 22",
    "CH015|KH011|NV05|01/09|30/09|Tiềm năng 01/09 14:15 15;Báo giá 08/09 10:00 15;"
        + "Thua 29/09 17:30 15",
    "CH016|KH012|NV06|28/09|30/11|Tiềm năng 28/09 10:00 18;Báo giá 05/10 09:15 18;"
        + "Thua 31/10 16:00 18",
    "CH017|KH015|NV05|12/10|31/12|Tiềm năng 12/10 09:40 40;Báo giá 26/10 15:20 40",
    "CH018|KH009|NV06|14/10|30/11|Tiềm năng 14/10 10:15 24",
    "CH019|KH011|NV05|20/10|15/12|Tiềm năng 20/10 08:45 16;Báo giá 31/10 14:05 16",
    "CH020|KH012|NV06|23/10|31/12|Tiềm năng 23/10 11:30 12"
  };

  /** Price list: code | name | unit | price (VND) | group. */
  static final String[] PRICES = {
    "GIAY-A4|Giấy A4 70gsm (thùng 5 ram)|Thùng|420000|Văn phòng phẩm",
    "GIAY-A3|Giấy A3 80gsm (thùng 5 ram)|Thùng|650000|Văn phòng phẩm",
    "BUT-BI|Bút bi xanh (hộp 20 cây)|Hộp|60000|Văn phòng phẩm",
    "MUC-HP107|Mực in HP 107A|Hộp|1150000|Vật tư in",
    "MUC-CN325|Mực in Canon 325|Hộp|980000|Vật tư in",
    "MAYIN-M211|Máy in laser HP M211dw|Cái|3900000|Thiết bị",
    "MAYCHIEU-X06|Máy chiếu Epson X06|Cái|12500000|Thiết bị",
    "GHE-XOAY|Ghế xoay văn phòng|Cái|1350000|Nội thất"
  };

  /**
   * Order lines: invoice | dd/MM (2026) | product as written | quantity | discount ("" none, "5" a
   * percentage cell of 5 %, "'5%" the text 5% typed into the cell) | rep | paid | note.
   */
  static final String[] LINES = {
    "HD0901|02/09|GIAY-A4|10||NV01|Có|",
    "HD0902|04/09|MUC-HP107|5|0|NV03|Có|",
    "HD0902|04/09|BUT-BI|10||NV03|Có|",
    "HD0903|08/09|MAYIN-M211|3|5|NV05|Không|",
    "HD0904|10/09|GHE-XOAY|4||NV02|Có|",
    "HD0904|10/09|GIAY-A3|2||NV02|Có|",
    "HD0905|12/09|GIAY-A4|30|10|NV06|Có|Khuyến mãi khai giảng",
    "HD0906|15/09|MAYCHIEU-X06|1|5|NV04|Có|Lắp đặt tại hội trường",
    "CN0901|17/09|MAYIN-M211|1|5|NV05|Có|Trả hàng: lỗi kẹt giấy",
    "HD0907|18/09|MUC-CN325|5||NV01|Không|",
    "HD0907|18/09|BUT-BI|20||NV01|Không|",
    "HD0908|22/09|GIAY-A4|12||NV03|Có|",
    "HD0908|22/09|GIAY-A3|3|5|NV03|Có|",
    "HD0909|24/09|GHE-XOAY|8|10|NV06|Có|KM ghế cho phòng họp",
    "HD0910|26/09|MUC-HP107|3||NV02|Có|",
    "HD0911|29/09|GIAY-A4|8||NV04|Không|",
    "HD0911|29/09|BUT-BI|5||NV04|Không|",
    "HD0912|30/09|MUC-CN325|2||NV05|Có|",
    "HD1001|01/10|GIAY-A4|20|5|NV01|Có|",
    "HD1001|01/10|BUT-BI|10||NV01|Có|",
    "HD1002|02/10|MAYIN-M211|2|0|NV03|Có|",
    "HD1002|02/10|MUC-HP107|4|0|NV03|Có|",
    "HD1003|05/10|GHE-XOAY|6|10|NV05|Không|KM tháng 10",
    "HD1004|07/10|GIAY-A3|5||NV02|Có|",
    "HD1004|07/10|MUC-CN325|3|'5%|NV02|Có|",
    "HD1005|09/10|MAYCHIEU-X06|1|0|NV04|Có|Lắp đặt tại hội trường",
    "CN1001|12/10|GIAY-A4|2|5|NV01|Có|Trả hàng: giấy bị ẩm",
    "HD1006|14/10|GIAY-A4|50|10|NV06|Không|Khuyến mãi khách hàng mới",
    "HD1006|14/10|BUT-BI|30|10|NV06|Không|Khuyến mãi khách hàng mới",
    "HD1007|15/10|GHE-LUOI|4||NV03|Có|Hàng mới, chưa có trong bảng giá",
    "HD1007|15/10|GHE-XOAY|2||NV03|Có|",
    "HD1008|19/10|MUC-HP107|10|5|NV05|Có|",
    "HD1009|21/10|MAYIN-M211|1||NV02|Không|",
    "HD1009|21/10|GIAY-A4|10||NV02|Không|",
    "CN1002|23/10|MUC-CN325|1|0|NV04|Có|Trả hàng: hộp mực lỗi",
    "HD1010|26/10|MUC-CN325|6|5|NV04|Có|",
    "HD1010|26/10|GIAY-A3|4|0|NV04|Có|Khách mua thêm",
    "HD1011|28/10|MAYCHIEU-X06|2|5|NV06|Không|KM: tặng kèm màn chiếu",
    "HD1012|30/10|GHE-XOAY|10|10|NV01|Có|",
    "HD1012|30/10|BUT-BI|20||NV01|Có|",
    "HD1013|31/10|giay-a4|15|0|NV03|Không|"
  };

  /** Sales reps: id | name | team | department | hired | still employed. */
  static final String[] REPS = {
    "NV01|Nguyễn Văn An|Nhóm Hà Nội|Kinh doanh dự án|01/03/2021|Có",
    "NV02|Trần Thị Bích|Nhóm Hà Nội|Kinh doanh đại lý|15/06/2022|Có",
    "NV03|Lê Minh Cường|Nhóm Đà Nẵng|Kinh doanh dự án|10/01/2020|Có",
    "NV04|Phạm Thu Dung|Nhóm Đà Nẵng|Kinh doanh đại lý|02/05/2023|Có",
    "NV05|Hoàng Quốc Huy|Nhóm TP.HCM|Kinh doanh dự án|20/08/2019|Có",
    "NV06|Võ Thị Giang|Nhóm TP.HCM|Kinh doanh đại lý|01/02/2024|Có"
  };

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/b2b-sales");
    Files.createDirectories(dir);
    accounts(dir.resolve("khach-hang.csv"));
    deals(dir.resolve("co-hoi.csv"));
    workbook(dir.resolve("ban-hang.xlsx"));
    reps(dir.resolve("nhan-su.csv"));
  }

  static void accounts(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("Mã KH,Tên khách hàng,Ngành,Khu vực");
    for (String a : ACCOUNTS) lines.add(String.join(",", a.split("\\|")));
    write(file, lines);
  }

  /**
   * The stage log as the CRM exports it: sorted by deal, each deal's changes in time order; the
   * value in VND with '.' grouping, quoted as the CRM quotes every text.
   */
  static void deals(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Mã cơ hội,Mã KH,Người phụ trách,Giai đoạn,Giá trị (VND),Ngày tạo,Ngày dự kiến chốt,"
            + "Ngày chốt,Ngày cập nhật");
    for (String d : DEALS) {
      String[] f = d.split("\\|");
      for (String change : f[5].split(";")) {
        String[] c = change.split(" ");
        String stage = c.length == 5 ? c[0] + " " + c[1] : c[0];
        int k = c.length - 3;
        boolean closes = stage.equals("Thắng") || stage.equals("Thua");
        long value = Long.parseLong(c[k + 2]) * 1_000_000L;
        lines.add(
            String.join(
                ",",
                f[0],
                f[1],
                f[2],
                stage,
                "\"" + String.format(java.util.Locale.GERMANY, "%,d", value) + "\"",
                f[3] + "/2026",
                f[4] + "/2026",
                closes ? c[k] + "/2026" : "",
                c[k] + "/2026 " + c[k + 1]));
      }
    }
    write(file, lines);
  }

  static void reps(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("Mã NV,Họ và tên,Nhóm,Phòng ban,Ngày vào làm,Đang làm việc");
    for (String r : REPS) lines.add(String.join(",", r.split("\\|")));
    write(file, lines);
  }

  /**
   * The sales workbook: order lines on the first sheet, the price list (under a title) on the
   * second.
   */
  static void workbook(Path file) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CreationHelper h = wb.getCreationHelper();
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(h.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle percent = wb.createCellStyle();
      percent.setDataFormat(h.createDataFormat().getFormat("0%"));
      CellStyle money = wb.createCellStyle();
      money.setDataFormat(h.createDataFormat().getFormat("#,##0"));

      Sheet lines = wb.createSheet("Chi tiết bán hàng");
      String[] header = {
        "Số hóa đơn",
        "Ngày hóa đơn",
        "Mã hàng",
        "Số lượng",
        "Chiết khấu",
        "NV bán hàng",
        "Đã thanh toán",
        "Ghi chú"
      };
      Row hr = lines.createRow(0);
      for (int c = 0; c < header.length; c++) hr.createCell(c).setCellValue(header[c]);
      int r = 1;
      for (String line : LINES) {
        String[] f = line.split("\\|", -1);
        Row row = lines.createRow(r++);
        row.createCell(0).setCellValue(f[0]);
        Cell d = row.createCell(1);
        d.setCellValue(LocalDate.parse(f[1] + "/2026", VN_DATE));
        d.setCellStyle(date);
        row.createCell(2).setCellValue(f[2]);
        row.createCell(3).setCellValue(Integer.parseInt(f[3]));
        if (f[4].startsWith("'")) {
          row.createCell(4).setCellValue(f[4].substring(1)); // typed as text: "5%"
        } else if (!f[4].isEmpty()) {
          Cell p = row.createCell(4);
          p.setCellValue(Integer.parseInt(f[4]) / 100.0);
          p.setCellStyle(percent);
        }
        row.createCell(5).setCellValue(f[5]);
        row.createCell(6).setCellValue(f[6]);
        if (!f[7].isEmpty()) row.createCell(7).setCellValue(f[7]);
      }
      for (int c = 0; c < header.length; c++) lines.setColumnWidth(c, (c == 7 ? 34 : 14) * 256);

      Sheet prices = wb.createSheet("Bảng giá");
      prices.createRow(0).createCell(0).setCellValue("BẢNG GIÁ BÁN ÁP DỤNG TỪ 01/09/2026 (VND)");
      String[] priceHeader = {"Mã hàng", "Tên hàng", "ĐVT", "Đơn giá", "Nhóm hàng"};
      Row ph = prices.createRow(2);
      for (int c = 0; c < priceHeader.length; c++) ph.createCell(c).setCellValue(priceHeader[c]);
      r = 3;
      for (String p : PRICES) {
        String[] f = p.split("\\|");
        Row row = prices.createRow(r++);
        row.createCell(0).setCellValue(f[0]);
        row.createCell(1).setCellValue(f[1]);
        row.createCell(2).setCellValue(f[2]);
        Cell price = row.createCell(3);
        price.setCellValue(Long.parseLong(f[3]));
        price.setCellStyle(money);
        row.createCell(4).setCellValue(f[4]);
      }
      for (int c = 0; c < priceHeader.length; c++)
        prices.setColumnWidth(c, (c == 1 ? 30 : 14) * 256);
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
  }

  /** UTF-8 without a byte-order mark, CRLF line ends, as the CRM and HR tools save CSV. */
  static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }
}
