package io.github.classgraph;

import java.util.List;

/** An empty list of classes. */
public final class ClassInfoList {
  public List<String> getNames() {
    return List.of();
  }
}
