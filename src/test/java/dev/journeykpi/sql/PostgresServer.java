package dev.journeykpi.sql;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.PGConnection;

/**
 * A throw-away PostgreSQL server for the tests that run the postgres dialect's SQL for real: a new
 * cluster ({@code initdb}: UTF8, ctype C.UTF-8, trust on loopback) in a temporary directory,
 * started with {@code pg_ctl} on a free port, with durability off (fsync, full-page writes) since
 * nothing outlives the run. One server for the whole test run (started by the first class that
 * asks, stopped when the run ends), so each class pays only its own queries.
 *
 * <p>PostgreSQL refuses to run as root: as root (CI, these machines) the cluster is made and run as
 * the {@code postgres} user through {@code runuser}, its directory owned by that user. Where no
 * PostgreSQL binaries are found ({@code PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}
 * with N ≥ 15), the tests are skipped with that reason, never failed.
 */
public final class PostgresServer implements BeforeAllCallback {
  private static PostgresServer.Running running;
  private static String unavailable;

  /** The JDBC URL of the running server. */
  public static String url() {
    return running.url;
  }

  /** A new connection to the server's database. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(running.url, "kpi", "");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (PostgresServer.class) {
      if (running == null && unavailable == null) {
        try {
          running = start();
          System.err.printf("PostgresServer: initdb and start in %d ms%n", startMillis);
        } catch (Unavailable e) {
          unavailable = e.getMessage();
        }
      }
    }
    Assumptions.assumeTrue(unavailable == null, () -> "PostgreSQL not run: " + unavailable);
  }

  private static final class Unavailable extends Exception {
    Unavailable(String why) {
      super(why);
    }
  }

  private record Running(Path dir, Path bin, String url, List<String> asUser) {}

  /** Milliseconds taken by initdb + start, and by the stop, for the tests' timing notes. */
  static long startMillis;

  static long stopMillis;

  private static Path binaries() throws Unavailable {
    String env = System.getenv("PG_BIN");
    if (env != null && Files.isExecutable(Path.of(env, "initdb"))) return Path.of(env);
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path best =
            versions
                .filter(p -> p.getFileName().toString().matches("\\d+"))
                .filter(p -> Integer.parseInt(p.getFileName().toString()) >= 15)
                .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                .orElse(null);
        if (best != null) return best.resolve("bin");
      } catch (IOException e) {
        throw new Unavailable(e.getMessage());
      }
    }
    throw new Unavailable(
        "no PostgreSQL 15 or later found (PG_BIN, /usr/lib/postgresql/N/bin); on Debian:"
            + " apt-get install postgresql");
  }

  private static Running start() throws Exception {
    long t0 = System.nanoTime();
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> asUser = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
    Path dir = Files.createTempDirectory("kpi-pg");
    if (root) run(List.of("chown", "postgres", dir.toString()), List.of());
    Path data = dir.resolve("data");
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "-A",
            "trust",
            "-U",
            "kpi",
            "--no-sync"),
        asUser);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("log").toString(),
            "-w",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=localhost -c fsync=off -c full_page_writes=off"
                + " -c synchronous_commit=off",
            "start"),
        asUser);
    Running r = new Running(dir, bin, "jdbc:postgresql://localhost:" + port + "/postgres", asUser);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(r)));
    startMillis = (System.nanoTime() - t0) / 1_000_000;
    return r;
  }

  private static void stop(Running r) {
    long t0 = System.nanoTime();
    try {
      run(
          List.of(
              r.bin().resolve("pg_ctl").toString(),
              "-D",
              r.dir().resolve("data").toString(),
              "-m",
              "immediate",
              "stop"),
          r.asUser());
      try (Stream<Path> files = Files.walk(r.dir())) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    } catch (Exception e) {
      System.err.println("PostgresServer: could not stop: " + e.getMessage());
    }
    stopMillis = (System.nanoTime() - t0) / 1_000_000;
    System.err.printf(
        "PostgresServer: started in %d ms, stopped in %d ms%n", startMillis, stopMillis);
  }

  private static void run(List<String> command, List<String> asUser)
      throws IOException, InterruptedException, Unavailable {
    List<String> all = new ArrayList<>(asUser);
    all.addAll(command);
    Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
      throw new Unavailable(String.join(" ", all) + " failed: " + out.strip());
  }

  private static final Pattern COPY_FROM_FILE =
      Pattern.compile("(?s)^(COPY .*?) FROM '((?:[^']|'')*)' (\\(.*\\))$");

  /**
   * Runs one statement as psql's {@code \copy} would: a {@code COPY … FROM 'file'} reads the file
   * on this side and sends it to the server ({@code FROM STDIN}), so that the server need not see
   * the test's files; any other statement as it is.
   */
  public static void execute(Connection conn, String sql) throws SQLException, IOException {
    Matcher m = COPY_FROM_FILE.matcher(sql.strip());
    if (m.matches()) {
      Path file = Path.of(m.group(2).replace("''", "'"));
      try (InputStream in = Files.newInputStream(file)) {
        conn.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(m.group(1) + " FROM STDIN " + m.group(3), in);
      }
      return;
    }
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
  }
}
