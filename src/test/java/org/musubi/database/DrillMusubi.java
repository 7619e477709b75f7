package org.musubi.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.musubi.Musubi;
import org.musubi.testing.TestPasswordHashing;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the standby drills share: the embedded binaries (unpacked if needed, or the drill skipped), a primary with the
 * application's role, Musubi started against a drill database (on the primary with the demo network, on a standby
 * without), and the records of an audit spool.
 */
final class DrillMusubi {

    static final String APP_PASSWORD = "drill-app";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DrillMusubi() {
    }

    /** A fresh {@code root} with a primary in it (and the application's role), or the test skipped without binaries. */
    static DrillPostgres primary(Path root, int port) throws Exception {
        Optional<Path> bin = DrillPostgres.binaries();
        if (bin.isEmpty()) {
            // The embedded library unpacks its binaries when it first starts a cluster.
            DrillPostgres.deleteRecursively(root);
            EmbeddedPostgres.builder()
                    .setDataDirectory(root.resolve("unpack")).start().close();
            bin = DrillPostgres.binaries();
        }
        Assumptions.assumeTrue(bin.isPresent(), "Standby drill skipped: the embedded PostgreSQL binaries (initdb, pg_ctl,"
                + " postgres) were not found under " + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
        DrillPostgres.deleteRecursively(root);
        Files.createDirectories(root);
        DrillPostgres primary = DrillPostgres.primary(bin.get(), root.resolve("primary"), port);
        primary.execute("CREATE ROLE musubi_app LOGIN PASSWORD '" + APP_PASSWORD + "'");
        return primary;
    }

    /** Musubi against a drill database: on the primary with the demo network, on a standby without. */
    static ConfigurableApplicationContext musubi(Path root, DrillPostgres database, boolean onPrimary, Path spool) {
        return new SpringApplicationBuilder(Musubi.class, TestPasswordHashing.class).run(
                "--server.port=0",
                "--musubi.database.url=" + database.url(),
                "--musubi.database.user=musubi_app",
                "--musubi.database.password=" + APP_PASSWORD,
                "--musubi.database.owner-user=postgres",
                "--musubi.database.owner-password=" + DrillPostgres.SUPERUSER_PASSWORD,
                "--musubi.database.pool-size=8",
                "--musubi.database.standby-check=2s",
                "--musubi.disaster.refresh-interval=1s",
                "--musubi.demo.enabled=" + onPrimary,
                "--musubi.demo.import-persons=0",
                "--musubi.ingest.watch=" + !onPrimary,
                "--musubi.security.ip-max-failures=40",
                "--musubi.security.secret-key-file=" + root.resolve("secret.key"),
                "--musubi.blob.directory=" + root.resolve("blobs"),
                "--musubi.ingest.upload-directory=" + root.resolve("uploads"),
                "--musubi.audit.spool-directory=" + spool,
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The records in the spool of {@code directory}, in order (the header line left out). */
    static List<JsonNode> spooled(Path directory) throws Exception {
        List<String> lines = Files.readAllLines(directory.resolve("audit-spool.jsonl"));
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    /** The spool's id (its first line). */
    static String spoolId(Path directory) throws Exception {
        return JSON.readTree(Files.readAllLines(directory.resolve("audit-spool.jsonl")).getFirst()).get("spool").asString();
    }

    static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
