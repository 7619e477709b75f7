package org.musubi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.musubi.Musubi;
import org.musubi.database.OwnerDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Musubi with its web server on a random port and its embedded PostgreSQL in {@code directory}:
 * a fresh temporary one ({@code /tmp/musubi-bench*}, deleted on close) or one the caller keeps
 * between runs. No demo data.
 */
final class RecordBenchServer implements AutoCloseable {

    private final Path directory;
    private final boolean temporary;
    private final ConfigurableApplicationContext context;

    private RecordBenchServer(Path directory, boolean temporary, ConfigurableApplicationContext context) {
        this.directory = directory;
        this.temporary = temporary;
        this.context = context;
    }

    /** Starts on {@code directory}, or on a fresh temporary directory when it is {@code null}. */
    static RecordBenchServer start(Path directory) throws IOException {
        return start(directory, true);
    }

    /**
     * As {@link #start(Path)}; without {@code web}, as the command line runs Musubi ({@code musubi import}):
     * no web server, and so no FHIR validator built in the background.
     */
    static RecordBenchServer start(Path directory, boolean web) throws IOException {
        boolean temporary = directory == null;
        Path data = temporary ? Files.createTempDirectory("musubi-bench") : Files.createDirectories(directory);
        return new RecordBenchServer(data, temporary, new SpringApplicationBuilder(Musubi.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties("musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                        "musubi.security.secret-key-file=" + data.resolve("secret.key"), "musubi.demo.enabled=false",
                        "musubi.ingest.watch=false", "logging.level.root=WARN", "logging.structured.format.console=")
                .run("--server.port=0"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    DataSource app() {
        return bean(DataSource.class);
    }

    DataSource owner() {
        return bean(OwnerDatabase.class).dataSource();
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        context.close();
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
