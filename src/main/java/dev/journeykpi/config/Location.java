package dev.journeykpi.config;

/** A place in a definition file, 1-based like editors and compilers show it. */
public record Location(String file, int line, int column) {
  public static final Location NONE = new Location("", 0, 0);

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
