package org.musubi.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The threads a Spring context started and left running after it closed. A thread left behind whose task holds a bean
 * keeps the whole closed context from being collected: an integration test JVM that starts Musubi in-process many times
 * (the standby drills, the demo's tours) then fills its heap with dead contexts and slows every later test.
 */
public final class ContextThreads {

    /**
     * Threads of the JDK and of libraries, started once per JVM on first use, not by a context (ForkJoinPool-N-worker: the
     * virtual threads' carriers; Cleaner-N: a java.lang.ref.Cleaner, which holds nothing strongly).
     */
    private static final Pattern JVM_WIDE = Pattern.compile("process reaper.*|Common-Cleaner|Attach Listener"
            + "|ForkJoinPool\\.commonPool-worker-\\d+|ForkJoinPool-\\d+-worker-\\d+|Cleaner-\\d+"
            + "|HttpClient-\\d+-SelectorManager|Keep-Alive-Timer"
            + "|PostgreSQL-JDBC-Cleaner|InnocuousThread-\\d+|JFR .*|Signal Dispatcher|Notification Thread"
            + "|SpringApplicationShutdownHook|Catalina-utility-\\d+|container-\\d+");

    /** A worker of a {@code java.net.http.HttpClient}: its pool starts one when needed, under the client's number. */
    private static final Pattern CLIENT_WORKER = Pattern.compile("HttpClient-(\\d+)-Worker-\\d+");
    /** A client's selector thread, alive as long as the client. */
    private static final Pattern CLIENT_SELECTOR = Pattern.compile("HttpClient-(\\d+)-SelectorManager");

    private final Set<Thread> before;
    /** The numbers of the HTTP clients alive before (each has its selector thread while it lives). */
    private final Set<String> clientsBefore;

    private ContextThreads(Set<Thread> before) {
        this.before = before;
        this.clientsBefore = before.stream().map(t -> CLIENT_SELECTOR.matcher(t.getName())).filter(Matcher::matches)
                .map(m -> m.group(1)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the thread is a worker of an HTTP client that was alive before the context started (the test's own
     * context's Orthanc client, polling beside it): started meanwhile, but not the closed context's.
     */
    private boolean olderClientsWorker(String name) {
        var worker = CLIENT_WORKER.matcher(name);
        return worker.matches() && clientsBefore.contains(worker.group(1));
    }

    /** The threads alive now, before the context starts. */
    public static ContextThreads before() {
        return new ContextThreads(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /**
     * The names of threads started since {@link #before()} and still alive, once up to {@code grace} has passed for them
     * to end (a thread asked to stop finishes its current step first).
     */
    public List<String> leftRunning(Duration grace) throws InterruptedException {
        Instant deadline = Instant.now().plus(grace);
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t) && !JVM_WIDE.matcher(t.getName()).matches()
                            && !olderClientsWorker(t.getName()))
                    .map(Thread::getName).sorted().toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return left;
    }
}
