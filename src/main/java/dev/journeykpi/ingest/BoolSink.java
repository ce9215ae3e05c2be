package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.columns.Column;

/**
 * Yes/no values; each distinct spelling is judged once, through a small dictionary of the raw text.
 */
final class BoolSink extends ColumnSink {
  private final BooleanColumn col;
  private final Set<String> yes;
  private final Set<String> no;
  private final byte[] staged = new byte[SLOTS];
  private final TextDictionary spellings;
  private byte[] verdict =
      new byte[16]; // per spelling code: 0 unknown, 1 true, 2 false, 3 blank, 4 bad

  BoolSink(ColumnDef def, SourceDef source, boolean utf8Bytes) {
    super(def, source.nulls(), utf8Bytes);
    col = BooleanColumn.create(def.name());
    yes = source.trueTokens();
    no = source.falseTokens();
    spellings = new TextDictionary(utf8Bytes);
    failure = "not a yes/no value (true: " + tokens(yes) + "; false: " + tokens(no) + ")";
  }

  private static String tokens(Set<String> t) {
    return String.join("/", t.stream().map(x -> x.isEmpty() ? "(blank)" : x).toList());
  }

  @Override
  void expectRows(int rows) {
    // Tablesaw's BooleanColumn offers no way to reserve room; one byte per row grows cheaply
    // anyway.
  }

  @Override
  void merge(java.util.List<ColumnSink> parts) {
    for (ColumnSink p : parts) col.append(((BoolSink) p).col);
  }

  @Override
  Column<?> create() {
    return col;
  }

  @Override
  int stageField(int slot, byte[] buf, int off, int len, boolean utf8) {
    return stageSpelling(slot, spellings.code(buf, off, len) & TextDictionary.CODE);
  }

  @Override
  int stage(int slot, CharSequence raw) {
    return stageSpelling(
        slot, spellings.codeOfText(ByteSlice.trim(raw).toString()) & TextDictionary.CODE);
  }

  private int stageSpelling(int slot, int code) {
    if (code >= verdict.length)
      verdict = java.util.Arrays.copyOf(verdict, Math.max(code + 1, verdict.length * 2));
    if (verdict[code] == 0) verdict[code] = judge(spellings.value(code));
    switch (verdict[code]) {
      case 1 -> staged[slot] = 1;
      case 2 -> staged[slot] = 0;
      case 3 -> {
        return BLANK;
      }
      default -> {
        return BAD;
      }
    }
    return OK;
  }

  private byte judge(String t) {
    String k = t.toLowerCase(java.util.Locale.ROOT);
    if (yes.contains(k)) return 1;
    if (no.contains(k)) return 2;
    if (nulls.matches(t)) return 3;
    return 4;
  }

  @Override
  int stageBoolean(int slot, boolean b) {
    staged[slot] = (byte) (b ? 1 : 0);
    return OK;
  }

  @Override
  void commit(int slot, int status) {
    if (status == OK) col.append(staged[slot] == 1);
    else col.appendMissing();
  }
}
