package org.musubi.backup.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.musubi.backup.BackupContents;
import org.musubi.backup.BackupKey;
import org.musubi.backup.BackupRefused;
import org.musubi.messages.Texts;
import org.musubi.backup.VerifyBackup;
import org.musubi.database.SchemaMigrations;

/**
 * The parts of {@code backup} and {@code restore} that need no database: options, the key, and reading an
 * archive through ({@code backup verify}, and a restore's check before it starts the database).
 */
public final class BackupCommandLine {

    public static final String BACKUP_HELP = """
            Usage: musubi backup --to=<file> [--key-file=<file>] [settings]
                   musubi backup verify --from=<file> [--key-file=<file>]

            Writes the whole database (one consistent snapshot, taken while the server may go on working) and the
            files of the local blob store into one archive, compressed and encrypted (AES-256-GCM) with your key.
            The key is a passphrase of at least 16 characters, from --key-file (its first line) or the environment
            variable MUSUBI_BACKUP_KEY; never on the command line. Without the key the archive cannot be read:
            keep it safe, and apart from the archives. The TOTP secret key (MUSUBI_SECRET_KEY or data/secret.key)
            and your settings are NOT in the archive. An existing file is never overwritten.
            'backup verify' reads an archive through with the key and checks every part of it; it needs no database.
            Uses the same database settings as 'serve'. See docs/backup.md.
            Exit code: 0 done, 1 failed (nothing is left at --to), 2 usage error.
            """;

    public static final String RESTORE_HELP = """
            Usage: musubi restore --from=<file> [--key-file=<file>] [settings]

            Restores a backup into an EMPTY database: a new embedded data directory (e.g.
            --musubi.database.embedded.data-directory=./data-restored/postgres) or a new external database. The
            archive is first read through and checked; then the schema of the backup's version is created, every
            table, sequence and file is loaded in one transaction, every table is read back and compared with the
            backup (row counts and content digests) before it commits, the schema is brought up to this version,
            and the audit trail's hash chain is verified. A database that already holds data is refused untouched.
            Files go to the configured blob store (--musubi.blob.directory=...).
            Exit code: 0 restored, 1 refused or failed (the database is left as it was), 2 usage error.
            """;

    private BackupCommandLine() {
    }

    /** The key from {@code --key-file}, else from {@code MUSUBI_BACKUP_KEY}. */
    public static BackupKey key(Map<String, String> options, Function<String, String> environment) throws BackupRefused {
        if (options.containsKey("key-file")) {
            return BackupKey.fromFile(Path.of(options.get("key-file")));
        }
        String passphrase = environment.apply(BackupKey.ENVIRONMENT);
        if (passphrase == null || passphrase.isEmpty()) {
            throw new BackupRefused("backup.key.missing");
        }
        return BackupKey.of(passphrase);
    }

    /** {@code backup verify}: reads the archive through and prints what it holds. */
    public static int verify(Path archive, BackupKey key, PrintStream out, PrintStream err) {
        try {
            BackupContents contents = check(archive, key, out);
            say(out, "backup.cli.verified", archive, contents.manifest().tables().size(), contents.manifest().rows(),
                    contents.manifest().blobs(), contents.preamble().startedAt(), contents.preamble().schemaVersion(),
                    contents.preamble().musubiVersion());
            return 0;
        } catch (IOException e) {
            return failed(e, err);
        }
    }

    /**
     * Before a restore starts the database: the archive is whole and opens with the key, and this Musubi knows
     * its schema version.
     */
    public static BackupContents preflight(Path archive, BackupKey key, PrintStream out) throws IOException {
        BackupContents contents = check(archive, key, out);
        String latest = SchemaMigrations.latestInJar();
        if (SchemaMigrations.compare(contents.preamble().schemaVersion(), latest) > 0) {
            throw new BackupRefused("backup.restore.newerSchema", contents.preamble().schemaVersion(), latest);
        }
        return contents;
    }

    static BackupContents check(Path archive, BackupKey key, PrintStream out) throws IOException {
        say(out, "backup.cli.checking", archive);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
            return VerifyBackup.verify(in, key);
        } catch (NoSuchFileException e) {
            throw new BackupRefused("backup.cli.noFile", archive);
        }
    }

    /** Prints a failure in both languages; exit code 1. */
    public static int failed(Exception e, PrintStream err) {
        err.println("musubi: " + (e instanceof BackupRefused refused ? refused.bilingual() : e.getMessage()));
        return 1;
    }

    /** A line in Japanese, then in English. */
    static void say(PrintStream out, String key, Object... args) {
        out.println(Texts.japanese(key, args));
        out.println(Texts.english(key, args));
    }

    static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0);
    }
}
