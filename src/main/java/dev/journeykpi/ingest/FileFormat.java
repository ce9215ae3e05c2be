package dev.journeykpi.ingest;

import dev.journeykpi.model.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * Which format a file is read as (see {@link ExportFormat}, whose extensions it goes by): the
 * declared {@code format:}, or else the extension, checked against the file's first bytes. A file
 * whose content is not what its name or format says (a CSV named {@code .xlsx}, a UTF-16 text named
 * {@code .xls}, a workbook named {@code .csv}, an HTML page named {@code .xls}) is refused with
 * what it looks like and what to set, never read as something else; so is an extension kpi does not
 * read, rather than being read as CSV.
 */
public final class FileFormat {
  static final String READ = ".csv, .tsv, .txt (CSV text), .xlsx, .xlsm, .xls and .parquet";

  private FileFormat() {}

  /** What a file's first bytes say it is, and the format that reads it (null: none). */
  enum Content {
    EMPTY("empty (0 bytes)", "csv"),
    TEXT("CSV text", "csv"),
    UTF16_TEXT("UTF-16 text (CSV or tab-separated)", "csv"),
    XLSX("an Excel workbook (.xlsx)", "xlsx"),
    XLS("a legacy Excel workbook (.xls)", "xls"),
    ENCRYPTED("a password-protected Excel workbook", null),
    XLSB("an Excel binary workbook (.xlsb)", null),
    ODS("an OpenDocument spreadsheet (.ods)", null),
    NUMBERS("an Apple Numbers document", null),
    ZIP("a ZIP archive that is not an Excel workbook", null),
    OFFICE("an Office document that is not a workbook", null),
    HTML("an HTML page (some systems save a web page under an Excel name)", null),
    XML("an XML file (perhaps Excel's XML Spreadsheet 2003)", null),
    PDF("a PDF document", null),
    PARQUET("a Parquet file", "parquet"),
    GZIP("a gzip-compressed file", null),
    BINARY("binary data, not text (a run of NUL bytes in its first KiB)", null);

    final String description;
    final String format;

    Content(String description, String format) {
      this.description = description;
      this.format = format;
    }
  }

  /**
   * The name of the reader's format for {@code file}: "csv", "xlsx" (also for .xlsm) or "xls";
   * {@link ExportFormat#of} turns it into the format with its readers.
   *
   * @param declared the source's {@code format:} (csv, xlsx, xls), or null to go by the extension
   * @throws DataException when the extension is not one kpi reads or the content is not what was
   *     expected
   */
  public static String of(Path file, String declared) {
    String ext = extension(file);
    ExportFormat byExtension = ExportFormat.byExtension(ext);
    String expected =
        declared != null ? declared : byExtension == null ? null : byExtension.yamlName;
    Content c = sniff(file);
    String name = SourceLoader.display(file);
    if (expected == null) {
      throw new DataException(
          name
              + ": kpi does not read ."
              + ext
              + " files (the file is "
              + c.description
              + "); "
              + (c.format != null
                  ? "if it is, set format: " + c.format + " on its source, or rename it"
                  : advice(c))
              + "; kpi reads "
              + READ);
    }
    if (expected.equals(c.format) || c == Content.EMPTY && expected.equals("csv")) return expected;
    if (c == Content.EMPTY)
      throw new DataException(name + ": the file is empty (0 bytes); expected an Excel workbook");
    String said =
        declared != null ? "format: " + declared + " is declared" : "the name says ." + ext;
    if (c.format == null)
      throw new DataException(
          name + ": " + said + " but the file is " + c.description + "; " + advice(c));
    String rename = c.format.equals("csv") ? ".csv" : "." + c.format;
    throw new DataException(
        name
            + ": "
            + said
            + " but the file is "
            + c.description
            + "; "
            + (declared != null
                ? "set format: " + c.format
                : "rename it to " + rename + " or set format: " + c.format + " on its source"));
  }

  private static String advice(Content c) {
    return switch (c) {
      case ENCRYPTED ->
          "remove the password in Excel (File > Info > Protect Workbook) and save it again";
      case ZIP -> "unzip it and point the source at the export inside";
      case GZIP -> "decompress it (gunzip) and point the source at the export inside";
      case BINARY ->
          "point the source at the export itself (this may be an image, a database file or a copy"
              + " that was never written)";
      default -> "open it in Excel or LibreOffice and save it as .xlsx, or export it as CSV";
    };
  }

  static String extension(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }

  /** What the file's first bytes (and, for a ZIP or OLE2 container, its entries) say it is. */
  static Content sniff(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(1024);
    } catch (IOException e) {
      throw new DataException(SourceLoader.display(file) + ": cannot read: " + e.getMessage(), e);
    }
    if (head.length == 0) return Content.EMPTY;
    if (starts(head, 0x50, 0x4B, 0x03, 0x04) || starts(head, 0x50, 0x4B, 0x05, 0x06))
      return zip(file);
    if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return ole2(file);
    if (starts(head, '%', 'P', 'D', 'F')) return Content.PDF;
    if (starts(head, 'P', 'A', 'R', '1')) return Content.PARQUET;
    if (starts(head, 0x1F, 0x8B)) return Content.GZIP;
    if (starts(head, 0xFF, 0xFE) || starts(head, 0xFE, 0xFF)) return Content.UTF16_TEXT;
    if (nulRun(head)) return Content.BINARY;
    String text =
        new String(head, StandardCharsets.ISO_8859_1)
            .replace("\u00ef\u00bb\u00bf", "")
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (text.startsWith("<")) {
      if (text.contains("<html") || text.contains("<!doctype html") || text.contains("<table"))
        return Content.HTML;
      if (text.startsWith("<?xml")) return Content.XML;
    }
    return Content.TEXT;
  }

  /**
   * Three NUL bytes in a row: no text has them, while a NUL-filled file (a copy never written), an
   * image or a database file does. UTF-16 text, even without its byte-order mark, has at most two
   * (a character U+xx00 beside an ASCII one: "a" and a combining grave accent, U+0300, in UTF-16LE
   * are 61 00 00 03), so it is not taken for binary.
   */
  static boolean nulRun(byte[] head) {
    for (int i = 2; i < head.length; i++) {
      if (head[i] == 0 && head[i - 1] == 0 && head[i - 2] == 0) return true;
    }
    return false;
  }

  private static Content zip(Path file) {
    try (ZipFile z = new ZipFile(file.toFile())) {
      if (z.getEntry("xl/workbook.xml") != null) return Content.XLSX;
      if (z.getEntry("xl/workbook.bin") != null) return Content.XLSB;
      var mimetype = z.getEntry("mimetype");
      if (mimetype != null) {
        try (InputStream in = z.getInputStream(mimetype)) {
          if (new String(in.readNBytes(200), StandardCharsets.US_ASCII)
              .contains("opendocument.spreadsheet")) return Content.ODS;
        }
      }
      if (z.getEntry("Index/Document.iwa") != null || z.getEntry("Index.zip") != null)
        return Content.NUMBERS;
      // Some writers leave the directory entries out: any part under xl/ makes it a workbook.
      var entries = z.entries();
      while (entries.hasMoreElements()) {
        if (entries.nextElement().getName().startsWith("xl/worksheets/")) return Content.XLSX;
      }
      return Content.ZIP;
    } catch (IOException e) {
      return Content.ZIP;
    }
  }

  private static Content ole2(Path file) {
    try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
        new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
      var root = fs.getRoot();
      if (root.hasEntry("EncryptedPackage")) return Content.ENCRYPTED;
      if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book"))
        return Content.XLS;
      return Content.OFFICE;
    } catch (IOException | RuntimeException e) {
      return Content.OFFICE;
    }
  }

  private static boolean starts(byte[] b, int... sig) {
    if (b.length < sig.length) return false;
    for (int i = 0; i < sig.length; i++) {
      if ((b[i] & 0xFF) != sig[i]) return false;
    }
    return true;
  }
}
