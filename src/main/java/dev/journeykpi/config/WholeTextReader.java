package dev.journeykpi.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character reader over a text already in memory. SnakeYAML's own reader keeps a window
 * that it re-copies for every 1,024 characters it reads ahead, and its scanner reads a whole value
 * ahead before taking it: one value of n characters costs n²/1024 copies (a 3 MB value took
 * seconds, a 50 MB one minutes). Here the whole text is one array of code points, so every
 * look-ahead is an index. The behaviour (line and column counting, marks, refusing non-printable
 * characters) is SnakeYAML's; every public method of its reader is replaced.
 */
final class WholeTextReader extends StreamReader {
  private final int[] text;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String s) {
    super("");
    text = s.codePoints().toArray();
    for (int i = 0; i < text.length; i++) {
      if (!isPrintable(text[i])) {
        throw new ReaderException("'reader'", i, text[i], "special characters are not allowed");
      }
    }
  }

  @Override
  public Mark getMark() {
    return new Mark("'reader'", index, line, column, text, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < text.length; i++) {
      int c = text[pointer++];
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || c == '\r' && pointer < text.length && text[pointer] != '\n') {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < text.length ? text[pointer] : '\0';
  }

  @Override
  public int peek(int ahead) {
    return pointer + ahead < text.length ? text[pointer + ahead] : '\0';
  }

  @Override
  public String prefix(int length) {
    return new String(text, pointer, Math.max(0, Math.min(length, text.length - pointer)));
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    index += length;
    documentIndex += length;
    column += length;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
