package dev.journeykpi.engine;

import dev.journeykpi.ingest.ImportCache;
import java.nio.file.Path;

/**
 * The CLI's switch for the import cache ({@link ImportCache}): the command's sources are imported
 * through the cache in {@code dir} until the scope is closed. Only the importer reads it, so the
 * default engine and the sources {@code --engine duckdb} takes from the importer (Excel, patterns
 * of files) use it; CSV files DuckDB reads itself do not.
 */
public final class ImportCaching {
  private ImportCaching() {}

  /** A setting that ends with a block. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * @param dir the cache folder, or null for no cache
   */
  public static Scope use(Path dir) {
    ImportCache.Scope s = ImportCache.use(dir, ImportCache.DEFAULT_MAX_BYTES);
    return s::close;
  }
}
