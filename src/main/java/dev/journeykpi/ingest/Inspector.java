package dev.journeykpi.ingest;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.Inspection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code kpi inspect}: reads a file's headers and values and infers each column's type and format.
 */
public final class Inspector {
  /** Values per column used for inference; enough to see every format a real export mixes. */
  static final int SAMPLE = 20_000;

  /** Characters of a value used for inference and samples. */
  static final int LONGEST = 1_000;

  private Inspector() {}

  /**
   * Words exports write for "no value" (compared without case): counted as blanks, kept out of the
   * type guess, and proposed as the source's {@code nulls:} in the spellings seen.
   */
  static final Set<String> BLANK_TOKENS =
      Set.of(
          "?",
          "-",
          "--",
          "—",
          "n/a",
          "na",
          "#n/a",
          "null",
          "nan",
          "none",
          "(blank)",
          "(trống)",
          "không có",
          "chưa có");

  /** One column's observations. */
  private static final class Observed {
    final String header;
    long blanks;

    /** Blank tokens seen in this column, as spelled, with their counts. */
    final java.util.Map<String, Long> tokens = new java.util.LinkedHashMap<>();

    final List<String> texts = new ArrayList<>();
    final Set<String> samples = new LinkedHashSet<>();
    int dateCells;
    int timeCells;
    int numberCells;
    int otherCells;
    boolean dateCellsHaveTime;

    Observed(String header) {
      this.header = header;
    }

    void text(String v) {
      String t = v.trim();
      if (t.isEmpty()) {
        blanks++;
        return;
      }
      if (t.length() <= 8 && BLANK_TOKENS.contains(t.toLowerCase(Locale.ROOT))) {
        blanks++;
        tokens.merge(t, 1L, Long::sum);
        return;
      }
      // A long value's start is enough to guess from: a 50 MB cell is not run through every pattern
      // of the guess.
      if (t.length() > LONGEST) t = t.substring(0, LONGEST);
      if (texts.size() < SAMPLE) texts.add(t);
      if (samples.size() < 3) samples.add(t);
      otherCells++;
    }
  }

  public static Inspection inspect(
      Path file, String sheetName, int headerRow, String encoding, char delimiter) {
    if (!Files.isRegularFile(file)) throw new DataException("file " + file + " does not exist");
    return ExportFormat.of(file, null).inspect(file, sheetName, headerRow, encoding, delimiter);
  }

  static Inspection csv(Path file, int headerRow, String encoding, char delimiter) {
    try (CsvRecords csv = CsvRecords.open(file, encoding, delimiter, headerRow)) {
      CsvDialect d = csv.dialect;
      var it = csv.rows;
      int hr = Math.max(1, headerRow);
      CsvRecord header = csv.header;
      if (header == null) throw new DataException(file + ": the file is empty");
      List<Observed> cols = new ArrayList<>();
      header.getFields().forEach(h -> cols.add(new Observed(HeaderIndex.normalise(h))));
      long rows = 0;
      long ragged = 0;
      while (it.hasNext()) {
        CsvRecord r = it.next();
        if (r.getFields().stream().allMatch(String::isBlank)) continue;
        if (r.getFieldCount() != cols.size()
            && !(r.getFieldCount() > cols.size()
                && r.getFields().subList(cols.size(), r.getFieldCount()).stream()
                    .allMatch(String::isBlank))) {
          // A ragged row's values are shifted into the wrong columns: counted, not used for
          // inference.
          ragged++;
          continue;
        }
        rows++;
        for (int i = 0; i < cols.size(); i++)
          cols.get(i).text(i < r.getFieldCount() ? r.getField(i) : "");
      }
      // FastCSV reads an unterminated quote's field to the end of the file (one ragged row); kpi
      // report's splitter rejects that row alone and reads the lines after it. Inspect reads what
      // report reads, and says where.
      List<String> broken = new ArrayList<>();
      if (bytewise(d)) {
        List<Observed> again = new ArrayList<>();
        header.getFields().forEach(h -> again.add(new Observed(HeaderIndex.normalise(h))));
        long[] counts = splitRows(file, d, hr, again, broken);
        if (!broken.isEmpty()) {
          cols.clear();
          cols.addAll(again);
          rows = counts[0];
          ragged = counts[1];
        }
      }
      String bom = d.bomLength() > 0 ? " with BOM" : "";
      String delim = d.delimiter() == '\t' ? "tab" : "'" + d.delimiter() + "'";
      String layout =
          d.charset().name()
              + bom
              + ", delimiter "
              + delim
              + ", header row "
              + hr
              + (ragged > 0
                  ? ", "
                      + ragged
                      + (ragged == 1 ? " row" : " rows")
                      + " with a different number of fields (left out)"
                  : "")
              + broken.stream()
                  .map(
                      m ->
                          "\n  "
                              + m.replace(
                                  "; the lines after it are read as rows",
                                  "; kpi report rejects that row and reads the lines after it"))
                  .reduce("", String::concat)
              + (broken.isEmpty() ? "" : "\n  read as kpi report reads it");
      String declare =
          d.bomLength() == 0 && !d.charset().equals(StandardCharsets.UTF_8)
              ? d.charset().name()
              : null;
      return new Inspection(
          file.toString(), "csv", layout, null, hr, rows, declare, report(cols), nulls(cols));
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw CsvRecords.failure(file, e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * As CsvTableReader: the files whose delimiter, quote and line breaks are single bytes, which
   * report splits itself.
   */
  private static boolean bytewise(CsvDialect d) {
    java.nio.charset.Charset cs = d.charset();
    return (cs.equals(StandardCharsets.UTF_8)
            || cs.equals(StandardCharsets.ISO_8859_1)
            || cs.equals(StandardCharsets.US_ASCII))
        && d.delimiter() < 0x80;
  }

  /**
   * Reads the data rows with report's splitter into {@code cols}, the rows it cut short at an
   * unterminated quote into {@code broken} (their messages); returns the rows observed and the
   * ragged ones.
   */
  private static long[] splitRows(
      Path file, CsvDialect d, int headerRow, List<Observed> cols, List<String> broken)
      throws IOException {
    java.nio.charset.Charset cs =
        d.charset().equals(StandardCharsets.UTF_8)
            ? StandardCharsets.UTF_8
            : StandardCharsets.ISO_8859_1;
    long rows = 0;
    long ragged = 0;
    long records = 0;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(d.bomLength());
      CsvSplitter splitter = new CsvSplitter(in, d.delimiter(), false);
      RecordBatch b = new RecordBatch();
      while (splitter.fill(b)) {
        for (int r = 0; r < b.records; r++) {
          if (b.problem[r] != null) {
            broken.add(file + ":" + b.line[r] + ": " + b.problem[r]);
            continue; // named on its own line, not counted among the ragged rows
          }
          List<String> fields = new ArrayList<>(b.fieldCount[r]);
          for (int k = b.firstField[r], end = k + b.fieldCount[r]; k < end; k++) {
            fields.add(new String(b.bytes, b.fieldStart[k], b.fieldLen[k], cs));
          }
          if (++records <= headerRow) continue; // the header row and any rows above it
          if (fields.stream().allMatch(String::isBlank)) continue;
          if (fields.size() != cols.size()
              && !(fields.size() > cols.size()
                  && fields.subList(cols.size(), fields.size()).stream()
                      .allMatch(String::isBlank))) {
            ragged++;
            continue;
          }
          rows++;
          for (int i = 0; i < cols.size(); i++)
            cols.get(i).text(i < fields.size() ? fields.get(i) : "");
        }
        b.clear();
      }
    }
    return new long[] {rows, ragged};
  }

  static Inspection excel(Path file, String format, String sheetName, int headerRow) {
    List<Observed> cols = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    long[] rows = {0};
    int[] headerAt = {0};
    HeaderFinder finder =
        new HeaderFinder(
            headerRow,
            new HeaderFinder.Target() {
              @Override
              public void header(SheetRow header) {
                headerAt[0] = header.number();
                List<String> headers = HeaderFinder.texts(header);
                for (int c = 0; c < headers.size(); c++) {
                  if (headers.get(c).isBlank()) continue;
                  cols.add(new Observed(HeaderIndex.normalise(headers.get(c))));
                  index.add(c);
                }
              }

              @Override
              public void data(SheetRow row) {
                if (row.isBlank()) return;
                rows[0]++;
                for (int i = 0; i < cols.size(); i++) observe(cols.get(i), row.cell(index.get(i)));
              }
            });
    try {
      SheetReader.SheetInfo info = SheetReader.read(file, format, sheetName, finder);
      finder.finish();
      if (!finder.found())
        throw new DataException(file + ": sheet '" + info.name() + "' has no rows");
      String layout =
          "sheet '"
              + info.name()
              + "' of ["
              + info.listing()
              + "], header row "
              + headerAt[0]
              + ", first column "
              + (char) ('A' + Math.min(25, index.isEmpty() ? 0 : index.get(0)));
      return new Inspection(
          file.toString(),
          SourceLoader.extension(file),
          layout,
          info.name(),
          headerAt[0],
          rows[0],
          null,
          report(cols),
          nulls(cols));
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void observe(Observed o, SheetCell cell) {
    switch (cell.kind()) {
      case NUMBER -> {
        double v = cell.number();
        if (cell.dateFormatted()) {
          if (v < 1) o.timeCells++;
          else o.dateCells++;
          if (v != Math.floor(v) && v >= 1) o.dateCellsHaveTime = true;
        } else {
          o.numberCells++;
          if (o.texts.size() < SAMPLE)
            o.texts.add(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
        }
        if (o.samples.size() < 3) o.samples.add(cell.shown());
      }
      case TEXT, BOOLEAN -> o.text(cell.text());
      default -> o.blanks++;
    }
  }

  /**
   * The {@code nulls:} to propose: "" (declaring nulls replaces the defaults, which include it) and
   * every blank token seen, most frequent first; empty when none was seen.
   */
  private static List<String> nulls(List<Observed> cols) {
    java.util.Map<String, Long> all = new java.util.LinkedHashMap<>();
    for (Observed o : cols) o.tokens.forEach((t, n) -> all.merge(t, n, Long::sum));
    if (all.isEmpty()) return List.of();
    List<String> out = new ArrayList<>();
    out.add("");
    all.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.add(e.getKey()));
    return out;
  }

  private static List<Inspection.ColumnReport> report(List<Observed> cols) {
    List<Inspection.ColumnReport> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Observed o : cols) {
      String name = canonical(o.header, names);
      String type;
      List<String> formats = List.of();
      String note = "";
      int cells = o.dateCells + o.timeCells;
      if (cells > 0 && o.otherCells == 0 && o.numberCells == 0) {
        if (o.timeCells > 0 && o.dateCells == 0) {
          type = "duration";
          note = "Excel time cells: a duration, or a time of day (then keep it as text)";
        } else {
          type = o.dateCellsHaveTime ? "datetime" : "date";
          note = "Excel date cells";
        }
      } else if (cells > 0 && o.otherCells > 0) {
        TypeGuesser.Guess g = TypeGuesser.guess(o.texts);
        type = g.type().equals("date") || g.type().equals("datetime") ? g.type() : "string";
        formats = g.formats();
        note =
            "mixes Excel date cells and text"
                + (formats.isEmpty() ? "" : "; text dates as " + String.join(" / ", formats));
      } else {
        TypeGuesser.Guess g = TypeGuesser.guess(o.texts);
        type = g.type();
        formats = g.formats();
        note = g.note();
        if (o.numberCells > 0 && o.otherCells > 0 && type.equals("string"))
          note = "mixes numbers and text";
      }
      if (!o.tokens.isEmpty()) {
        long n = o.tokens.values().stream().mapToLong(Long::longValue).sum();
        String which =
            String.join(", ", o.tokens.keySet().stream().map(t -> "'" + t + "'").toList());
        String blank =
            n + (n == 1 ? " blank token" : " blank tokens") + " (" + which + "), see nulls:";
        note = note.isEmpty() ? blank : note + "; " + blank;
      }
      out.add(
          new Inspection.ColumnReport(
              o.header, name, type, formats, o.blanks, List.copyOf(o.samples), note));
    }
    return out;
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
  private static final java.util.regex.Pattern NOT_NAME =
      java.util.regex.Pattern.compile("[^a-z0-9]+");
  private static final java.util.regex.Pattern EDGE_UNDERSCORES =
      java.util.regex.Pattern.compile("^_+|_+$");

  /** A snake_case name without diacritics: "Ngày tạo" → ngay_tao, "Ticket ID" → ticket_id. */
  static String canonical(String header, Set<String> taken) {
    String s =
        Normalizer.normalize(header.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    s = EDGE_UNDERSCORES.matcher(NOT_NAME.matcher(s).replaceAll("_")).replaceAll("");
    if (s.isEmpty()) s = "column";
    if (Character.isDigit(s.charAt(0))) s = "c_" + s;
    String name = s;
    for (int i = 2; !taken.add(name); i++) name = s + "_" + i;
    return name;
  }
}
