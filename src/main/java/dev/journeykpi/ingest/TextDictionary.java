package dev.journeykpi.ingest;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.text.Normalizer;
import java.util.Arrays;
import tech.tablesaw.api.StringColumn;

/**
 * Builds a dictionary-encoded text column straight from a file's bytes: a value is hashed and
 * compared as bytes (its raw key), and its value is kept as bytes too ({@link TextValues}), so no
 * String is made for it at all unless it is read. Appending to Tablesaw's StringColumn one String
 * at a time rehashed every new String and kept per-key counts in boxed-style maps, and was the
 * largest cost of importing text columns; a String per distinct value then took 620 MB of a
 * 10,000,000-row import's heap (a ticket id per row). The finished column is handed to Tablesaw as
 * an {@link ImportedDictionary}, which reads these arrays.
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

  // Longer keys: open addressing where a slot holds (hash << 32) | entry, 0 when empty, so a probe
  // compares hashes without leaving the table. The entry is code + 1 when the raw key is its
  // value's
  // own bytes (the usual case: the key is then not stored twice), else ALIAS | n for the n-th
  // other spelling (control characters, a decomposed accent, Latin-1 bytes), whose start, length
  // and code sit side by side in aliasMeta.
  private long[] slots = new long[1 << 10];
  private int longKeys;
  private static final int ALIAS = 1 << 31;
  private byte[] aliasArena = new byte[64];
  private int aliasUsed;
  private int[] aliasMeta = new int[3 * 8]; // start, length, code (with its flags)
  private int aliases;

  private final TextValues values = new TextValues();
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
    // Printable ASCII (with tab and line breaks) is its own value in UTF-8 and in ISO-8859-1: no
    // String to decode, clean or normalise.
    if (plainAscii(buf, off, len)) return newCode(buf, off, len);
    String text = ByteSlice.string(buf, off, len, utf8Bytes);
    if (utf8Bytes && text.indexOf('\ufffd') >= 0 && !validUtf8(buf, off, len)) return INVALID;
    String clean = ControlChars.strip(text);
    if (clean != text) return (codeOfText(clean) & CODE) | CLEANED;
    // Once per distinct spelling, so the full test (Hangul jamo, the ångström sign and other
    // singletons too, not only combining marks) costs nothing per cell. An NFC spelling is the
    // value itself, even one that keeps a mark composing with nothing (a second tone mark typed
    // on "ễ"): looking it up as an alias would come back here for ever.
    if (Normalizer.isNormalized(text, Normalizer.Form.NFC))
      return utf8Bytes ? newCode(buf, off, len) : newCode(values.add(text));
    byte[] key = keyBytes(Normalizer.normalize(text, Normalizer.Form.NFC));
    return code(key, 0, key.length);
  }

  /** ASCII without the control characters {@link ControlChars} removes. */
  private static boolean plainAscii(byte[] buf, int off, int len) {
    for (int i = off, e = off + len; i < e; i++) {
      byte b = buf[i];
      if (b < 0x20 || b == 0x7f) {
        if (b != '\t' && b != '\n' && b != '\r') return false;
      }
    }
    return true;
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
        int entry = (int) e;
        if (entry > 0) {
          if (values.same(entry - 1, buf, off, len)) return entry - 1;
        } else {
          int m = 3 * (entry & ~ALIAS);
          if (aliasMeta[m + 1] == len && sameAlias(aliasMeta[m], buf, off, len))
            return aliasMeta[m + 2];
        }
      }
      s = (s + 1) & mask;
    }
  }

  private void insertLong(byte[] buf, int off, int len, int h, int code) {
    int mask = slots.length - 1;
    int s = mix(h) & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    int entry =
        (code & ~CODE) == 0 && values.same(code, buf, off, len)
            ? code + 1
            : ALIAS | addAlias(buf, off, len, code);
    slots[s] = ((long) h << 32) | (entry & 0xffffffffL);
    // Grown at five eighths full (not half): linear probing stays short, and a column of
    // 10,000,000 distinct ids needs 2^24 slots (128 MB), not 2^25.
    if (++longKeys * 8L > slots.length * 5L) rehash();
  }

  private int addAlias(byte[] buf, int off, int len, int code) {
    if (3 * aliases == aliasMeta.length) aliasMeta = Arrays.copyOf(aliasMeta, aliasMeta.length * 2);
    if (aliasUsed + len > aliasArena.length)
      aliasArena = Arrays.copyOf(aliasArena, Math.max(aliasArena.length * 2, aliasUsed + len));
    System.arraycopy(buf, off, aliasArena, aliasUsed, len);
    int m = 3 * aliases;
    aliasMeta[m] = aliasUsed;
    aliasMeta[m + 1] = len;
    aliasMeta[m + 2] = code;
    aliasUsed += len;
    return aliases++;
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

  /**
   * A plain loop: keys are short, where Arrays.equals' vectorised setup costs more than it saves.
   */
  private boolean sameAlias(int start, byte[] buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (aliasArena[start + i] != buf[off + i]) return false;
    }
    return true;
  }

  /** The text of a code, decoded and in NFC. */
  String value(int code) {
    return values.get(code);
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
   * <p>Values are matched by their bytes, as the import matched them, so that no value is decoded
   * or hashed as a String: on the benchmark's 289,000 customer ids that took 0.1 s on the import's
   * critical path. A value's UTF-8 bytes are one of its raw keys here too (clean and in NFC: a raw
   * key of its own); in an ISO-8859-1 dictionary only an ASCII value is, and any other goes through
   * {@link #codeOfText}. They are taken in the later dictionary's order (the order of first
   * appearance), so the codes are those one dictionary over the whole file would give.
   */
  void absorb(TextDictionary later) {
    int[] remap = new int[later.codes];
    TextValues v = later.values;
    byte[] b = v.bytes();
    for (int c = 1; c < later.codes; c++) {
      if (later.counts[c] == 0) continue; // no row holds it: never looked up below
      remap[c] =
          (utf8Bytes || v.ascii(c) ? code(b, v.start(c), v.length(c)) : codeOfText(v.get(c)))
              & CODE;
    }
    int[] codesOfRows = later.rows.elements();
    int n = later.rows.size();
    rows.ensureCapacity(rows.size() + n);
    for (int i = 0; i < n; i++) append(remap[codesOfRows[i]]);
  }

  private int newCode(byte[] buf, int off, int len) {
    return newCode(values.add(buf, off, len));
  }

  /** Counts a value just added to {@link #values} as code {@code c}. */
  private int newCode(int c) {
    if (codes == counts.length) counts = Arrays.copyOf(counts, codes + (codes >> 1) + 16);
    return codes++;
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
    values.trim();
    return StringColumn.createInternal(
        name, new ImportedDictionary(values, counts, codes, rows.elements(), rows.size()));
  }
}
