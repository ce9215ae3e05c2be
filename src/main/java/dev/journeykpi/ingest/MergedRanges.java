package dev.journeykpi.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A sheet's merged cells (a channel name merged over the four rows of its calls, a header merged
 * over two rows), filled down with their top-left value as rows pass by: Excel shows the value
 * across the range but stores it in the top-left cell only, so without this every other row of the
 * range would read as blank.
 */
final class MergedRanges {
  static final MergedRanges NONE = new MergedRanges(List.of());

  /**
   * One range, 1-based rows and 0-based columns as in {@link SheetRow}; its value once its first
   * row is read.
   */
  private static final class Range {
    final int firstRow;
    final int lastRow;
    final int firstCol;
    final SheetRow.Span span;
    SheetCell value;

    Range(CellRangeAddress a) {
      firstRow = a.getFirstRow() + 1;
      lastRow = a.getLastRow() + 1;
      firstCol = a.getFirstColumn();
      span = new SheetRow.Span(firstRow, lastRow);
    }
  }

  private final List<Range> pending;
  private final List<Range> active = new ArrayList<>();
  private int next;

  MergedRanges(List<CellRangeAddress> ranges) {
    List<Range> rs = new ArrayList<>();
    for (CellRangeAddress a : ranges) {
      // One row only (a title or a total merged across columns): nothing is filled, see fill.
      if (a.getLastRow() > a.getFirstRow() && a.getFirstRow() >= 0 && a.getFirstColumn() >= 0)
        rs.add(new Range(a));
    }
    rs.sort(Comparator.comparingInt(r -> r.firstRow));
    pending = rs;
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /**
   * The row with its blank cell in the first column of every range it lies in, below the range's
   * first row, set to the range's top-left value, and marked in {@link SheetRow#filled}. Only
   * downward, in the value's own column: a value merged across columns ('Total | 150' with 150 over
   * amount and day) belongs to its first column, and copied into the next one it would read as
   * another column's value (a day, from serial 150). Whether a filled cell is used depends on its
   * column's type, decided later ({@link ExcelTableReader}). Rows must come in order.
   */
  SheetRow fill(SheetRow row) {
    if (pending.isEmpty()) return row;
    int r = row.number();
    active.removeIf(a -> a.lastRow < r);
    while (next < pending.size() && pending.get(next).firstRow <= r) {
      Range a = pending.get(next++);
      if (a.lastRow >= r) active.add(a);
    }
    if (active.isEmpty()) return row;
    SheetCell[] cells = row.cells();
    SheetRow.Span[] filled = null;
    for (Range a : active) {
      if (a.firstRow == r) a.value = row.cell(a.firstCol);
      if (r == a.firstRow || a.value == null || a.value.isBlank()) continue;
      int c = a.firstCol;
      if (c < cells.length && cells[c] != null && !cells[c].isBlank()) continue;
      if (cells == row.cells() || cells.length <= c)
        cells = Arrays.copyOf(cells, Math.max(cells.length, c + 1));
      cells[c] = a.value;
      if (filled == null) filled = new SheetRow.Span[cells.length];
      if (filled.length <= c) filled = Arrays.copyOf(filled, c + 1);
      filled[c] = a.span;
    }
    return filled == null ? row : new SheetRow(r, cells, filled);
  }

  private static final byte[] TAG = "mergeCells".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern REF =
      Pattern.compile(
          "<(?:[\\w.-]+:)?mergeCell\\b[^>]*?\\bref\\s*=\\s*[\"']([A-Za-z]+\\d+:[A-Za-z]+\\d+)[\"']");

  /**
   * The merged ranges of an {@code .xlsx} sheet part. They are listed in {@code <mergeCells>} after
   * all the rows, too late for a streaming reader, so the part is read once before: its bytes are
   * scanned, not parsed, for the element (a 300,000-row sheet: about 0.2 s, against 6 s for the
   * import), and only what follows it is read as text.
   */
  static MergedRanges scan(InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    int keep =
        0; // the last bytes of the previous chunk, scanned again: a tag may straddle two chunks
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    while (true) {
      int n = in.read(buf, keep, buf.length - keep);
      if (n < 0) return NONE;
      int len = keep + n;
      int at = find(buf, len);
      if (at >= 0) {
        tail.write(buf, at, len - at);
        in.transferTo(tail);
        break;
      }
      keep = Math.min(64, len);
      System.arraycopy(buf, len - keep, buf, 0, keep);
    }
    List<CellRangeAddress> ranges = new ArrayList<>();
    Matcher m = REF.matcher(tail.toString(StandardCharsets.UTF_8));
    while (m.find())
      ranges.add(CellRangeAddress.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)));
    return new MergedRanges(ranges);
  }

  /**
   * Where {@code <mergeCells} or {@code <x:mergeCells} starts in {@code buf[0..len)}, or -1. Looks
   * for the 'g' of "mergeCells" first: sheet XML is mostly {@code <c r="B2"><v>12</v></c>}, where
   * that letter is rare.
   */
  private static int find(byte[] buf, int len) {
    for (int i = 4; i + 7 < len; i++) {
      if (buf[i] != 'g' || !matchesAt(buf, i - 3, len)) continue;
      byte after = buf[i + 7];
      if (!(after == '>'
          || after == ' '
          || after == '/'
          || after == '\t'
          || after == '\r'
          || after == '\n')) continue;
      int lt = i - 4;
      if (buf[lt] == ':') { // a namespace prefix: back to its '<'
        lt--;
        while (lt > 0 && lt > i - 40 && buf[lt] != '<' && buf[lt] != ' ' && buf[lt] != '>') lt--;
      }
      if (lt >= 0 && buf[lt] == '<') return lt;
    }
    return -1;
  }

  private static boolean matchesAt(byte[] buf, int j, int len) {
    if (j + TAG.length > len) return false;
    for (int k = 0; k < TAG.length; k++) {
      if (buf[j + k] != TAG[k]) return false;
    }
    return true;
  }
}
