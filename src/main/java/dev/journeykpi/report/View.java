package dev.journeykpi.report;

/**
 * How the views for people are laid out.
 *
 * @param byOwner group by owning department (in journey order) instead of by journey stage
 * @param lang "en" or "vi"; null for the definition's locale
 */
public record View(boolean byOwner, String lang) {
  public static final View DEFAULT = new View(false, null);
}
