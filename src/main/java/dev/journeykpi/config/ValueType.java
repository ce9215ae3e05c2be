package dev.journeykpi.config;

import java.util.Locale;

/** The type a source column is parsed into. Durations are held in seconds. */
public enum ValueType {
  STRING,
  NUMBER,
  BOOLEAN,
  DATE,
  DATETIME,
  DURATION;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isTemporal() {
    return this == DATE || this == DATETIME;
  }

  /** Types whose values can be ordered with gt/lt/between. */
  public boolean isOrdered() {
    return this == NUMBER || this == DURATION || isTemporal();
  }
}
