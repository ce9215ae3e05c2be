package dev.journeykpi.ingest;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The bytes of one import cache entry: numbers little-endian, texts as UTF-8 with their length,
 * arrays in bulk, and a CRC-32C of everything before it at the end, so that a truncated or damaged
 * entry is found before any of it is used.
 *
 * <p>Why not {@link java.io.DataOutputStream}: it writes an array one element at a time (four calls
 * per int through a synchronized buffer), about half a second for the columns of a million rows; a
 * {@link ByteBuffer} copies an array's elements in one call. Entries are read through a memory map,
 * so a warm run reads the file once, into the arrays the columns keep.
 */
final class CacheFile {
  private CacheFile() {}

  /** The first four bytes of an entry: "KPIC". */
  static final int MAGIC = 0x4349504b;

  /** The last four bytes, after the checksum: "END!". */
  static final int END = 0x21444e45;

  /** An entry that cannot be read as written: a miss, never a wrong number. */
  static final class Corrupt extends Exception {
    Corrupt(String why) {
      super(why, null, false, false);
    }
  }

  /** Writes an entry to a file; {@link #finish} adds the checksum. */
  static final class Out implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buf =
        ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN); // staged, then written
    private final CRC32C crc = new CRC32C();
    private long written;

    Out(Path file) throws IOException {
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
      channel.truncate(0);
      i32(MAGIC);
    }

    private void room(int bytes) throws IOException {
      if (buf.remaining() < bytes) flush();
    }

    private void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      written += buf.remaining();
      while (buf.hasRemaining()) channel.write(buf);
      buf.clear();
    }

    void i8(int v) throws IOException {
      room(1);
      buf.put((byte) v);
    }

    void i32(int v) throws IOException {
      room(4);
      buf.putInt(v);
    }

    void i64(long v) throws IOException {
      room(8);
      buf.putLong(v);
    }

    void f64(double v) throws IOException {
      room(8);
      buf.putDouble(v);
    }

    /** A text, or null (length -1). */
    void str(String s) throws IOException {
      if (s == null) {
        i32(-1);
        return;
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length);
      bytes(b, b.length);
    }

    void bytes(byte[] a, int n) throws IOException {
      for (int off = 0; off < n; ) {
        room(1);
        int k = Math.min(n - off, buf.remaining());
        buf.put(a, off, k);
        off += k;
      }
    }

    void ints(int[] a, int n) throws IOException {
      for (int off = 0; off < n; ) {
        room(4);
        int k = Math.min(n - off, buf.remaining() / 4);
        buf.asIntBuffer().put(a, off, k);
        buf.position(buf.position() + 4 * k);
        off += k;
      }
    }

    void longs(long[] a, int n) throws IOException {
      for (int off = 0; off < n; ) {
        room(8);
        int k = Math.min(n - off, buf.remaining() / 8);
        buf.asLongBuffer().put(a, off, k);
        buf.position(buf.position() + 8 * k);
        off += k;
      }
    }

    void doubles(double[] a, int n) throws IOException {
      for (int off = 0; off < n; ) {
        room(8);
        int k = Math.min(n - off, buf.remaining() / 8);
        buf.asDoubleBuffer().put(a, off, k);
        buf.position(buf.position() + 8 * k);
        off += k;
      }
    }

    /** Ends the entry with the checksum of every byte before it; returns the entry's size. */
    long finish() throws IOException {
      flush();
      int sum = (int) crc.getValue();
      buf.putInt(sum).putInt(END).flip();
      written += buf.remaining();
      while (buf.hasRemaining()) channel.write(buf);
      buf.clear();
      return written;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Reads an entry whose checksum was found right; every length is checked against the bytes. */
  static final class In {
    private final ByteBuffer buf;

    /** Maps the file and checks its ends and checksum. */
    static In open(Path file) throws IOException, Corrupt {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        long size = ch.size();
        if (size < 12 || size > Integer.MAX_VALUE) throw new Corrupt("size " + size);
        ByteBuffer all =
            ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) size;
        if (all.getInt(0) != MAGIC || all.getInt(n - 4) != END) throw new Corrupt("ends");
        CRC32C crc = new CRC32C();
        crc.update(all.duplicate().position(0).limit(n - 8));
        if ((int) crc.getValue() != all.getInt(n - 8)) throw new Corrupt("checksum");
        // The mapping stays valid once the channel is closed (and if the file is evicted).
        return new In(all.position(4).limit(n - 8).slice().order(ByteOrder.LITTLE_ENDIAN));
      }
    }

    private In(ByteBuffer buf) {
      this.buf = buf;
    }

    private int count(int n, int width) throws Corrupt {
      if (n < 0 || (long) n * width > buf.remaining()) throw new Corrupt("length " + n);
      return n;
    }

    int i8() throws Corrupt {
      try {
        return buf.get();
      } catch (BufferUnderflowException e) {
        throw new Corrupt("short");
      }
    }

    int i32() throws Corrupt {
      try {
        return buf.getInt();
      } catch (BufferUnderflowException e) {
        throw new Corrupt("short");
      }
    }

    long i64() throws Corrupt {
      try {
        return buf.getLong();
      } catch (BufferUnderflowException e) {
        throw new Corrupt("short");
      }
    }

    double f64() throws Corrupt {
      try {
        return buf.getDouble();
      } catch (BufferUnderflowException e) {
        throw new Corrupt("short");
      }
    }

    /** A count written with {@link Out#i32}: not negative, and at most the bytes left. */
    int length() throws Corrupt {
      return count(i32(), 1);
    }

    String str() throws Corrupt {
      int n = i32();
      if (n == -1) return null;
      byte[] b = new byte[count(n, 1)];
      buf.get(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    byte[] bytes(int n) throws Corrupt {
      byte[] a = new byte[count(n, 1)];
      buf.get(a);
      return a;
    }

    int[] ints(int n) throws Corrupt {
      int[] a = new int[count(n, 4)];
      buf.asIntBuffer().get(a);
      buf.position(buf.position() + 4 * n);
      return a;
    }

    long[] longs(int n) throws Corrupt {
      long[] a = new long[count(n, 8)];
      buf.asLongBuffer().get(a);
      buf.position(buf.position() + 8 * n);
      return a;
    }

    double[] doubles(int n) throws Corrupt {
      double[] a = new double[count(n, 8)];
      buf.asDoubleBuffer().get(a);
      buf.position(buf.position() + 8 * n);
      return a;
    }

    /** Whether every byte was read: an entry with bytes left over was not written by this code. */
    boolean atEnd() {
      return !buf.hasRemaining();
    }
  }
}
