package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import dev.journeykpi.model.ImportProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * The importing side of a CSV read: finds the header row, then checks each record's shape (ragged,
 * empty) and types the batch's fields into the columns through a {@link RowAssembler}.
 *
 * <p>A file read in one piece types into the source's shared assembler. A file read in two halves
 * ({@link CsvHalves}) types each half into a private twin of it, which the shared one absorbs once
 * both halves are known to be right; the second half starts from the first half's header ({@link
 * #continuing}).
 */
final class RecordTyper {
  private final SourceDef source;
  private final RowAssembler.Factory factory;
  private final String name;
  private final int headerRow;
  private final char delimiter;
  private final boolean utf8;

  /**
   * Type into a private twin of the shared assembler instead of the shared one (see the class
   * comment).
   */
  private final boolean twin;

  private long recordNo;
  ColumnPlan plan;
  ColumnWorkers workers;

  /** The assembler this typer fills: the shared one, or the twin. */
  RowAssembler rows;

  /** The shared assembler, when {@link #rows} is a twin of it. */
  RowAssembler shared;

  private int width;
  private int[] idx;
  private final boolean[] skip = new boolean[RecordBatch.RECORDS];

  /**
   * Rejected rows whose reason names where a long quoted field opened: by line numbers of this
   * typer's part of the file, which for the second half of a file are not the file's ({@link
   * CsvHalves} then reads it in one piece).
   */
  long longQuotedFields;

  RecordTyper(
      SourceDef source,
      RowAssembler.Factory factory,
      String name,
      int headerRow,
      char delimiter,
      boolean utf8) {
    this(source, factory, name, headerRow, delimiter, utf8, false);
  }

  private RecordTyper(
      SourceDef source,
      RowAssembler.Factory factory,
      String name,
      int headerRow,
      char delimiter,
      boolean utf8,
      boolean twin) {
    this.utf8 = utf8;
    this.source = source;
    this.factory = factory;
    this.name = name;
    this.headerRow = headerRow;
    this.delimiter = delimiter;
    this.twin = twin;
  }

  /**
   * A typer for the first half of a file: finds the header, and types into a twin of the shared
   * assembler.
   */
  static RecordTyper firstHalf(
      SourceDef source,
      RowAssembler.Factory factory,
      String name,
      int headerRow,
      char delimiter,
      boolean utf8) {
    return new RecordTyper(source, factory, name, headerRow, delimiter, utf8, true);
  }

  /**
   * A typer for the records after {@code first}'s: same header, its own twin of the shared
   * assembler.
   */
  static RecordTyper continuing(RecordTyper first) {
    RecordTyper t =
        new RecordTyper(
            first.source,
            first.factory,
            first.name,
            first.headerRow,
            first.delimiter,
            first.utf8,
            true);
    t.plan = first.plan;
    t.width = first.width;
    t.idx = first.idx;
    t.shared = first.shared;
    t.rows = first.shared.twin();
    t.rows.startFile(first.name);
    return t;
  }

  void type(RecordBatch b) {
    // Where the batch's data rows start, for the progress count: the lines down to the header are
    // not rows read (the quality report does not count them either); -1 while no header is found.
    int dataFrom = plan == null ? -1 : 0;
    for (int r = 0; r < b.records; r++) {
      int first = b.firstField[r];
      int n = b.fieldCount[r];
      long line = b.line[r];
      recordNo++;
      skip[r] = true;
      if (b.problem[r] != null) {
        if (plan == null && recordNo == headerRow) {
          throw new DataException(
              name + ": header row: " + b.problem[r].substring(0, b.problem[r].indexOf(';')));
        }
        if (plan != null) rows.rejectRaw(line, b.problem[r], joined(b, first, n));
        continue;
      }
      if (plan == null) {
        if (recordNo == headerRow) {
          header(b, first, n);
          dataFrom = r + 1;
        }
        continue;
      }
      if (n != width && !(n > width && blank(b, first + width, first + n))) {
        if (blank(b, first, first + n)) {
          rows.rejectRaw(line, "empty row", "");
        } else {
          String reason =
              "row has " + n + (n == 1 ? " field" : " fields") + ", the header has " + width;
          if (b.note[r] != null) {
            reason += ": " + b.note[r]; // a stray quote closed far below: where to look
            longQuotedFields++;
          }
          rows.rejectRaw(line, reason, joined(b, first, n));
        }
        continue;
      }
      if (blank(b, first, first + n)) {
        rows.rejectRaw(line, "empty row", "");
        continue;
      }
      if (b.note[r] != null) {
        // Valid CSV, but a stray quote closed by another far below gives just such a row, the lines
        // between inside one cell: not an error, yet never silent.
        longQuotedFields++;
        rows.note(
            name
                + ": "
                + b.note[r]
                + "; read as one field: if that quote is a stray one, the lines inside it are not read as rows");
      }
      skip[r] = false;
    }
    if (dataFrom >= 0) ImportProgress.rows(b.records - dataFrom);
    if (rows != null)
      rows.typeBatch(b, idx, skip, utf8, (r, field) -> text(b, b.firstField[r] + field), workers);
  }

  private void header(RecordBatch b, int first, int n) {
    List<String> header = new ArrayList<>();
    for (int i = first; i < first + n; i++) header.add(text(b, i));
    plan = ColumnPlan.of(source, header, name, utf8);
    RowAssembler.Binding binding = factory.create(plan);
    if (twin) {
      shared = binding.rows();
      rows = shared.twin();
    } else {
      rows = binding.rows();
    }
    rows.startFile(name);
    width = header.size();
    idx = binding.fieldIndex();
  }

  private static boolean blank(RecordBatch b, int from, int to) {
    byte[] c = b.bytes;
    for (int i = from; i < to; i++) {
      for (int k = b.fieldStart[i], e = k + b.fieldLen[i]; k < e; k++) {
        // Printable ASCII settles it without a call: this runs on the first field of every record.
        // A byte of a multi-byte UTF-8 character is never whitespace.
        if ((c[k] > ' ' && c[k] < 0x7f) || !Character.isWhitespace((char) (c[k] & 0xff)))
          return false;
      }
    }
    return true;
  }

  /**
   * The record's text for the quality report, cut after {@link #SHOWN} characters (a 50 MB row is
   * shown by its start).
   */
  private String joined(RecordBatch b, int first, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = first; i < first + n && s.length() <= SHOWN; i++) {
      if (i > first) s.append(delimiter);
      int len = Math.min(b.fieldLen[i], 4 * SHOWN); // enough bytes for SHOWN characters
      s.append(ByteSlice.string(b.bytes, b.fieldStart[i], len, utf8));
    }
    if (s.length() > SHOWN) {
      s.setLength(Character.isHighSurrogate(s.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN);
      s.append('…');
    }
    return s.toString();
  }

  /** Characters of a rejected row kept as its value in the quality report. */
  static final int SHOWN = 1_000;

  /** A field as a String. */
  private String text(RecordBatch b, int field) {
    return ByteSlice.string(b.bytes, b.fieldStart[field], b.fieldLen[field], utf8);
  }
}
