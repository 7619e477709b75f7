package org.musubi.box;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.record.Reader;

/** The sender or a recipient downloads a file: its content, checked against its SHA-256 as it is read; audited once. */
public final class DownloadFile {

    private final Box box;
    private final BoxStore store;
    private final BoxContent blobs;
    private final Audit audit;
    private final Clock clock;
    private final Box.Options options;

    public DownloadFile(Box box) {
        this.box = box;
        this.store = box.store();
        this.blobs = box.blobs();
        this.audit = box.audit();
        this.clock = box.clock();
        this.options = box.options();
    }

    /**
     * The file's content for its sender or a recipient, while it is not expired and its scan allows it; audited once
     * whatever the answer. Empty for everyone else, an unknown id, an expired or held file alike.
     */
    public Optional<Box.Download> download(Reader reader, UUID id) {
        Instant now = clock.instant();
        Optional<BoxFile> file = box.reachable(reader, id);
        Optional<InputStream> content = Optional.empty();
        if (file.isPresent()) {
            try {
                content = blobs.open(file.get().part());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (file.isEmpty() || content.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on("BoxFile", String.valueOf(id))
                    .reason(box.refusal(reader, id)));
            return Optional.empty();
        }
        BoxFile f = file.get();
        if (f.personId() != null) {
            InputStream opened = content.get();
            Optional<Box.Download> decided = box.aboutPatient(reader, f, () -> {
                if (f.senderUser() != reader.userId() && !options.readOnly().getAsBoolean()) {
                    store.downloaded(f.id(), reader.userId(), now);
                }
                return new Box.Download(f, new Box.Checked(opened, f.sha256()));
            });
            if (decided.isEmpty()) {
                Box.closeQuietly(opened);
            }
            return decided;
        }
        if (f.senderUser() != reader.userId() && !options.readOnly().getAsBoolean()) {
            store.downloaded(f.id(), reader.userId(), now);
        }
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("BoxFile", f.id()).reason("box.downloaded"));
        return Optional.of(new Box.Download(f, new Box.Checked(content.get(), f.sha256())));
    }
}
