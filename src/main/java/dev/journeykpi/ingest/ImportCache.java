package dev.journeykpi.ingest;

import dev.journeykpi.config.SourceDef;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The import cache: the typed table and quality report of each imported CSV or Excel source, kept
 * in a folder under a hash of its {@link ImportKey}, so that a second run over the same exports
 * skips parsing them. It is an optimisation and nothing more: an entry that is missing, written
 * under another key, truncated or damaged (its checksum) is a miss, and the source is imported and
 * its entry written again; an entry that cannot be written (a full disk, a read-only folder) is
 * simply not written.
 *
 * <p>Entries are written to a temporary file in the folder and renamed over the old one at once, so
 * a reader (another kpi run) sees a whole entry or none. A hit sets the entry's time to now; after
 * a write, the entries least recently used are deleted while the folder holds more than its bound
 * (2 GiB by default).
 *
 * <p>Off unless a command turns it on ({@link #use}): the CLI does, for {@code kpi report}, {@code
 * kpi leads} and {@code kpi validate --check-data}; code that calls the engine itself does not.
 */
public final class ImportCache {
  /** The default bound on the folder's size: 2 GiB. */
  public static final long DEFAULT_MAX_BYTES = 2L << 30;

  static final String SUFFIX = ".kpic";

  private static volatile ImportCache current;
  private static volatile String build;

  private final Path dir;
  private final long maxBytes;

  /** What this cache did, for tests and {@code --debug}: entries used, imports, entries written. */
  final AtomicInteger hits = new AtomicInteger();

  final AtomicInteger misses = new AtomicInteger();
  final AtomicInteger corrupt = new AtomicInteger();
  final AtomicInteger written = new AtomicInteger();

  ImportCache(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /**
   * Turns the cache on in {@code dir} (null: off) until the returned scope is closed, which puts
   * back what was there before.
   */
  public static Scope use(Path dir, long maxBytes) {
    return use(dir == null ? null : new ImportCache(dir, maxBytes));
  }

  static Scope use(ImportCache cache) {
    ImportCache before = current;
    current = cache;
    return () -> current = before;
  }

  /** A setting that ends with a block: {@code try (var s = ImportCache.use(…)) {…}}. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The cache in use, or null. */
  static ImportCache current() {
    return current;
  }

  /**
   * The entry of importing these files as {@code source}, or null when they are not cached (see
   * {@link ImportKey#of}).
   */
  Entry entry(SourceDef source, List<Path> files, ZoneId zone, Set<String> needed) {
    String b = build;
    if (b == null) build = b = ImportKey.build();
    ImportKey key = ImportKey.of(source, files, zone, needed, b);
    return key == null ? null : new Entry(key, dir.resolve(key.hash + SUFFIX));
  }

  /** One cached import: its key and where its entry is (or would be). */
  final class Entry {
    final ImportKey key;
    final Path file;

    Entry(ImportKey key, Path file) {
      this.key = key;
      this.file = file;
    }

    /** The cached table and report, or null on a miss. */
    CachedImport.Imported read() {
      if (!Files.isRegularFile(file)) {
        misses.incrementAndGet();
        return null;
      }
      try {
        CachedImport.Imported got = CachedImport.read(CacheFile.In.open(file), key.text);
        hits.incrementAndGet();
        try {
          Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
          // Only the eviction order suffers.
        }
        return got;
      } catch (IOException | CacheFile.Corrupt | RuntimeException e) {
        // Damaged, cut short, or written under another key with the same hash: imported again and
        // written anew.
        corrupt.incrementAndGet();
        misses.incrementAndGet();
        return null;
      }
    }

    /** Writes the entry, unless a file changed while it was imported or the write fails. */
    void write(tech.tablesaw.api.Table table, dev.journeykpi.model.QualityReport quality) {
      if (!CachedImport.writable(table) || !key.unchanged()) return;
      Path tmp = null;
      try {
        Files.createDirectories(dir);
        tmp = Files.createTempFile(dir, "entry-", ".tmp");
        long size;
        try (CacheFile.Out out = new CacheFile.Out(tmp)) {
          CachedImport.write(out, key.text, table, quality);
          size = out.finish();
        }
        if (size > maxBytes) return; // would evict everything, itself included
        try {
          Files.move(
              tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        tmp = null;
        written.incrementAndGet();
        evict();
      } catch (IOException | RuntimeException e) {
        // The cache is an optimisation: a run never fails for want of it.
      } finally {
        if (tmp != null) {
          try {
            Files.deleteIfExists(tmp);
          } catch (IOException e) {
            // left for the next eviction
          }
        }
      }
    }
  }

  /**
   * Deletes the least recently used entries while the folder holds more than its bound, and
   * temporary files an interrupted run left behind (older than an hour).
   */
  void evict() throws IOException {
    record Found(Path path, long size, long time) {}
    List<Found> entries = new ArrayList<>();
    long total = 0;
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        try {
          long time = Files.getLastModifiedTime(p).toMillis();
          if (n.endsWith(SUFFIX)) {
            long size = Files.size(p);
            entries.add(new Found(p, size, time));
            total += size;
          } else if (n.startsWith("entry-") && n.endsWith(".tmp") && time < hourAgo) {
            Files.deleteIfExists(p);
          }
        } catch (IOException e) {
          // gone meanwhile (another run evicted it)
        }
      }
    }
    entries.sort(Comparator.comparingLong(Found::time));
    for (Found f : entries) {
      if (total <= maxBytes) break;
      Files.deleteIfExists(f.path());
      total -= f.size();
    }
  }
}
