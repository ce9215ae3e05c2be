package dev.journeykpi.ingest;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.text.Normalizer;
import java.util.Arrays;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.IntDictionaryMap;

/**
 * Builds a dictionary-encoded text column straight from char buffers: a value is hashed and compared as chars, and
 * becomes a String only the first time it is seen. Appending to Tablesaw's StringColumn one String at a time rehashed
 * every new String and kept per-key counts in boxed-style maps, and was the largest cost of importing text columns.
 * The finished column is handed to Tablesaw as an {@link IntDictionaryMap}.
 *
 * <p>Values are stored in Unicode NFC, so "Ngày" typed on Windows and "Ngày" decomposed by a Mac tool are one value.
 */
final class TextDictionary {
  private static final String MISSING = "";

  private int[] slots = new int[1 << 10]; // code + 1, 0 = empty
  private char[] arena = new char[1 << 12];
  private int arenaUsed;
  private int[] keyStart = new int[256];
  private int[] keyLen = new int[256];
  private int[] keyHash = new int[256];
  private int[] keyCode = new int[256]; // raw key → code (several raw spellings may share an NFC code)
  private int rawKeys;

  private String[] values = new String[256];
  private int[] counts = new int[256];
  private int codes;
  private final IntArrayList rows = new IntArrayList(1 << 16);

  /** True when keys are the bytes of UTF-8 text read as ISO-8859-1 chars (see CharSlice.decodeUtf8). */
  private final boolean utf8Bytes;

  TextDictionary(boolean utf8Bytes) {
    this.utf8Bytes = utf8Bytes;
    code(new char[0], 0, 0);
  }

  /** The code of the text in {@code buf[off, off + len)}, adding it when new. */
  int code(char[] buf, int off, int len) {
    int h = 0;
    for (int i = off, e = off + len; i < e; i++) h = 31 * h + buf[i];
    int mask = slots.length - 1;
    int s = mix(h) & mask;
    while (true) {
      int k = slots[s] - 1;
      if (k < 0) break;
      if (keyHash[k] == h && keyLen[k] == len && same(keyStart[k], buf, off, len)) return keyCode[k];
      s = (s + 1) & mask;
    }
    String text = utf8Bytes ? CharSlice.utf8String(buf, off, len) : new String(buf, off, len);
    int code;
    if (ColumnSink.hasCombiningMark(text)) {
      // Decomposed spelling: share the code of the composed (NFC) spelling, adding that first if new.
      String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
      char[] key = keyChars(nfc);
      code = code(key, 0, key.length);
      mask = slots.length - 1;
      s = mix(h) & mask;
      while (slots[s] != 0) s = (s + 1) & mask;
    } else {
      code = newCode(text);
    }
    addRawKey(buf, off, len, h, s, code);
    return code;
  }

  /** The code of an already decoded text (Excel cells, and the NFC spelling above). */
  int codeOfText(String text) {
    char[] key = keyChars(text);
    return code(key, 0, key.length);
  }

  /** A text as this dictionary's keys spell it: its UTF-8 bytes as chars when keys are bytes. */
  private char[] keyChars(String text) {
    if (!utf8Bytes) return text.toCharArray();
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    char[] c = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) c[i] = (char) (bytes[i] & 0xff);
    return c;
  }

  /** A plain loop: keys are short, where Arrays.equals' vectorised setup costs more than it saves. */
  private boolean same(int start, char[] buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (arena[start + i] != buf[off + i]) return false;
    }
    return true;
  }

  int missingCode() {
    return 0;
  }

  void append(int code) {
    rows.add(code);
    counts[code]++;
  }

  private int newCode(String text) {
    if (codes == values.length) {
      values = Arrays.copyOf(values, codes * 2);
      counts = Arrays.copyOf(counts, codes * 2);
    }
    values[codes] = text;
    return codes++;
  }

  private void addRawKey(char[] buf, int off, int len, int h, int slot, int code) {
    if (rawKeys == keyStart.length) {
      int n = rawKeys * 2;
      keyStart = Arrays.copyOf(keyStart, n);
      keyLen = Arrays.copyOf(keyLen, n);
      keyHash = Arrays.copyOf(keyHash, n);
      keyCode = Arrays.copyOf(keyCode, n);
    }
    if (arenaUsed + len > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
    System.arraycopy(buf, off, arena, arenaUsed, len);
    keyStart[rawKeys] = arenaUsed;
    keyLen[rawKeys] = len;
    keyHash[rawKeys] = h;
    keyCode[rawKeys] = code;
    arenaUsed += len;
    slots[slot] = ++rawKeys;
    if (rawKeys * 2 > slots.length) rehash();
  }

  private void rehash() {
    int[] bigger = new int[slots.length * 2];
    int mask = bigger.length - 1;
    for (int k = 0; k < rawKeys; k++) {
      int s = mix(keyHash[k]) & mask;
      while (bigger[s] != 0) s = (s + 1) & mask;
      bigger[s] = k + 1;
    }
    slots = bigger;
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  StringColumn toColumn(String name) {
    Int2ObjectOpenHashMap<String> keyToValue = new Int2ObjectOpenHashMap<>(codes);
    Object2IntOpenHashMap<String> valueToKey = new Object2IntOpenHashMap<>(codes);
    valueToKey.defaultReturnValue(-1);
    Int2IntOpenHashMap keyToCount = new Int2IntOpenHashMap(codes);
    for (int c = 0; c < codes; c++) {
      // Tablesaw's dictionary holds only values that occur (the missing value "" included, when it does).
      if (counts[c] == 0) continue;
      keyToValue.put(c, values[c]);
      valueToKey.put(values[c], c);
      keyToCount.put(c, counts[c]);
    }
    IntDictionaryMap map = new IntDictionaryMap.IntDictionaryBuilder().setNextIndex(codes).setKeyToValue(keyToValue)
        .setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(rows.toIntArray()).build();
    return StringColumn.createInternal(name, map);
  }
}
