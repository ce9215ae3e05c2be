package dev.journeykpi.engine;

import dev.journeykpi.config.SourceDef;
import dev.journeykpi.model.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * A source's files as {@code --engine spark}'s driver reads them (a CSV's header and quotes, the
 * list of Parquet files): a path with a scheme ({@code hdfs://}, {@code s3a://}, {@code file:///})
 * through Hadoop's {@code FileSystem} API with the session's Hadoop configuration, as Spark's own
 * readers reach it (Hadoop is on Spark's class path, not in kpi's jar); a local path through Java's
 * files, as the other engines read it.
 */
final class SparkFiles {
  private SparkFiles() {}

  static boolean hasScheme(String path) {
    return SourceFileLayout.hasScheme(path);
  }

  static InputStream open(SparkSession spark, String path) throws IOException {
    if (!hasScheme(path)) return Files.newInputStream(Path.of(path));
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    return fileSystem(spark, p).open(p);
  }

  /**
   * The files a source's path names, by name: the file itself, or those a pattern ({@code *},
   * {@code ?}, {@code [ ]}, {@code { }} as Hadoop's globs read them) matches; a data error when
   * there are none.
   */
  static List<String> list(SparkSession spark, SourceDef s) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(s.file());
    FileStatus[] found;
    try {
      found = fileSystem(spark, p).globStatus(p);
    } catch (IOException | RuntimeException e) {
      throw new DataException("source '" + s.id() + "': cannot list " + s.file() + ": " + e, e);
    }
    List<String> files = new ArrayList<>();
    if (found != null) for (FileStatus f : found) if (f.isFile()) files.add(f.getPath().toString());
    if (files.isEmpty())
      throw new DataException(
          "source '"
              + s.id()
              + "': "
              + (s.file().matches(".*[*?\\[{].*")
                  ? "no file matches '" + s.file() + "'"
                  : "file " + s.file() + " does not exist"));
    files.sort(null);
    return files;
  }

  private static FileSystem fileSystem(SparkSession spark, org.apache.hadoop.fs.Path p)
      throws IOException {
    return p.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
