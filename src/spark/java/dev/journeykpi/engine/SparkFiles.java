package dev.journeykpi.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A source's file as {@code --engine spark}'s driver reads it (the CSV check of SparkBackend): a
 * path with a scheme ({@code hdfs://}, {@code s3a://}, {@code file:///}) through Hadoop's {@code
 * FileSystem} API with the session's Hadoop configuration, as Spark's own readers reach it; a local
 * path as the other engines read it.
 */
final class SparkFiles {
  private SparkFiles() {}

  /**
   * Whether a path names its file system: a scheme of two characters or more and a colon ({@code
   * C:\} is a Windows drive, not a scheme).
   */
  static boolean hasScheme(String path) {
    return path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*");
  }

  static InputStream open(SparkSession spark, String path) throws IOException {
    if (!hasScheme(path)) return Files.newInputStream(Path.of(path));
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(p);
  }
}
