package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import java.util.Set;
import tech.tablesaw.columns.Column;

/**
 * Text, dictionary-encoded straight from the bytes: a String is made only for a value not seen
 * before.
 */
final class TextSink extends ColumnSink {
  private final TextDictionary dict;
  private final int[] staged = new int[SLOTS];

  TextSink(ColumnDef def, Set<String> nulls, boolean utf8Bytes) {
    super(def, nulls, utf8Bytes);
    dict = new TextDictionary(utf8Bytes);
  }

  @Override
  void expectRows(int rows) {
    dict.expectRows(rows);
  }

  @Override
  void merge(java.util.List<ColumnSink> parts) {
    for (ColumnSink p : parts) dict.absorb(((TextSink) p).dict);
  }

  @Override
  int distinctValues() {
    int n = dict.size();
    for (ColumnSink p : parts()) n += ((TextSink) p).dict.size();
    return n;
  }

  @Override
  Column<?> create() {
    return dict.toColumn(def.name());
  }

  /**
   * Whether the value staged in a slot had control characters removed; {@link #cleaned} counts
   * them.
   */
  final boolean[] cleanedAt = new boolean[SLOTS];

  /** Slots staged with a cleaned value since the assembler last reported them (and reset this). */
  int cleaned;

  @Override
  int stageField(int slot, byte[] buf, int off, int len, boolean utf8) {
    if (nulls.matches(buf, off, len)) return BLANK;
    return staged(slot, dict.code(buf, off, len));
  }

  @Override
  int stage(int slot, CharSequence raw) {
    CharSequence t = ByteSlice.trim(raw);
    if (nulls.matches(t)) return BLANK;
    return staged(slot, dict.codeOfText(t.toString()));
  }

  /**
   * A text read whole from a typed file (a Parquet text column), trimmed as a CSV field is (spaces
   * and tabs only, ColumnSink.stageBatch), not as {@link #stage} trims a cell (String.trim): a
   * control character at either end, a NUL padding a fixed-width value, is then removed and counted
   * as a CSV's is, and the text is the one the SQL engines read from the same file.
   */
  int stageText(int slot, String raw) {
    int a = 0;
    int b = raw.length();
    while (a < b && (raw.charAt(a) == ' ' || raw.charAt(a) == '\t')) a++;
    while (b > a && (raw.charAt(b - 1) == ' ' || raw.charAt(b - 1) == '\t')) b--;
    String t = raw.substring(a, b);
    if (nulls.matches(t)) return BLANK;
    return staged(slot, dict.codeOfText(t));
  }

  private int staged(int slot, int code) {
    if ((code & TextDictionary.INVALID) != 0)
      return bad("not valid UTF-8 (a multi-byte character cut short?)");
    staged[slot] = code & TextDictionary.CODE;
    boolean c = code >= TextDictionary.CLEANED;
    cleanedAt[slot] = c;
    if (c) cleaned++;
    return OK;
  }

  @Override
  void commit(int slot, int status) {
    dict.append(status == OK ? staged[slot] : dict.missingCode());
  }

  @Override
  void commitBatch(int n, boolean[] keep, int[] status) {
    int missing = dict.missingCode();
    for (int r = 0; r < n; r++) {
      if (status[r] != OK) staged[r] = missing;
    }
    dict.append(staged, keep, n);
  }
}
