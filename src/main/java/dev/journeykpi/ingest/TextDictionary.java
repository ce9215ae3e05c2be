package dev.journeykpi.ingest;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.text.Normalizer;
import java.util.Arrays;
import tech.tablesaw.api.StringColumn;

/**
 * Builds a dictionary-encoded text column straight from a file's bytes: a value is hashed and
 * compared as bytes (its raw key), and becomes a String only the first time it is seen. Appending
 * to Tablesaw's StringColumn one String at a time rehashed every new String and kept per-key counts
 * in boxed-style maps, and was the largest cost of importing text columns. The finished column is
 * handed to Tablesaw as an {@link ImportedDictionary}, which reads these arrays.
 *
 * <p>Values are stored in Unicode NFC, so "Ngày" typed on Windows and "Ngày" decomposed by a Mac
 * tool are one value.
 */
final class TextDictionary {
  // Keys of up to 8 bytes (ids, codes, statuses) are packed into a long
  // and looked up in one table of (key, length << 32 | code + 1) pairs: one cache line per lookup.
  // On the benchmark's
  // customer ids (289,000 distinct among 1,000,000 rows) the general table below, which must reach
  // the key's bytes
  // in the arena, cost about three times as much.
  private long[] shortSlots = new long[2 << 10];
  private int shortKeys;

  // Longer keys: open addressing where a slot holds (hash << 32) | (key + 1), 0 when empty, so a
  // probe compares
  // hashes without leaving the table; a key's start, length and code sit side by side in keyMeta.
  private long[] slots = new long[1 << 10];
  private byte[] arena = new byte[1 << 12];
  private int arenaUsed;
  private int[] keyMeta =
      new int[3 * 256]; // start, length, code (several raw spellings may share an NFC code)
  private int rawKeys;

  private String[] values = new String[256];
  private int[] counts = new int[256];
  private int codes;
  private final IntArrayList rows = new IntArrayList(1 << 16);

  /** True when keys are UTF-8 bytes; else ISO-8859-1 (see ByteSlice). */
  private final boolean utf8Bytes;

  TextDictionary(boolean utf8Bytes) {
    this.utf8Bytes = utf8Bytes;
    code(new byte[0], 0, 0);
  }

  /**
   * Set in a code returned by {@link #code} and {@link #codeOfText} when the raw text had control
   * characters, which its value is stored without ({@link ControlChars}); {@code & CODE} is the
   * code itself. Kept with the raw key, so the check costs a text only the first time it is seen.
   */
  static final int CLEANED = 1 << 30;

  /**
   * Set (with the missing value's code) when the raw bytes are not valid UTF-8 in a UTF-8 file: a
   * multi-byte character cut short by a tool that truncates by bytes. The cell is unreadable, not a
   * value with U+FFFD in it.
   */
  static final int INVALID = 1 << 29;

  static final int CODE = INVALID - 1;

  /**
   * The code of the text whose bytes are {@code buf[off, off + len)}, adding it when new; see
   * {@link #CLEANED}.
   */
  int code(byte[] buf, int off, int len) {
    if (len <= 8) {
      long k = 0;
      for (int i = off, e = off + len; i < e; i++) k = (k << 8) | (buf[i] & 0xff);
      return shortCode(k, len, buf, off);
    }
    return longCode(buf, off, len);
  }

  private int shortCode(long k, int len, byte[] buf, int off) {
    int found = findShort(k, len);
    if (found >= 0) return found;
    int code = newCodeFor(buf, off, len);
    insertShort(
        k, len, code); // after newCodeFor, which may have added the NFC spelling, growing the table
    return code;
  }

  /** The code of a packed short key, or -1 when it is not in the table. */
  private int findShort(long k, int len) {
    long[] table = shortSlots;
    int mask = (table.length >> 1) - 1;
    long tag = (long) len << 32;
    int s = shortHash(k, len) & mask;
    while (true) {
      long meta = table[2 * s + 1];
      if (meta == 0) return -1;
      if (table[2 * s] == k && (meta & 0xffffffff00000000L) == tag) return (int) meta - 1;
      s = (s + 1) & mask;
    }
  }

  private void insertShort(long k, int len, int code) {
    long[] table = shortSlots;
    int mask = (table.length >> 1) - 1;
    int s = shortHash(k, len) & mask;
    while (table[2 * s + 1] != 0) s = (s + 1) & mask;
    table[2 * s] = k;
    table[2 * s + 1] = ((long) len << 32) | (code + 1);
    if (++shortKeys * 2 > mask + 1) growShort();
  }

  private static int shortHash(long k, int len) {
    long x = (k + len) * 0x9E3779B97F4A7C15L;
    return (int) (x ^ (x >>> 32));
  }

  private void growShort() {
    long[] old = shortSlots;
    long[] bigger = new long[old.length * 2];
    int mask = (bigger.length >> 1) - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] == 0) continue;
      int s = shortHash(old[i], (int) (old[i + 1] >>> 32)) & mask;
      while (bigger[2 * s + 1] != 0) s = (s + 1) & mask;
      bigger[2 * s] = old[i];
      bigger[2 * s + 1] = old[i + 1];
    }
    shortSlots = bigger;
  }

  /**
   * The code for a raw key seen for the first time: a new value, or, for a decomposed spelling, the
   * code of its composed (NFC) spelling, added first if new.
   */
  private int newCodeFor(byte[] buf, int off, int len) {
    String text = ByteSlice.string(buf, off, len, utf8Bytes);
    if (utf8Bytes && text.indexOf('\ufffd') >= 0 && !validUtf8(buf, off, len)) return INVALID;
    String clean = ControlChars.strip(text);
    if (clean != text) return (codeOfText(clean) & CODE) | CLEANED;
    if (!ColumnSink.hasCombiningMark(text)) return newCode(text);
    byte[] key = keyBytes(Normalizer.normalize(text, Normalizer.Form.NFC));
    return code(key, 0, key.length);
  }

  private static boolean validUtf8(byte[] buf, int off, int len) {
    try {
      java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(buf, off, len));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private int longCode(byte[] buf, int off, int len) {
    int h = hash(buf, off, len);
    int found = findLong(buf, off, len, h);
    if (found >= 0) return found;
    int code = newCodeFor(buf, off, len);
    insertLong(
        buf, off, len, h,
        code); // after newCodeFor, which may have added the NFC spelling, growing the table
    return code;
  }

  private static int hash(byte[] buf, int off, int len) {
    int h = 0;
    for (int i = off, e = off + len; i < e; i++) h = 31 * h + (buf[i] & 0xff);
    return h;
  }

  /** The code of a long raw key, or -1 when it is not in the table. */
  private int findLong(byte[] buf, int off, int len, int h) {
    long[] table = slots;
    int mask = table.length - 1;
    int s = mix(h) & mask;
    while (true) {
      long e = table[s];
      if (e == 0) return -1;
      if ((int) (e >>> 32) == h) {
        int m = 3 * ((int) e - 1);
        if (keyMeta[m + 1] == len && same(keyMeta[m], buf, off, len)) return keyMeta[m + 2];
      }
      s = (s + 1) & mask;
    }
  }

  private void insertLong(byte[] buf, int off, int len, int h, int code) {
    int mask = slots.length - 1;
    int s = mix(h) & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    addRawKey(buf, off, len, h, s, code);
  }

  /** The code of an already decoded text (Excel cells, and the NFC spelling above). */
  int codeOfText(String text) {
    byte[] key = keyBytes(text);
    return code(key, 0, key.length);
  }

  /** A text as this dictionary's keys spell it. */
  private byte[] keyBytes(String text) {
    return text.getBytes(
        utf8Bytes
            ? java.nio.charset.StandardCharsets.UTF_8
            : java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static boolean ascii(byte[] buf, int off, int len) {
    for (int i = off, e = off + len; i < e; i++) {
      if (buf[i] < 0) return false;
    }
    return true;
  }

  /**
   * A plain loop: keys are short, where Arrays.equals' vectorised setup costs more than it saves.
   */
  private boolean same(int start, byte[] buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (arena[start + i] != buf[off + i]) return false;
    }
    return true;
  }

  /** The text of a code, decoded and in NFC. */
  String value(int code) {
    return values[code];
  }

  /** The number of codes given out (the missing value's included). */
  int size() {
    return codes;
  }

  int missingCode() {
    return 0;
  }

  /** Makes room for about {@code n} rows at once. */
  void expectRows(int n) {
    rows.ensureCapacity(n);
  }

  /** Appends {@code codes[r]} for each {@code r < n} with {@code keep[r]}, in order. */
  void append(int[] codes, boolean[] keep, int n) {
    int[] c = counts;
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (!keep[r]) continue;
      int code = codes[r];
      kept[k++] = code;
      c[code]++;
    }
    rows.addElements(rows.size(), kept, 0, k);
  }

  private final int[] kept = new int[RecordBatch.RECORDS];

  void append(int code) {
    rows.add(code);
    counts[code]++;
  }

  /**
   * Appends the rows of {@code later}, a dictionary of the same column filled from a later part of
   * the file: each of its values is found here (added when new) once, then its codes are translated
   * row by row.
   *
   * <p>Values are matched by their raw keys, as the import matched them, so that no value is
   * encoded, hashed as a String or decoded again: on the benchmark's 289,000 customer ids that took
   * 0.1 s on the import's critical path. An ASCII key is its own value, so a new one is added with
   * the later dictionary's String; any other new value goes through {@link #codeOfText}, which
   * keeps one code per NFC value.
   */
  void absorb(TextDictionary later) {
    int[] remap = new int[later.codes];
    java.util.Arrays.fill(remap, -1);
    remap[0] = 0;
    long[] t = later.shortSlots;
    for (int i = 0; i < t.length; i += 2) {
      long meta = t[i + 1];
      if (meta == 0) continue;
      int flagged = (int) meta - 1;
      int code = flagged & CODE;
      if (remap[code] >= 0 || later.counts[code] == 0) continue;
      long k = t[i];
      int len = (int) (meta >>> 32);
      int mine = findShort(k, len);
      if (mine < 0
          && (k & (0x8080808080808080L)) == 0
          && flagged == code) { // clean ASCII: the key is the value
        mine = newCode(later.values[code]);
        insertShort(k, len, mine);
      }
      remap[code] = mine < 0 ? -1 : mine & CODE;
    }
    for (int k = 0; k < later.rawKeys; k++) {
      int m = 3 * k;
      int flagged = later.keyMeta[m + 2];
      int code = flagged & CODE;
      if (remap[code] >= 0 || later.counts[code] == 0) continue;
      byte[] key = later.arena;
      int start = later.keyMeta[m];
      int len = later.keyMeta[m + 1];
      int h = hash(key, start, len);
      int mine = findLong(key, start, len, h);
      if (mine < 0 && ascii(key, start, len) && flagged == code) {
        mine = newCode(later.values[code]);
        insertLong(key, start, len, h, mine);
      }
      remap[code] = mine < 0 ? -1 : mine & CODE;
    }
    for (int c = 1; c < later.codes; c++) {
      if (remap[c] < 0 && later.counts[c] > 0) remap[c] = codeOfText(later.values[c]) & CODE;
    }
    int[] codesOfRows = later.rows.elements();
    int n = later.rows.size();
    rows.ensureCapacity(rows.size() + n);
    for (int i = 0; i < n; i++) append(remap[codesOfRows[i]]);
  }

  private int newCode(String text) {
    if (codes == values.length) {
      values = Arrays.copyOf(values, codes * 2);
      counts = Arrays.copyOf(counts, codes * 2);
    }
    values[codes] = text;
    return codes++;
  }

  private void addRawKey(byte[] buf, int off, int len, int h, int slot, int code) {
    if (3 * rawKeys == keyMeta.length) keyMeta = Arrays.copyOf(keyMeta, keyMeta.length * 2);
    if (arenaUsed + len > arena.length)
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
    System.arraycopy(buf, off, arena, arenaUsed, len);
    int m = 3 * rawKeys;
    keyMeta[m] = arenaUsed;
    keyMeta[m + 1] = len;
    keyMeta[m + 2] = code;
    arenaUsed += len;
    rawKeys++;
    slots[slot] = ((long) h << 32) | rawKeys;
    if (rawKeys * 2 > slots.length) rehash();
  }

  private void rehash() {
    long[] bigger = new long[slots.length * 2];
    int mask = bigger.length - 1;
    for (long e : slots) {
      if (e == 0) continue;
      int s = mix((int) (e >>> 32)) & mask;
      while (bigger[s] != 0) s = (s + 1) & mask;
      bigger[s] = e;
    }
    slots = bigger;
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  StringColumn toColumn(String name) {
    return StringColumn.createInternal(
        name, new ImportedDictionary(values, counts, codes, rows.elements(), rows.size()));
  }
}
