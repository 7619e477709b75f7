package org.musubi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an integration test JVM keeps its files: {@code target/} when run alone, {@code target/it-fork-N/} when
 * failsafe runs the integration tests in several JVMs at once (the pom sets {@code musubi.it.dir} per fork), so that
 * each JVM has its own embedded cluster, blob store, keys and drills. {@link MusubiIntegrationTest} reads the same
 * property through placeholders.
 */
public final class TestDirs {

    /** The system property failsafe sets per fork. */
    public static final String PROPERTY = "musubi.it.dir";

    private TestDirs() {
    }

    /** This JVM's directory for test files. */
    public static Path root() {
        Path root = Path.of(System.getProperty(PROPERTY, "target"));
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path under this JVM's directory. */
    public static Path of(String first, String... more) {
        return root().resolve(Path.of(first, more));
    }

    /** The same path as a command-line value for a child server. */
    public static String arg(String first, String... more) {
        return of(first, more).toString();
    }
}
