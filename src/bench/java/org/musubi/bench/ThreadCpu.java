package org.musubi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by what they do, from {@code /proc/self/task}: the import's reading and
 * storing threads, the thread that runs the import (walking the storage, matching patients), the garbage
 * collector, the JIT compilers, and the rest. Two snapshots give where an import's JVM time went (JFR and
 * sampling profilers see neither the collector's nor the compilers' threads). A thread that ended between
 * the snapshots is counted in no part, only in the process's total.
 */
final class ThreadCpu {

    static final String[] PARTS = {"reading", "storing", "importing", "collector", "compiler", "other"};

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU by part, so far, of the threads alive now; {@code importing} is the calling thread. */
    static Map<String, Long> snapshot() {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String part : PARTS) {
            parts.put(part, 0L);
        }
        String caller = Thread.currentThread().getName();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long nanos = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // clock ticks of 10 ms
                    parts.merge(part(name, caller), nanos, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while it was read
                }
            });
        } catch (IOException e) {
            return parts;
        }
        return parts;
    }

    /** The part a thread belongs to, by its name as the kernel has it (at most 15 characters). */
    static String part(String name, String caller) {
        if (name.startsWith("import-read")) {
            return "reading";
        }
        if (name.startsWith("import-store")) {
            return "storing";
        }
        if (caller.startsWith(name) || name.equals("java") || name.equals("DestroyJavaVM")) { // the main thread is "java" to the kernel
            return "importing";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
            return "collector";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "compiler";
        }
        return "other";
    }

    /** µs of CPU per record of each part between two snapshots, as one line. */
    static String perRecord(Map<String, Long> before, Map<String, Long> after, long records) {
        StringBuilder line = new StringBuilder();
        for (String part : PARTS) {
            double micros = (after.get(part) - before.get(part)) / 1e3 / Math.max(1, records);
            line.append(line.isEmpty() ? "" : ", ").append(part).append(' ').append(Math.round(micros));
        }
        return line.toString();
    }
}
