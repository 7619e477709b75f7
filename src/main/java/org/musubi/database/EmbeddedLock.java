package org.musubi.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One embedded cluster, one Musubi process. PostgreSQL's own lock file names the postmaster that
 * holds the data directory; if that process is alive, starting a second one is refused with a
 * message a person can act on (a stale file left by a crash is ignored, as PostgreSQL does).
 */
final class EmbeddedLock {

    private EmbeddedLock() {
    }

    static void refuseIfInUse(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new EmbeddedDatabaseInUse(dataDirectory, pid);
        }
    }
}
