package dev.cartflow.jdbi;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time per operation of each side of a load run, for {@link LoadDriver}: the client (this JVM,
 * or pgbench) and the PostgreSQL server (the postmaster and its backends, read from
 * {@code /proc}). On two shared cores throughput is about the cores divided by client plus server
 * CPU per operation, so these figures say what a gap to pgbench is made of, and they move far less
 * with the machine's other load than throughput does. The server side is only known for a server
 * on this host; otherwise it reads as absent.
 *
 * <p>The JVM's CPU is split by thread, from {@code /proc/self/task}: the JIT compiler threads, the
 * garbage collector's and VM threads, and the rest (the workers and the pool). pgbench compiles
 * nothing at run time; a JVM whose JIT is still compiling during a run pays for it there, so the
 * split tells the engine's own work from the warm-up left over.
 */
final class CpuUsage {
    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ, 100 on Linux
    private final int postmaster;
    private final List<String> rows = new ArrayList<>();

    private CpuUsage(int postmaster) {
        this.postmaster = postmaster;
    }

    /** Accounting for the server behind {@code connection} (its backend's parent is the postmaster). */
    static CpuUsage of(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long[] backend = stat(rs.getInt(1));
            return new CpuUsage(backend == null ? -1 : (int) backend[0]);
        }
    }

    /**
     * Runs a load run of this JVM and records its CPU per operation.
     *
     * @param run returns the run's report row, whose third column is operations per second
     * @return the row
     */
    String engine(String tool, int workers, int seconds, Supplier<String> run) {
        long jvm = jvmNanos();
        long[] threads = jvmThreadNanos();
        long server = serverNanos();
        String row = run.get();
        long[] threadsAfter = jvmThreadNanos();
        record(tool, workers, seconds, row, jvmNanos() - jvm, server < 0 ? -1 : serverNanos() - server,
                threads[0] < 0 || threadsAfter[0] < 0 ? -1 : threadsAfter[0] - threads[0],
                threads[1] < 0 || threadsAfter[1] < 0 ? -1 : threadsAfter[1] - threads[1]);
        return row;
    }

    /** Runs a load run of an external client whose own CPU time {@code clientNanos} tells afterwards (-1: unknown). */
    String external(String tool, int workers, int seconds, Supplier<String> run, LongSupplier clientNanos) {
        int before = children();
        long server = serverNanos();
        String row = run.get();
        awaitChildren(before);
        record(tool, workers, seconds, row, clientNanos.getAsLong(), server < 0 ? -1 : serverNanos() - server, -1, -1);
        return row;
    }

    /** The table of what was recorded. */
    List<String> report() {
        List<String> out = new ArrayList<>();
        out.add(String.format("%-8s %-8s %14s %14s %14s   %s", "tool", "workers", "client us/op", "server us/op",
                "total us/op", "client: JIT + GC/VM threads + the rest"));
        out.addAll(rows);
        return out;
    }

    private void record(String tool, int workers, int seconds, String row, long clientNanos, long serverNanos,
                        long jitNanos, long gcNanos) {
        double ops = Double.parseDouble(row.trim().split("\\s+")[2]) * seconds;
        if (ops <= 0) {
            return;
        }
        double client = clientNanos < 0 ? Double.NaN : clientNanos / ops / 1e3;
        double server = serverNanos < 0 ? Double.NaN : serverNanos / ops / 1e3;
        String split = "";
        if (jitNanos >= 0 && clientNanos >= 0) {
            double jit = jitNanos / ops / 1e3;
            double gc = gcNanos / ops / 1e3;
            split = String.format("   %.1f + %.1f + %.1f", jit, gc, client - jit - gc);
        }
        rows.add(String.format("%-8s %-8d %14.1f %14.1f %14.1f%s", tool, workers, client, server, client + server,
                split));
    }

    /**
     * CPU of this JVM's live threads so far: the JIT compiler threads', and the garbage collector's
     * and VM threads'. Threads that exited are not counted here (the workers do; these do not).
     */
    static long[] jvmThreadNanos() {
        long jit = 0;
        long gc = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                String text;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                    text = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread exited meanwhile
                }
                String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (name.contains("CompilerThre")) {
                    jit += ticks;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
        return new long[] {(long) (jit * NANOS_PER_TICK), (long) (gc * NANOS_PER_TICK)};
    }

    private static long jvmNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Waits (at most 5 s) until the backends of an external client have exited: the postmaster
     * counts a backend's CPU among its reaped children's only once it has exited, so reading
     * earlier would lose the client's server time (it did: pgbench at 1 worker read as 3 us/op).
     */
    private void awaitChildren(int before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (postmaster >= 0 && children() > before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The number of the postmaster's live children (backends and its own helpers). */
    private int children() {
        if (postmaster < 0) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    long[] child = stat(Integer.parseInt(name));
                    count += child != null && child[0] == postmaster ? 1 : 0;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return count;
    }

    /** The postmaster's own and its reaped children's CPU, plus that of its live children; -1 when unknown. */
    private long serverNanos() {
        if (postmaster < 0) {
            return -1;
        }
        long[] own = stat(postmaster);
        if (own == null) {
            return -1;
        }
        long ticks = own[1] + own[2];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] child = stat(Integer.parseInt(name));
                if (child != null && child[0] == postmaster) {
                    ticks += child[1];
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return (long) (ticks * NANOS_PER_TICK);
    }

    /**
     * From {@code /proc/<pid>/stat}: the parent, own user+system ticks, reaped children's ticks; null
     * when the process is not visible.
     */
    private static long[] stat(int pid) {
        try {
            String text = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            // the command name may hold spaces: fields are counted after its closing parenthesis
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long parent = Long.parseLong(f[1]);
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long children = Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return new long[] {parent, own, children};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
