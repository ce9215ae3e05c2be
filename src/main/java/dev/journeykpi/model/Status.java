package dev.journeykpi.model;

/**
 * How a value stands against its target: green, amber or red, or none when there is no target or no
 * value. Worked out by {@code calc.TargetStatus}; read by the breach check of {@code report
 * --fail-on}.
 */
public enum Status {
  GREEN,
  AMBER,
  RED,
  NONE;

  /** The word CSV, JSON and the Data sheet write: green, amber, red; "" for none. */
  public String machineText() {
    return this == NONE ? "" : name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether this status is at or below the given one: red is below amber, amber below green. */
  public boolean atOrBelow(Status s) {
    return this != NONE && ordinal() >= s.ordinal();
  }
}
