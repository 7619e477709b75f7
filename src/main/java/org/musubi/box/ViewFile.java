package org.musubi.box;

import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.record.Reader;

/**
 * A file viewed in the browser (a preview): the view, audited once like a download, and the content its page fetches
 * with the view's pass without a second row.
 */
public final class ViewFile {

    private final Box box;
    private final Audit audit;
    private final Clock clock;

    public ViewFile(Box box) {
        this.box = box;
        this.audit = box.audit();
        this.clock = box.clock();
    }

    /**
     * A view (a preview in the browser) of a file, by the rules of a download and audited once like one — {@code READ
     * box.viewed}; for a file about a patient the access policy decides now and its one row names the patient — without
     * marking it downloaded. Empty, audited like a refused download, for everyone else, an unknown id, an expired or
     * held file alike.
     */
    public Optional<Box.View> view(Reader reader, UUID id) {
        Optional<BoxFile> file = box.reachable(reader, id);
        if (file.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on("BoxFile", String.valueOf(id))
                    .reason(box.refusal(reader, id)));
            return Optional.empty();
        }
        BoxFile f = file.get();
        Box.ViewPass pass = new Box.ViewPass(f.id(), reader.userId(), clock.instant());
        if (f.personId() != null) {
            return box.aboutPatient(reader, f, () -> new Box.View(f, pass));
        }
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("BoxFile", f.id()).reason("box.viewed"));
        return Optional.of(new Box.View(f, pass));
    }

    /**
     * The content of a file being viewed, for the page {@link #view} audited (its pass: the same user, at most
     * {@link Box#VIEW_PASS} ago): the rules and the policy are checked again ({@link Box#readable}), and a file refused now
     * (expired, a recipient no longer a member, a consent withdrawn…) is audited like a refused download; otherwise no
     * second audit row. Fails at its end like a download when its SHA-256 differs.
     */
    public Optional<Box.Download> viewed(Reader reader, Box.ViewPass pass) {
        boolean fresh = pass != null && pass.user() == reader.userId() && !pass.at().plus(Box.VIEW_PASS).isBefore(clock.instant());
        Optional<BoxFile> file = fresh ? box.readable(reader, pass.file()) : Optional.empty();
        Optional<InputStream> content = file.isEmpty() ? Optional.empty() : box.contentOf(file.get());
        if (content.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY)
                    .on("BoxFile", String.valueOf(pass == null ? null : pass.file())).reason(Box.NOT_FOUND));
            return Optional.empty();
        }
        return Optional.of(new Box.Download(file.get(), new Box.Checked(content.get(), file.get().sha256())));
    }
}
