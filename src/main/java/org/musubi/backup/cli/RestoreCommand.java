package org.musubi.backup.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.audit.VerificationReport;
import org.musubi.backup.BackupContents;
import org.musubi.backup.BackupKey;
import org.musubi.backup.RestoreBackup;
import org.musubi.blob.KeptParts;
import org.musubi.database.SchemaMigrations;
import org.springframework.stereotype.Component;

/**
 * {@code musubi restore --from=<file>}: runs in a context whose migrations stopped at the backup's schema
 * version; restores, brings the schema up to date, verifies the audit chain and records the restore as the
 * first new row of the restored trail; then each feature that keeps parts of the blob store checks its rows against
 * the restored store ({@link KeptParts#afterRestore}: a Box file whose content is not there is marked lost, and says so).
 */
@Component
public class RestoreCommand {

    private final RestoreBackup restores;
    private final SchemaMigrations migrations;
    private final AuditTrail trail;
    private final Audit audit;
    private final List<KeptParts> kept;

    RestoreCommand(RestoreBackup restores, SchemaMigrations migrations, AuditTrail trail, Audit audit,
                   List<KeptParts> kept) {
        this.restores = restores;
        this.migrations = migrations;
        this.trail = trail;
        this.audit = audit;
        this.kept = kept;
    }

    public int run(Path archive, BackupKey key, PrintStream out, PrintStream err) {
        Instant start = Instant.now();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
            BackupContents contents = restores.restore(in, key,
                    table -> out.printf("  %s: %,d rows, digest equal%n", table.name(), table.rows()));
            migrations.migrate("latest");
            VerificationReport chain = trail.verify();
            if (!chain.intact()) {
                BackupCommandLine.say(out, "backup.cli.chainBroken", chain.faults().size());
                return 1;
            }
            var manifest = contents.manifest();
            audit.record(AuditEntry.of(AuditAction.RESTORE, Outcome.PERMIT).on("Database").by(Actor.system("cli restore"))
                    .reason("restored " + archive.getFileName() + " (taken " + contents.preamble().startedAt() + ", schema "
                            + contents.preamble().schemaVersion() + "): " + manifest.tables().size() + " tables, "
                            + manifest.rows() + " rows, " + manifest.blobs() + " files"));
            if (!contents.preamble().partPrefixes().isEmpty()) {
                BackupCommandLine.say(out, "backup.cli.parts", manifest.parts(), manifest.partBytes(),
                        String.join(" ", contents.preamble().partPrefixes()));
            }
            Instant restored = Instant.now();
            for (KeptParts parts : kept) {
                KeptParts.Checked checked = parts.afterRestore(restored);
                if (checked.checked() > 0 || checked.lost() > 0) {
                    BackupCommandLine.say(out, checked.lost() > 0 ? "backup.cli.partsLost" : "backup.cli.partsChecked",
                            checked.prefix(), checked.checked(), checked.lost());
                }
            }
            BackupCommandLine.say(out, "backup.cli.restored", archive, manifest.tables().size(), manifest.rows(),
                    manifest.blobs(), manifest.blobBytes(), chain.rowsChecked(),
                    BackupCommandLine.seconds(Duration.between(start, Instant.now())));
            return 0;
        } catch (IOException | RuntimeException e) {
            return BackupCommandLine.failed(e, err);
        }
    }
}
