package org.musubi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Per-class test times of every run, unit tests and integration tests alike: each test JVM writes
 * {@code target/test-times/<tier>-<pid>.tsv} (class, seconds, tests; slowest first; a first comment line with the JVM's
 * sum), so that after a run the critical path is read at a glance: the integration tests' two JVMs each take the next
 * class when free, and the JVM with the most seconds is the one the build waits for. Registered with the JUnit
 * Platform by {@code META-INF/services}; the tier ({@code unit}, {@code fuzz}, {@code it}) and the folder are system
 * properties pom.xml sets ({@code musubi.test.tier}, {@code musubi.test.times}). A class's seconds run from its start to
 * its end, so the first class of a JVM carries the start of the Spring context it builds; a suite's line
 * ({@code SharedDemoSuiteIT}) holds its member classes', which have lines of their own.
 */
public final class TestTimes implements TestExecutionListener {

    /** Per class, over every test plan of this JVM (Surefire runs a plan per class it hands one of several JVMs). */
    private static final Map<String, Row> ROWS = new ConcurrentHashMap<>();
    private static final Map<String, Long> STARTED = new ConcurrentHashMap<>();

    private TestPlan plan;

    private static final class Row {
        private long nanos;
        private int tests;
        private volatile boolean suite;

        synchronized void add(long nanos, int tests) {
            this.nanos += nanos;
            this.tests += tests;
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        topLevelClass(test).ifPresent(name -> STARTED.put(test.getUniqueId(), System.nanoTime()));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Long started = STARTED.remove(test.getUniqueId());
        Optional<String> name = topLevelClass(test);
        if (started != null && name.isPresent()) {
            row(name.get()).add(System.nanoTime() - started, 0);
            // a class run inside another class's container: that one is a suite (its time is its members')
            Optional<String> outer = enclosingClass(parent(test)).filter(o -> !o.equals(name.get()));
            outer.ifPresent(o -> row(o).suite = true);
            if (outer.isEmpty()) {
                write(); // after each class, so that a JVM given all its classes in one plan shows them as it goes
            }
        }
        if (test.isTest()) {
            enclosingClass(Optional.of(test)).ifPresent(n -> row(n).add(0, 1));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        write();
        plan = null;
    }

    private static Row row(String name) {
        return ROWS.computeIfAbsent(name, n -> new Row());
    }

    /** The class of a class's container, a nested class's left out (its time is in its outer class's). */
    private static Optional<String> topLevelClass(TestIdentifier test) {
        return className(test).filter(name -> !name.contains("$"));
    }

    private static Optional<String> className(TestIdentifier test) {
        return test.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName());
    }

    private Optional<TestIdentifier> parent(TestIdentifier test) {
        return plan == null ? Optional.empty() : plan.getParent(test);
    }

    /** The top-level class of the nearest container from {@code at} up that is a class's. */
    private Optional<String> enclosingClass(Optional<TestIdentifier> at) {
        while (at.isPresent()) {
            Optional<String> name = className(at.get());
            if (name.isPresent()) {
                String className = name.get();
                return Optional.of(className.contains("$") ? className.substring(0, className.indexOf('$')) : className);
            }
            at = parent(at.get());
        }
        return Optional.empty();
    }

    private static synchronized void write() {
        String tier = System.getProperty("musubi.test.tier", "tests");
        Path folder = Path.of(System.getProperty("musubi.test.times", "target/test-times"));
        List<Map.Entry<String, Row>> rows = ROWS.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Row> e) -> e.getValue().nanos).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
        long sum = 0;
        int tests = 0;
        StringBuilder body = new StringBuilder("class\tseconds\ttests\n");
        for (Map.Entry<String, Row> entry : rows) {
            Row row = entry.getValue();
            if (!row.suite) {
                sum += row.nanos;
            }
            tests += row.tests;
            body.append(entry.getKey()).append('\t').append(seconds(row.nanos)).append('\t').append(row.tests).append('\n');
        }
        String head = "# " + tier + " JVM " + ProcessHandle.current().pid() + ": " + seconds(sum) + " s in "
                + rows.size() + " classes (suites not counted twice), " + tests + " tests\n";
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(tier + "-" + ProcessHandle.current().pid() + ".tsv"), head + body,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("test times not written to " + folder + ": " + e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
