package dev.journeykpi.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The notes of one result, in order; written joined by "; " ("incomplete: data ends 2026-10-14; 2
 * open (no end)"). Immutable; {@link #NONE} is shared by the many rows that have nothing to say.
 */
public record Notes(List<Note> parts) {
  public static final Notes NONE = new Notes(List.of());

  public Notes {
    parts = List.copyOf(parts);
  }

  public static Notes of(Note... notes) {
    return notes.length == 0 ? NONE : new Notes(List.of(notes));
  }

  public static Notes of(List<Note> notes) {
    return notes.isEmpty() ? NONE : new Notes(notes);
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** These notes, then {@code more}. */
  public Notes plus(Notes more) {
    if (more.isEmpty()) return this;
    if (isEmpty()) return more;
    List<Note> all = new ArrayList<>(parts);
    all.addAll(more.parts);
    return new Notes(all);
  }

  public Notes plus(Note more) {
    return plus(Notes.of(more));
  }

  /** {@code first}, then these notes. */
  public Notes after(Note first) {
    return Notes.of(first).plus(this);
  }

  /** The notes in English, as CSV, JSON and scripts read them; "" when none. */
  public String english() {
    return text("en");
  }

  /** The notes in a language, joined by "; "; "" when none. */
  public String text(String lang) {
    if (parts.isEmpty()) return "";
    if (parts.size() == 1) return parts.get(0).text(lang);
    StringBuilder b = new StringBuilder();
    for (Note n : parts) {
      if (b.length() > 0) b.append("; ");
      b.append(n.text(lang));
    }
    return b.toString();
  }
}
