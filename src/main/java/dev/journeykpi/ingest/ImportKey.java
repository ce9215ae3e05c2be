package dev.journeykpi.ingest;

import dev.journeykpi.config.ColumnDef;
import dev.journeykpi.config.SourceDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Everything an import's result depends on, written out as one text: a cache entry is used only
 * when this text is the one it was written under, so any change to any of it is a miss.
 *
 * <ul>
 *   <li>each file: its absolute path and the name the quality report prints it by (relative to the
 *       working directory), size, modification time, file key (inode), and a CRC-32C of its first
 *       and of its last 64 KB — catching a file rewritten within the clock's resolution or copied
 *       with its time kept ({@code cp -p}, unzip), where a new header, re-sorted rows or rows
 *       appended change those blocks, at a cost that does not grow with the file (hashing a whole
 *       146 MB export would cost about a third of what the cache saves);
 *   <li>every field of the source that changes how it is read: file pattern, format, sheet, header
 *       row, encoding, delimiter, zone, null/yes/no tokens, optional columns, {@code distinct:},
 *       and each column's header, type, formats, duration unit, decimal mark, {@code required},
 *       lookup ({@code from}/{@code map}/{@code multiply}, joined and derived definitions) — but
 *       not where in the YAML they are written;
 *   <li>the definition's time zone, the columns parsed (the KPIs' choice), and the kpi build (a new
 *       release or rebuild never reads what an older one wrote).
 * </ul>
 */
final class ImportKey {
  /** Bumped when the entry's layout or the import's meaning changes in a way a build would not. */
  static final int FORMAT = 2; // 2: text values as one byte array and offsets (issue 21)

  static final int BLOCK = 64 * 1024;

  final String text;
  final String hash;
  private final List<Path> files;
  private final String filesPart;

  private ImportKey(String text, List<Path> files, String filesPart) {
    this.text = text;
    this.hash = hash(text);
    this.files = files;
    this.filesPart = filesPart;
  }

  /**
   * The key of importing {@code files} as {@code source}; null when they cannot be cached (a
   * Parquet file, which is read typed and fast already, or a file that cannot be read — the import
   * then says why).
   */
  static ImportKey of(
      SourceDef source, List<Path> files, ZoneId zone, Set<String> needed, String build) {
    try {
      for (Path f : files) {
        if (!Files.isRegularFile(f) || ExportFormat.of(f, source.format()) == ExportFormat.PARQUET)
          return null;
      }
      String filesPart = files(files);
      StringBuilder b = new StringBuilder();
      field(b, "kpi import cache " + FORMAT);
      field(b, build);
      field(b, zone == null ? null : zone.getId());
      field(b, needed == null ? "*" : String.join(",", new TreeSet<>(needed)));
      source(b, source);
      b.append(filesPart);
      return new ImportKey(b.toString(), List.copyOf(files), filesPart);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether the files are still as they were when the key was made (not changed while read). */
  boolean unchanged() {
    try {
      return files(files).equals(filesPart);
    } catch (IOException e) {
      return false;
    }
  }

  private static void source(StringBuilder b, SourceDef s) {
    field(b, s.id());
    field(b, s.file());
    field(b, s.format());
    field(b, s.sheet());
    field(b, s.headerRow());
    field(b, s.encoding());
    field(b, (int) s.delimiter());
    field(b, s.zone() == null ? null : s.zone().getId());
    // In their written order: a yes/no column's message lists its tokens in that order.
    field(b, s.nulls());
    field(b, s.trueTokens());
    field(b, s.falseTokens());
    field(b, s.optional());
    if (s.distinct() != null) {
      field(b, s.distinct().key());
      field(b, s.distinct().keepLast());
      field(b, s.distinct().by());
    } else {
      field(b, "no distinct");
    }
    field(b, s.columns().size());
    for (Map.Entry<String, ColumnDef> e : s.columns().entrySet()) {
      ColumnDef c = e.getValue();
      field(b, e.getKey());
      field(b, c.name());
      field(b, c.header());
      field(b, c.type());
      field(b, c.formats());
      field(b, c.durationUnit());
      field(b, (int) c.decimalMark());
      field(b, c.required());
      ColumnDef.Lookup l = c.lookup();
      if (l == null) {
        field(b, "no lookup");
        continue;
      }
      field(b, l.from());
      field(b, l.map() == null ? null : new TreeMap<>(l.map())); // its order means nothing
      field(b, l.multiply());
      field(b, l.joined());
      field(b, l.derived() == null ? null : l.derived().text());
    }
  }

  /** A value as its length and text, so that no two different lists of values read the same. */
  private static void field(StringBuilder b, Object v) {
    String s = v == null ? "\u0000null" : String.valueOf(v);
    b.append(s.length()).append(':').append(s).append('\n');
  }

  private static String files(List<Path> files) throws IOException {
    StringBuilder b = new StringBuilder();
    field(b, files.size());
    for (Path f : files) {
      BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
      field(b, f.toAbsolutePath().normalize());
      field(b, SourceLoader.display(f));
      field(b, a.size());
      field(b, a.lastModifiedTime());
      field(b, a.fileKey());
      field(b, ends(f, a.size()));
    }
    return b.toString();
  }

  /**
   * The CRC-32C of the file's first 64 KB and that of its last 64 KB (the whole file when it is
   * smaller). Not SHA-256: Java's first digest costs about 0.2 s of start-up (its security
   * providers and a hash the client compiler does not make fast), as much as a small report; a
   * change that keeps size, time and inode and escapes two CRCs is not an accident.
   */
  private static String ends(Path f, long size) throws IOException {
    StringBuilder out = new StringBuilder();
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(BLOCK);
      read(ch, buf, 0);
      out.append(crc(buf.flip()));
      if (size > BLOCK) {
        buf.clear();
        read(ch, buf, Math.max(BLOCK, size - BLOCK));
        out.append(' ').append(crc(buf.flip()));
      }
    }
    return out.toString();
  }

  private static long crc(ByteBuffer b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return c.getValue();
  }

  private static void read(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, at + buf.position());
      if (n < 0) break;
    }
  }

  /**
   * The kpi build: the jar's path, size and time (the launcher rebuilds the jar when the code
   * changes), or, run from compiled classes (tests, an IDE), the newest class file's time.
   */
  static String build() {
    try {
      var where = ImportKey.class.getProtectionDomain().getCodeSource();
      if (where == null) return "unknown build " + System.nanoTime(); // never matches another run
      Path p = Path.of(where.getLocation().toURI());
      if (Files.isRegularFile(p)) {
        return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
      }
      try (Stream<Path> s = Files.walk(p)) {
        long newest =
            s.filter(f -> f.toString().endsWith(".class"))
                .mapToLong(f -> f.toFile().lastModified())
                .max()
                .orElse(0);
        return p + " " + newest;
      }
    } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
      return "unknown build " + System.nanoTime();
    }
  }

  /**
   * The entry's file name: a CRC-32C and a 64-bit FNV-1a of the key. Two keys of one name are told
   * apart by the key written in the entry (a miss), so the name needs no cryptographic hash.
   */
  static String hash(String text) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CRC32C c = new CRC32C();
    c.update(b);
    long fnv = 0xcbf29ce484222325L;
    for (byte x : b) fnv = (fnv ^ (x & 0xff)) * 0x100000001b3L;
    return String.format("%08x%016x", c.getValue(), fnv);
  }
}
