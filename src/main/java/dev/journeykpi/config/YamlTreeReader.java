package dev.journeykpi.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML into {@link YNode}s with locations, using Jackson's streaming YAML parser. */
public final class YamlTreeReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String file;
  private final Diagnostics diagnostics;

  public YamlTreeReader(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Returns the document's root, or null when the text is not YAML (the problem is in the diagnostics). */
  public YNode read(Reader text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new YNode.YMap(Map.of(), new Location(file, 1, 1));
      }
      return node(p);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Location loc = at == null ? new Location(file, 1, 1) : new Location(file, at.getLineNr(), at.getColumnNr());
      // SnakeYAML's message interleaves "what" lines with " in 'reader', line N, column M:" and a snippet; keep the
      // "what" lines and point at the last position, where the problem was found.
      String msg = e.getOriginalMessage();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(msg);
      while (m.find()) loc = new Location(file, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      String what = String.join("; ", msg.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
      diagnostics.error(loc, "not valid YAML: " + what);
      return null;
    } catch (IOException e) {
      diagnostics.error(new Location(file, 0, 0), "cannot read: " + e.getMessage());
      return null;
    }
  }

  private YNode node(JsonParser p) throws IOException {
    Location loc = here(p);
    switch (p.currentToken()) {
      case START_OBJECT:
        Map<String, YNode.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyLoc = here(p);
          p.nextToken();
          YNode value = node(p);
          if (entries.containsKey(key)) {
            diagnostics.error(keyLoc, "duplicate key '" + key + "' (first at line " + entries.get(key).keyLocation().line() + ")");
          } else {
            entries.put(key, new YNode.Entry(key, keyLoc, value));
          }
        }
        return new YNode.YMap(entries, loc);
      case START_ARRAY:
        List<YNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(p));
        }
        return new YNode.YList(items, loc);
      case VALUE_NULL:
        return new YNode.YScalar(null, loc);
      default:
        return new YNode.YScalar(p.getText(), loc);
    }
  }

  private Location here(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new Location(file, l.getLineNr(), l.getColumnNr());
  }
}
