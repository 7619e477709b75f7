package org.musubi.demo;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A test class run against the demo as a newcomer starts it ({@link DemoServer#start}): the server on an empty data
 * directory of the class's own, seeded before the first test and stopped after the last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StartedDemo {

    @TempDir
    static Path data;
    /** The running demo server. */
    protected ConfigurableApplicationContext server;
    /** Its HTTP port. */
    protected int port;

    @BeforeAll
    void startFromAnEmptyDataDirectory() throws InterruptedException {
        server = DemoServer.start(data);
        port = DemoServer.port(server);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }
}
