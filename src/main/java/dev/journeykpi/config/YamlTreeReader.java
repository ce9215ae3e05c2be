package dev.journeykpi.config;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML into {@link YNode}s with locations, from SnakeYAML's parser events, which carry every
 * anchor, alias, tag and document start with its position (Jackson's streaming parser, used before,
 * hides anchors on values and later documents). A definition is one plain YAML document: aliases
 * resolve to their anchored value (placed where the alias is written), merge keys ({@code <<:
 * *base}) merge, and everything a plain reading would silently drop or misread (a second document,
 * custom tags such as {@code !env}) is refused at its {@code line:col}.
 */
public final class YamlTreeReader {
  /**
   * Deeper than any definition (about six levels); the limit keeps a runaway file from exhausting
   * the stack.
   */
  static final int MAX_DEPTH = 64;

  /**
   * Values an alias may copy in total, so a few lines of nested aliases cannot expand to billions
   * of values.
   */
  static final int MAX_ALIASED = 100_000;

  private static final String YAML_TAG = "tag:yaml.org,2002:";
  private static final Set<String> PLAIN_TAGS =
      Set.of("str", "int", "float", "bool", "null", "map", "seq");

  /** The words YAML reads as null when written plainly (unquoted). */
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

  private final String file;
  private final Diagnostics diagnostics;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private int nodes;
  private int aliased;
  private String text = "";

  private record Anchored(YNode node, int size) {}

  public YamlTreeReader(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Reads a bundled resource; see {@link #read(String)}. */
  public YNode read(Reader in) {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = in.read(buf)) > 0; ) sb.append(buf, 0, n);
      return read(sb.toString());
    } catch (IOException e) {
      diagnostics.error(new Location(file, 0, 0), "cannot read: " + e.getMessage());
      return null;
    }
  }

  /**
   * Returns the document's root, or null when the text is not a usable YAML document (the problem
   * is in the diagnostics): not YAML, or empty (nothing but blank lines and comments).
   */
  public YNode read(String yaml) {
    this.text = yaml;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(
        Integer.MAX_VALUE); // DefinitionText limits the size, with a message that says so
    try {
      Parser p = new ParserImpl(new WholeTextReader(yaml), options);
      p.getEvent(); // stream start
      YNode root = null;
      boolean first = true;
      while (p.checkEvent(Event.ID.DocumentStart)) {
        Event start = p.getEvent();
        Event e = p.getEvent();
        if (first) {
          root = node(p, e, 0);
        } else if (!(e instanceof ScalarEvent s && s.isPlain() && NULLS.contains(s.getValue()))) {
          // "---" with nothing after it is an empty document: harmless; anything more would be
          // silently ignored.
          diagnostics.error(
              mark(start.getStartMark()),
              "a second YAML document starts here; a definition file holds one"
                  + " document (remove the '---' and what follows, or move it to a file of its own and add it with include:"
                  + " or another -c)");
          skip(p, e);
        }
        p.getEvent(); // document end
        first = false;
      }
      if (root == null || root instanceof YNode.YScalar s && s.isNull()) {
        diagnostics.error(
            new Location(file, 1, 1),
            "the definition is empty (nothing but blank lines and comments)");
        return null;
      }
      return root;
    } catch (YAMLException e) {
      notYaml(e);
      return null;
    }
  }

  /**
   * Reports a syntax error at one place, without the parser's internals. A construct that is never
   * closed (a quote, a '[' or '{') is reported where it opens, since its end is only the end of the
   * file; any other error where it was found.
   */
  private void notYaml(YAMLException e) {
    Location loc = new Location(file, 1, 1);
    String what;
    if (e instanceof MarkedYAMLException m) {
      Mark problemAt = m.getProblemMark();
      Mark contextAt = m.getContextMark();
      String problem = m.getProblem() == null ? "" : m.getProblem();
      String context = m.getContext() == null ? "" : m.getContext();
      boolean unclosed = problem.contains("end of stream") || problem.contains("<stream end>");
      if (problemAt != null) loc = mark(problemAt);
      if (unclosed && contextAt != null) {
        loc = mark(contextAt);
        what =
            context
                + " that starts here: it is not closed before the end of the file ("
                + problem
                + ")";
      } else {
        what =
            (context.isEmpty()
                    ? ""
                    : context
                        + (contextAt == null
                            ? ""
                            : " (from line " + (contextAt.getLine() + 1) + ")")
                        + "; ")
                + problem;
      }
    } else if (e instanceof ReaderException r) {
      loc = at(r.getPosition());
      what =
          String.format(
              "the control character U+%04X is not allowed here; remove it", r.getCodePoint());
    } else {
      what = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    }
    diagnostics.error(loc, "not valid YAML: " + what);
  }

  /** Line and column of a code-point offset into the text. */
  private Location at(int codePoints) {
    int line = 1;
    int col = 1;
    for (int i = 0, n = 0;
        i < text.length() && n < codePoints;
        i += Character.charCount(text.codePointAt(i)), n++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Location(file, line, col);
  }

  private Location mark(Mark m) {
    return new Location(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private YNode node(Parser p, Event e, int depth) {
    Location loc = mark(e.getStartMark());
    if (e instanceof AliasEvent a) return alias(a.getAnchor(), loc);
    String anchor = ((NodeEvent) e).getAnchor();
    checkTag(e instanceof ScalarEvent s ? s.getTag() : ((CollectionStartEvent) e).getTag(), loc);
    int before = nodes++;
    YNode out;
    if (e instanceof ScalarEvent s) {
      out =
          new YNode.YScalar(s.isPlain() && NULLS.contains(s.getValue()) ? null : s.getValue(), loc);
    } else if (depth > MAX_DEPTH) {
      diagnostics.error(
          loc,
          "nested more than "
              + MAX_DEPTH
              + " levels deep, from here (a definition needs about six)");
      skip(p, e);
      out = new YNode.YScalar(null, loc);
    } else if (e instanceof MappingStartEvent) {
      out = map(p, loc, depth);
    } else {
      List<YNode> items = new ArrayList<>();
      for (Event item = p.getEvent(); !item.is(Event.ID.SequenceEnd); item = p.getEvent())
        items.add(node(p, item, depth + 1));
      out = new YNode.YList(items, loc);
    }
    if (anchor != null) anchors.put(anchor, new Anchored(out, nodes - before));
    return out;
  }

  /** Passes over the rest of a node whose start event {@code e} was read, without building it. */
  private static void skip(Parser p, Event e) {
    int open = e instanceof CollectionStartEvent ? 1 : 0;
    while (open > 0) {
      Event x = p.getEvent();
      if (x instanceof CollectionStartEvent) open++;
      if (x.is(Event.ID.MappingEnd) || x.is(Event.ID.SequenceEnd)) open--;
    }
  }

  private YNode map(Parser p, Location loc, int depth) {
    Map<String, YNode.Entry> entries = new LinkedHashMap<>();
    List<YNode> merges = new ArrayList<>();
    for (Event k = p.getEvent(); !k.is(Event.ID.MappingEnd); k = p.getEvent()) {
      Location keyLoc = mark(k.getStartMark());
      if (!(k instanceof ScalarEvent ks)) {
        diagnostics.error(
            keyLoc,
            "a key must be a plain word or text, found "
                + (k instanceof AliasEvent ? "an alias" : "a list or a map"));
        skip(p, k);
        skip(p, p.getEvent());
        continue;
      }
      checkTag(ks.getTag(), keyLoc);
      String key = ks.getValue();
      YNode value = node(p, p.getEvent(), depth + 1);
      if (key.equals("<<") && ks.isPlain()) {
        merges.add(value);
      } else if (entries.containsKey(key)) {
        diagnostics.error(
            keyLoc,
            "duplicate key '"
                + key
                + "' (first at line "
                + entries.get(key).keyLocation().line()
                + ")");
      } else {
        entries.put(key, new YNode.Entry(key, keyLoc, value));
      }
    }
    // A merge key (<<: *base, or a list of them) adds the keys the mapping does not write itself.
    for (YNode m : merges) {
      for (YNode base : m instanceof YNode.YList l ? l.items() : List.of(m)) {
        if (base instanceof YNode.YMap bm) {
          bm.entries().values().forEach(e -> entries.putIfAbsent(e.key(), e));
        } else {
          diagnostics.error(
              base.location(),
              "'<<' merges a mapping (<<: *name, with &name on a mapping), found " + base.kind());
        }
      }
    }
    return new YNode.YMap(entries, loc);
  }

  /** The anchored value, placed at the alias so that messages point where it is used. */
  private YNode alias(String name, Location at) {
    Anchored a = anchors.get(name);
    if (a == null) {
      diagnostics.error(at, "alias '*" + name + "' has no anchor '&" + name + "' before it");
      return new YNode.YScalar(null, at);
    }
    aliased += a.size();
    if (aliased > MAX_ALIASED) {
      if (aliased - a.size() <= MAX_ALIASED) {
        diagnostics.error(
            at,
            String.format(
                "aliases copy more than %,d values in total; write the values out", MAX_ALIASED));
      }
      return new YNode.YScalar(null, at);
    }
    nodes += a.size();
    if (a.node() instanceof YNode.YList l) return new YNode.YList(l.items(), at);
    if (a.node() instanceof YNode.YMap m) return new YNode.YMap(m.entries(), at);
    return new YNode.YScalar(((YNode.YScalar) a.node()).text(), at);
  }

  /**
   * Standard tags ({@code !!str 007}) only say what the text already is; any other tag would be
   * silently dropped.
   */
  private void checkTag(String tag, Location at) {
    if (tag == null || tag.equals("!")) return; // "!" alone just marks a plain scalar as text
    if (tag.startsWith(YAML_TAG) && PLAIN_TAGS.contains(tag.substring(YAML_TAG.length()))) return;
    String written = tag.startsWith(YAML_TAG) ? "!!" + tag.substring(YAML_TAG.length()) : tag;
    diagnostics.error(
        at,
        "tag '"
            + written
            + "' is not supported: a definition is plain YAML (write the value itself;"
            + " combine files with include: or several -c)");
  }
}
