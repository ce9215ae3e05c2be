package io.github.classgraph;

/**
 * See the package comment: the calls Tablesaw's {@code Table} makes, answered without scanning
 * anything.
 */
public final class ClassGraph {
  public ClassGraph enableAllInfo() {
    return this;
  }

  public ClassGraph whitelistPackages(String... packageNames) {
    return this;
  }

  public ScanResult scan() {
    return new ScanResult();
  }
}
