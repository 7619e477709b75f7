package org.musubi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.musubi.Musubi;
import org.musubi.database.OwnerDatabase;
import org.musubi.identity.Person;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Musubi with its embedded PostgreSQL in a fresh temporary directory ({@code /tmp/musubi-bench*},
 * deleted on close) or in a directory kept for the next run, without demo data or web server, and
 * the loading of a synthetic population with its blocking keys by COPY, for the benchmarks that go
 * through the database.
 */
final class BenchDatabase implements AutoCloseable {

    private static final int CHUNK = 50_000;
    private final Path directory;
    private final boolean kept;
    private final ConfigurableApplicationContext context;

    private BenchDatabase(Path directory, boolean kept, ConfigurableApplicationContext context) {
        this.directory = directory;
        this.kept = kept;
        this.context = context;
    }

    static BenchDatabase start() throws IOException {
        return start(null, false, 0);
    }

    /**
     * Musubi on the cluster in {@code kept/postgres} (null: a fresh temporary directory, deleted on close), never
     * deleted on close; {@code fresh}: its cluster wiped first. {@code port}: PostgreSQL's port on 127.0.0.1 (0: a free
     * one), for a look with psql while the benchmark holds it (the superuser's password is in
     * {@code postgres.passwords} beside the cluster).
     */
    static BenchDatabase start(Path kept, boolean fresh, int port) throws IOException {
        Path data = kept == null ? Files.createTempDirectory("musubi-bench") : Files.createDirectories(kept);
        return new BenchDatabase(data, kept != null, new SpringApplicationBuilder(Musubi.class)
                .web(WebApplicationType.NONE)
                .properties("musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                        "musubi.database.embedded.clean-on-start=" + (kept != null && fresh),
                        "musubi.database.embedded.port=" + port,
                        "musubi.security.secret-key-file=" + data.resolve("secret.key"),
                        "musubi.blob.directory=" + data.resolve("blobs"), "musubi.demo.enabled=false",
                        "logging.level.root=WARN", "logging.structured.format.console=")
                .run());
    }

    /** The temporary directory: the cluster in {@code postgres/}, blobs in {@code blobs/}, the key {@code secret.key}. */
    Path directory() {
        return directory;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Loads {@code persons(seed, count, prefecture)} with their blocking keys by COPY, in chunks of
     * {@value #CHUNK}, then vacuums and analyses the tables as the schema owner (as autovacuum would
     * in time); returns each person's database id by index.
     */
    long[] loadPersons(long seed, int count, int prefecture) throws Exception {
        return loadPersons(seed, count, prefecture, true);
    }

    /** As {@link #loadPersons(long, int, int)}; {@code keys}: with their blocking keys (a count needs none). */
    long[] loadPersons(long seed, int count, int prefecture, boolean keys) throws Exception {
        long[] ids = new long[count];
        List<Person> chunk = new ArrayList<>();
        int loaded = 0;
        try (Stream<Person> persons = new SyntheticNetworkGenerator().persons(seed, count, prefecture)) {
            for (Iterator<Person> it = persons.iterator(); it.hasNext(); ) {
                chunk.add(it.next());
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    copy(chunk, ids, loaded, keys);
                    loaded += chunk.size();
                    chunk.clear();
                    System.out.printf(Locale.ROOT, "  ... %,d persons%n", loaded);
                }
            }
        }
        try (Connection connection = bean(OwnerDatabase.class).dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("VACUUM ANALYZE person");
            sql.execute("VACUUM ANALYZE person_match_key");
        }
        return ids;
    }

    private void copy(List<Person> chunk, long[] ids, int offset, boolean keys) throws Exception {
        try (Connection connection = bean(DataSource.class).getConnection()) {
            PersonCopy.copy(connection, chunk, ids, offset, keys);
        }
    }

    @Override
    public void close() {
        context.close();
        if (kept) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
