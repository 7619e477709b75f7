package org.musubi.ingest;

import org.musubi.testing.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.musubi.registry.Facility;
import org.musubi.testing.ChildJvms;
import org.musubi.testing.EmbeddedClusters;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash drills' importers: {@code musubi import <kind>} in a child JVM against the test's PostgreSQL as an external
 * database, each child's output in its own log; and the wait until a child's batch has seen some records.
 */
final class ImportChildren {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Path logs;
    private int children;

    ImportChildren(JdbcClient jdbc, DataSource dataSource, Path logs) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.logs = logs;
    }

    /** Starts {@code musubi import <kind> <folder>} for the facility (source "crash-drill"). */
    Process start(String kind, Path folder, Facility facility) throws IOException {
        return start(ChildJvms.java("-Xmx512m"), kind, folder, facility);
    }

    /** The same for a child the drill means to kill with SIGKILL ({@link ChildJvms#javaToKill}). */
    Process startToKill(String kind, Path folder, Facility facility) throws IOException {
        return start(ChildJvms.javaToKill("-Xmx512m"), kind, folder, facility);
    }

    private Process start(List<String> java, String kind, Path folder, Facility facility) throws IOException {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of("org.musubi.Musubi", "import", kind, folder.toString(), "--facility=" + facility.code().value(), "--source=crash-drill",
                "--musubi.security.secret-key-file=" + TestDirs.arg("it-secret.key"),
                // The shared test database is in demo mode: a command outside demo mode would disable its demo accounts.
                "--musubi.demo.enabled=true"));
        ProcessBuilder builder = new ProcessBuilder(command);
        EmbeddedClusters.shareWith(builder, dataSource);
        builder.redirectErrorStream(true);
        builder.redirectOutput(logs.resolve("child-" + (++children) + ".log").toFile());
        return ChildJvms.start(builder);
    }

    /** What the last child started wrote. */
    String lastOutput() throws IOException {
        return Files.readString(logs.resolve("child-" + children + ".log"));
    }

    /** Waits until the child's batch has seen {@code records} records (true), or the child ended first (false). */
    boolean waitForProgress(Facility facility, Process child, int records) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!child.isAlive()) {
                return false;
            }
            long seen = jdbc.sql("""
                    SELECT coalesce(max(b.records_seen), 0) FROM import_batch b JOIN import_source s ON s.id = b.source_id
                    WHERE s.facility_id = ? AND b.status = 'RUNNING'""").param(facility.id()).query(Long.class).single();
            if (seen >= records) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
