package org.musubi.backup.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.backup.BackupContents;
import org.musubi.backup.BackupKey;
import org.musubi.backup.BackupRefused;
import org.musubi.backup.TakeBackup;
import org.springframework.stereotype.Component;

/**
 * {@code musubi backup --to=<file>}: writes the archive to {@code <file>.partial}, readable by its owner only,
 * flushes it to the disk and only then gives it its name; a failed backup leaves nothing under that name. The
 * audit trail of the live database records the backup (after its snapshot, so the row is not in the archive).
 */
@Component
public class BackupCommand {

    private final TakeBackup backups;
    private final Audit audit;

    BackupCommand(TakeBackup backups, Audit audit) {
        this.backups = backups;
        this.audit = audit;
    }

    public int run(Path target, BackupKey key, PrintStream out, PrintStream err) {
        Instant start = Instant.now();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            if (Files.exists(target)) {
                throw new BackupRefused("backup.target.exists", target);
            }
            BackupContents contents;
            try (OutputStream file = new BufferedOutputStream(create(partial), 1 << 16)) {
                contents = backups.take(file, key, table -> out.printf("  %s: %,d rows%n", table.name(), table.rows()));
            }
            try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            var manifest = contents.manifest();
            audit.record(AuditEntry.of(AuditAction.BACKUP, Outcome.PERMIT).on("Database").by(Actor.system("cli backup"))
                    .reason("backup " + target.getFileName() + ": schema " + contents.preamble().schemaVersion() + ", "
                            + manifest.tables().size() + " tables, " + manifest.rows() + " rows, " + manifest.blobs() + " files, "
                            + manifest.parts() + " kept parts"));
            if (!contents.preamble().blobsIncluded()) {
                BackupCommandLine.say(out, "backup.cli.noFiles");
            } else if (!contents.preamble().partPrefixes().isEmpty()) {
                BackupCommandLine.say(out, "backup.cli.parts", manifest.parts(), manifest.partBytes(),
                        String.join(" ", contents.preamble().partPrefixes()));
            }
            BackupCommandLine.say(out, "backup.cli.written", target, manifest.tables().size(), manifest.rows(),
                    manifest.blobs(), Files.size(target), BackupCommandLine.seconds(Duration.between(start, Instant.now())));
            return 0;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            audit.record(AuditEntry.of(AuditAction.BACKUP, Outcome.ERROR).on("Database").by(Actor.system("cli backup"))
                    .reason("backup " + target.getFileName() + " failed: "
                            + (e instanceof BackupRefused refused ? refused.key() : e.getClass().getSimpleName())));
            return BackupCommandLine.failed(e, err);
        }
    }

    /** A new file only its owner may read, where the file system allows saying so. */
    private static OutputStream create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new BackupRefused("backup.target.exists", file);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to do: the failure itself is reported
        }
    }
}
