package io.github.classgraph;

/** An empty scan result: no class implements anything. */
public final class ScanResult implements AutoCloseable {
  public ClassInfoList getClassesImplementing(String interfaceName) {
    return new ClassInfoList();
  }

  @Override
  public void close() {}
}
