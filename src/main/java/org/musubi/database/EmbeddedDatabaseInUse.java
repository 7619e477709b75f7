package org.musubi.database;

import java.nio.file.Path;

/**
 * The embedded database's data directory is held by a live PostgreSQL, nearly always the one of a running Musubi
 * server: a second server, {@code demo reset}, {@code restore} and every other command that needs the database must
 * wait until that server is stopped. Its message is the one line a person reads (Japanese, then English).
 */
public final class EmbeddedDatabaseInUse extends IllegalStateException {

    private final Path dataDirectory;
    private final long pid;

    public EmbeddedDatabaseInUse(Path dataDirectory, long pid) {
        super("組み込みデータベース（" + dataDirectory.toAbsolutePath() + "）は別のプロセス（PostgreSQL pid " + pid
                + "、たぶん起動中の結びのサーバ）が使用中です。先にサーバを停止してください / The embedded database in "
                + dataDirectory.toAbsolutePath() + " is in use by another process (PostgreSQL pid " + pid
                + "), probably a running Musubi server. Stop it first, or use its admin screens");
        this.dataDirectory = dataDirectory;
        this.pid = pid;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public long pid() {
        return pid;
    }
}
