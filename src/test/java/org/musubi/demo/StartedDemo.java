package org.musubi.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.musubi.testing.TestDirs;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A test class run against the demo as a newcomer starts it ({@link DemoServer#start}): the server on an empty data
 * directory, seeded before the first test. One such demo serves every class of this kind in a test JVM (the tours and
 * screens read it, or change what no other class counts: each that counts something counts it from the tables at the
 * time); it stops when the JVM ends. Starting and seeding a demo costs 30–50 s of a CI core, once instead of five
 * times. A class whose tests count what the others' visits change (what a user has not opened yet) takes the shared
 * demo only as its first visitor, else starts its own ({@link #unvisitedDemo}); {@link DemoResetIT} and the disaster
 * tour, which change the demo as a whole, start their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StartedDemo {

    private static ConfigurableApplicationContext shared;

    /** The running demo server. */
    protected ConfigurableApplicationContext server;
    /** Its HTTP port. */
    protected int port;

    /** Whether the class needs a demo of its own: its tests count what the other classes' visits change. */
    protected boolean ownDemo() {
        return false;
    }

    /**
     * Whether the class needs a demo nobody has visited yet: it takes the JVM's shared demo when it is the first class
     * to ask for it (just seeded; {@link SharedDemoSuiteIT} runs such a class first), else it starts its own.
     */
    protected boolean unvisitedDemo() {
        return false;
    }

    /** Whether this class started a demo it stops. */
    private boolean owned;

    @BeforeAll
    void startFromAnEmptyDataDirectory() throws InterruptedException {
        owned = ownDemo() || unvisitedDemo() && !firstVisit();
        server = owned ? own() : demo();
        port = DemoServer.port(server);
    }

    @AfterAll
    void stopOwn() {
        if (owned && server != null) {
            server.close();
        }
    }

    /** Whether the shared demo is still unvisited: not started yet, so that this class is its first visitor. */
    private static synchronized boolean firstVisit() {
        return shared == null;
    }

    private ConfigurableApplicationContext own() throws InterruptedException {
        return DemoServer.start(fresh(getClass().getSimpleName()));
    }

    private static Path fresh(String name) {
        Path data = TestDirs.of("started-demo-" + name);
        try {
            FileSystemUtils.deleteRecursively(data);
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    private static synchronized ConfigurableApplicationContext demo() throws InterruptedException {
        if (shared == null || !shared.isActive()) {
            shared = DemoServer.start(fresh("shared"));
            ConfigurableApplicationContext started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "started-demo-stop"));
        }
        return shared;
    }
}
