package org.musubi.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.musubi.Musubi;
import org.musubi.database.OwnerDatabase;
import org.musubi.identity.Person;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Musubi with its embedded PostgreSQL in a fresh temporary directory ({@code /tmp/musubi-bench*},
 * deleted on close), without demo data or web server, and the loading of a synthetic population
 * with its blocking keys by COPY, for the benchmarks that go through the database.
 */
final class BenchDatabase implements AutoCloseable {

    private static final int CHUNK = 50_000;
    private final Path directory;
    private final ConfigurableApplicationContext context;

    private BenchDatabase(Path directory, ConfigurableApplicationContext context) {
        this.directory = directory;
        this.context = context;
    }

    static BenchDatabase start() throws IOException {
        Path data = Files.createTempDirectory("musubi-bench");
        return new BenchDatabase(data, new SpringApplicationBuilder(Musubi.class)
                .web(WebApplicationType.NONE)
                .properties("musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                        "musubi.security.secret-key-file=" + data.resolve("secret.key"), "musubi.demo.enabled=false",
                        "logging.level.root=WARN", "logging.structured.format.console=")
                .run());
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
        long[] ids = new long[count];
        List<Person> chunk = new ArrayList<>();
        int loaded = 0;
        try (Stream<Person> persons = new SyntheticNetworkGenerator().persons(seed, count, prefecture)) {
            for (Iterator<Person> it = persons.iterator(); it.hasNext(); ) {
                chunk.add(it.next());
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    copy(chunk, ids, loaded);
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

    private void copy(List<Person> chunk, long[] ids, int offset) throws Exception {
        StringBuilder persons = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        Map<String, Integer> positions = new HashMap<>();
        for (Person p : chunk) {
            positions.put(p.regionalId(), offset + positions.size());
            persons.append(p.regionalId()).append('\t').append(p.familyKanji()).append('\t')
                    .append(p.givenKanji()).append('\t').append(p.familyKana()).append('\t').append(p.givenKana())
                    .append('\t').append(p.sex()).append('\t').append(p.birthDate()).append('\t')
                    .append(nullable(p.postalCode())).append('\t').append(nullable(p.address())).append('\t')
                    .append(nullable(p.phone())).append('\n');
            for (String key : BlockingKeys.of(Demographics.of(p))) {
                keys.append(key).append('\t').append(p.regionalId()).append('\n');
            }
        }
        try (Connection connection = bean(DataSource.class).getConnection(); Statement sql = connection.createStatement()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long before = max(sql);
            copy.copyIn("COPY person (regional_id, family_kanji, given_kanji, family_kana, given_kana, sex, birth_date,"
                    + " postal_code, address, phone) FROM STDIN", new StringReader(persons.toString()));
            sql.execute("CREATE TEMP TABLE staged_key (key text, regional_id text)");
            copy.copyIn("COPY staged_key (key, regional_id) FROM STDIN", new StringReader(keys.toString()));
            sql.execute("INSERT INTO person_match_key (key, person_id) SELECT s.key, p.id "
                    + "FROM staged_key s JOIN person p ON p.regional_id = s.regional_id ON CONFLICT DO NOTHING");
            sql.execute("DROP TABLE staged_key");
            try (ResultSet rows = sql.executeQuery("SELECT id, regional_id FROM person WHERE id > " + before)) {
                while (rows.next()) {
                    ids[positions.get(rows.getString(2))] = rows.getLong(1);
                }
            }
        }
    }

    private static long max(Statement sql) throws Exception {
        try (ResultSet max = sql.executeQuery("SELECT coalesce(max(id), 0) FROM person")) {
            max.next();
            return max.getLong(1);
        }
    }

    private static String nullable(String text) {
        return text == null ? "\\N" : text.replace("\t", " ").replace("\n", " ");
    }

    @Override
    public void close() {
        context.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
