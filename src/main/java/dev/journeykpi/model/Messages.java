package dev.journeykpi.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message catalog: the templates of one family of texts in one language, read once from {@code
 * /dev/journeykpi/messages/<family>_<lang>.properties} (UTF-8). Two families share this one
 * mechanism: {@code notes} (a template per {@link Note.Code}, plus {@code unit.*} for time-unit
 * words) and {@code explain} (the sentences of {@code kpi explain}, keyed by their English
 * template, gettext style). In {@code model} rather than {@code report} because the model's own
 * English ({@link ResultRow#note()}, which CSV, JSON and scripts read) comes from it too.
 */
public final class Messages {
  private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

  private final String family;
  private final String lang;
  private final Map<String, String> templates;

  private Messages(String family, String lang, Map<String, String> templates) {
    this.family = family;
    this.lang = lang;
    this.templates = templates;
  }

  /** The note templates in a language: "vi" is Vietnamese, anything else English. */
  public static Messages notes(String lang) {
    return of("notes", "vi".equals(lang) ? "vi" : "en");
  }

  /**
   * A family's catalog in a language ("en", "vi"); empty when it has no file (explain has no
   * English one).
   */
  public static Messages of(String family, String lang) {
    return LOADED.computeIfAbsent(family + "_" + lang, k -> new Messages(family, lang, read(k)));
  }

  private static Map<String, String> read(String name) {
    String path = "/dev/journeykpi/messages/" + name + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(path)) {
      if (in == null) return Map.of();
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new java.util.HashMap<>();
      for (String key : p.stringPropertyNames()) out.put(key, p.getProperty(key));
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the message catalog " + path, e);
    }
  }

  public boolean vietnamese() {
    return "vi".equals(lang);
  }

  /**
   * The template of a key; a missing one is a build error, which {@code MessagesTest} catches
   * first.
   */
  public String get(String key) {
    String t = templates.get(key);
    if (t == null)
      throw new IllegalStateException(
          "no '" + key + "' in the " + family + "_" + lang + " catalog");
    return t;
  }

  /**
   * The template of a key, or {@code fallback} when this catalog has none (explain's English is its
   * keys).
   */
  public String getOrDefault(String key, String fallback) {
    return templates.getOrDefault(key, fallback);
  }

  /** Every key of this catalog, for the tests that keep catalogs in step. */
  public java.util.Set<String> keys() {
    return templates.keySet();
  }

  /**
   * A time unit as a definition writes it ("days", "working days", "h") in this language; an
   * unknown one as it is.
   */
  public String timeUnit(String unit) {
    return templates.getOrDefault("unit." + unit.toLowerCase(Locale.ROOT).replace(' ', '_'), unit);
  }
}
