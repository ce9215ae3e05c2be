package dev.journeykpi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The two parts of an {@code .xlsx} workbook a sheet's cells refer to, read with SAX: the shared
 * strings (cells of type {@code s} hold an index into them) and the number format of each cell
 * style (a number is a date when its style's format is a date format).
 *
 * <p>POI's own readers of these parts ({@code StylesTable}, and {@code ReadOnlySharedStringsTable},
 * whose strings come back as rich text) go through XMLBeans, whose type system for all of OOXML is
 * loaded on first use: about 0.25 s of every report that read a workbook, most of a small one's run
 * time (the hotel example's 330-row checkout export).
 */
final class XlsxParts {
  private XlsxParts() {}

  /**
   * The shared strings, in order; their text runs joined, phonetic guides (Japanese furigana) left
   * out.
   */
  static List<String> sharedStrings(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    if (in == null) return out;
    parse(
        in,
        new DefaultHandler() {
          private final StringBuilder text = new StringBuilder();
          private boolean inText;
          private boolean inPhonetic;

          @Override
          public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
              case "si" -> text.setLength(0);
              case "t" -> inText = !inPhonetic;
              case "rPh" -> inPhonetic = true;
              default -> {}
            }
          }

          @Override
          public void characters(char[] ch, int start, int length) {
            if (inText) text.append(ch, start, length);
          }

          @Override
          public void endElement(String uri, String local, String qName) {
            switch (local) {
              case "si" -> out.add(decodeEscapes(text));
              case "t" -> inText = false;
              case "rPh" -> inPhonetic = false;
              default -> {}
            }
          }
        });
    return out;
  }

  /** The number format of each cell style: its id, and its format code (built-in codes by id). */
  record Styles(int[] formatIds, Map<Integer, String> customFormats) {
    static final Styles NONE = new Styles(new int[0], Map.of());

    /** The format id of style {@code s} (0, General, for a style the workbook does not define). */
    int formatId(int s) {
      return s >= 0 && s < formatIds.length ? formatIds[s] : 0;
    }

    /**
     * The format code of style {@code s}, as Excel shows it in the Format Cells dialog; null when
     * unknown.
     */
    String formatCode(int s) {
      int id = formatId(s);
      String custom = customFormats.get(id);
      return custom != null ? custom : BuiltinFormats.getBuiltinFormat(id);
    }
  }

  static Styles styles(InputStream in) throws IOException {
    if (in == null) return Styles.NONE;
    List<Integer> ids = new ArrayList<>();
    Map<Integer, String> custom = new HashMap<>();
    parse(
        in,
        new DefaultHandler() {
          private boolean inCellXfs;

          @Override
          public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
              case "numFmt" -> {
                String id = a.getValue("numFmtId");
                String code = a.getValue("formatCode");
                if (id != null && code != null) custom.put(Integer.parseInt(id.trim()), code);
              }
              case "cellXfs" -> inCellXfs = true;
              case "xf" -> {
                if (inCellXfs) {
                  String id = a.getValue("numFmtId");
                  ids.add(id == null ? 0 : Integer.parseInt(id.trim()));
                }
              }
              default -> {}
            }
          }

          @Override
          public void endElement(String uri, String local, String qName) {
            if (local.equals("cellXfs")) inCellXfs = false;
          }
        });
    return new Styles(ids.stream().mapToInt(Integer::intValue).toArray(), custom);
  }

  /**
   * A sheet as the workbook lists it: its name, the relation id of its part, and whether Excel
   * hides it.
   */
  record SheetRef(String name, String relationId, boolean hidden) {}

  /**
   * The workbook part: its sheets in tab order, and whether dates count from 1904 (Mac Excel's old
   * date system).
   */
  record Book(List<SheetRef> sheets, boolean date1904) {}

  /**
   * Reads {@code xl/workbook.xml}: {@code <workbookPr date1904="1"/>} and {@code <sheet name=""
   * r:id="" state="hidden|veryHidden"/>}. POI's sheet iterator gives neither the state nor the date
   * system.
   */
  static Book workbook(InputStream in) throws IOException {
    List<SheetRef> sheets = new ArrayList<>();
    boolean[] date1904 = {false};
    parse(
        in,
        new DefaultHandler() {
          @Override
          public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
              case "workbookPr" -> {
                String v = a.getValue("date1904");
                date1904[0] =
                    v != null && (v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
              }
              case "sheet" -> {
                String id = null;
                // r:id, in the relationships namespace (transitional or strict OOXML): the one
                // attribute with a namespace.
                for (int i = 0; i < a.getLength(); i++) {
                  if (a.getLocalName(i).equals("id") && !a.getURI(i).isEmpty()) id = a.getValue(i);
                }
                String state = a.getValue("state");
                sheets.add(
                    new SheetRef(
                        a.getValue("name"), id, state != null && !state.equals("visible")));
              }
              default -> {}
            }
          }
        });
    return new Book(sheets, date1904[0]);
  }

  /**
   * Excel writes characters XML cannot hold (control characters, a lone carriage return) as {@code
   * _xHHHH_}, and a literal "_x" that would read as such as {@code _x005F_x}; decoded as Excel and
   * POI do.
   */
  static String decodeEscapes(CharSequence s) {
    int at = indexOf(s, 0);
    if (at < 0) return s.toString();
    StringBuilder out = new StringBuilder(s.length());
    int from = 0;
    while (at >= 0) {
      out.append(s, from, at);
      out.append((char) Integer.parseInt(s.subSequence(at + 2, at + 6).toString(), 16));
      from = at + 7;
      at = indexOf(s, from);
    }
    return out.append(s, from, s.length()).toString();
  }

  /** The next {@code _xHHHH_} at or after {@code from}, or -1. */
  private static int indexOf(CharSequence s, int from) {
    for (int i = from; i + 7 <= s.length(); i++) {
      if (s.charAt(i) == '_'
          && s.charAt(i + 1) == 'x'
          && s.charAt(i + 6) == '_'
          && hex(s, i + 2, i + 6)) return i;
    }
    return -1;
  }

  private static boolean hex(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) return false;
    }
    return true;
  }

  private static void parse(InputStream in, DefaultHandler handler) throws IOException {
    try (in) {
      XMLReader xml = xmlReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    } catch (SAXException e) {
      throw new IOException("unreadable workbook part: " + e.getMessage(), e);
    }
  }

  /**
   * A namespace-aware SAX reader for a workbook's XML: Aalto's (FasterXML), about twice as fast as
   * the JDK's Xerces on a 300,000-row sheet (16.5 s before, 9.6 s after for the whole report). It
   * refuses any entity a document declares itself (only XML's own, such as {@code &amp;}, and
   * character references are read), so a crafted workbook can neither read local files through
   * external entities nor expand entities without bound.
   */
  static XMLReader xmlReader() throws SAXException {
    javax.xml.parsers.SAXParserFactory factory = new com.fasterxml.aalto.sax.SAXParserFactoryImpl();
    factory.setNamespaceAware(true);
    try {
      return factory.newSAXParser().getXMLReader();
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new SAXException(e);
    }
  }
}
