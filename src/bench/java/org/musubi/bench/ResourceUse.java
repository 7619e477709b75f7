package org.musubi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the run used: the largest heap in use (sampled every 50 ms), the process's peak resident
 * set (VmHWM), and the machine's load averages.
 */
final class ResourceUse implements AutoCloseable {

    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    ResourceUse() {
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (running) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** Peak resident set of this JVM (server and clients; PostgreSQL runs in its own processes). */
    static long peakRssBytes() {
        return status("self", "VmHWM:");
    }

    /** Peak resident set of another process of this machine (e.g. the server a benchmark started). */
    static long peakRssBytes(long pid) {
        return status(String.valueOf(pid), "VmHWM:");
    }

    /** User and system CPU time of a process of this machine so far (0 when it cannot be read). */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // clock ticks of 10 ms
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * User and system CPU time of each thread of a process so far, summed by the thread's name without its number
     * ({@code tomcat-handler-3} counts as {@code tomcat-handler}; a JVM's GC and compiler threads by their names).
     */
    static Map<String, Long> threadCpuNanos(long pid) {
        Map<String, Long> byName = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[-#]?\\d+$", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return byName;
        }
        return byName;
    }

    /** {@code after - before} per name, largest first, those of at least {@code min} nanoseconds. */
    static String threadCpuDelta(Map<String, Long> before, Map<String, Long> after, long min, int per) {
        return after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= min).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e6 / per))
                .collect(Collectors.joining(", "));
    }

    /**
     * User and system CPU time of a process and of its children so far: the live children's own and
     * what the process has collected from children that ended (PostgreSQL's postmaster and its backends).
     */
    static long treeCpuNanos(long root) {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (name.equals(String.valueOf(root)) || Long.parseLong(f[1]) == root) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                } catch (IOException e) {
                    // the process ended while the list was read: its time is now its parent's
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L; // clock ticks of 10 ms
    }

    /** "0.52 0.61 0.70": the 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long status(String process, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", process, "status")).stream().filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
