package org.musubi.box;

import org.musubi.policy.Disclosure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.musubi.audit.AuditAction;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.Decision;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonView;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.Reader;
import org.musubi.record.WriteRecords;

/**
 * Box's side of a file about a patient, through the access policy: the sender's facility must have standing for the
 * person (a live link made with the person's card) to name them; each recipient is decided when the file is sent and
 * again at each download ({@link org.musubi.policy.AccessPolicy#decideDisclosed} (a {@code FILE}): the file, never the record); the
 * file becomes a document of the record only when the sender asks, under the sender's own source patient. Each send
 * and each download is one interaction, audited once, naming the person for their access log.
 */
public final class BoxPatients {

    /** The audit resource type of a Box file. */
    static final String TYPE = "BoxFile";

    private final PersonAccess access;
    private final WriteRecords writes;
    private final BoxRecords records;
    private final Disclose disclose;

    BoxPatients(PersonAccess access, WriteRecords writes, BoxRecords records, Disclose disclose) {
        this.access = access;
        this.writes = writes;
        this.records = records;
        this.disclose = disclose;
    }

    /** Whether the sender's facility may name the person on a file (standing; not audited: the send is). */
    boolean standing(Reader sender, long personId) {
        return sender.facilityId() != null && access.standing(sender.facilityId(), personId);
    }

    /** Each recipient's decision on the file about to be sent (not audited: the send is). */
    Map<Long, Decision> recipients(long personId, long senderFacilityId, Collection<Long> users) {
        return access.disclosedTo(Disclosure.file(personId, senderFacilityId), users);
    }

    /** The send refused with {@code decision} (or the sender's own refusal, when theirs is one): one audit row. */
    void refuse(Reader sender, long personId, Decision decision) {
        writes.enter(sender, personId, AuditAction.CREATE, TYPE, view -> {
            Decision own = view.actAsHolder();
            return own.permitted() ? decision : own;
        }, entry -> null);
    }

    /**
     * What entering a file did: the DocumentReference it was attached to (null: not attached), or the fault that kept
     * it from being sent (nothing kept then).
     */
    record Entered(String recordDocument, String fault) {
    }

    /**
     * One file sent about the person: {@code store} keeps its rows (given the record document's id, null when not
     * attached) inside the interaction, which the sender's standing gates, and the file is disclosed to whoever it was
     * sent to (until it expires) in the same transaction; with {@code attach}, the content {@code content} opens is
     * entered into the record first. The value is null when refused.
     */
    Interaction<Entered> enter(Reader sender, long personId, BoxFile file, String senderName, boolean attach,
                               Supplier<InputStream> content, Function<String, Void> store) {
        return writes.enter(sender, personId, AuditAction.CREATE, TYPE, PersonView::actAsHolder, entry -> {
            String document = null;
            if (attach) {
                SourcePatient own = entry.view().sources().stream()
                        .filter(s -> s.facilityId() == sender.facilityId()).findFirst().orElse(null);
                if (own == null) {
                    return new Entered(null, "box.fault.notOurPatient");
                }
                try {
                    document = records.attach(entry, own, file, senderName, content.get());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            store.apply(document);
            disclose.disclose(source(file), Disclosure.file(personId, file.senderFacility() == null ? 0
                    : file.senderFacility()), null, file.expiresAt());
            entry.wrote(List.of(TYPE + "/" + file.id()));
            return new Entered(document, null);
        });
    }

    /** The largest file that may be attached to a record ({@code musubi.blob.max-size}). */
    long attachMaxBytes() {
        return records.maxBytes();
    }

    /**
     * Whether the access policy permits the reader the file about its person now (not audited: for callers that audit
     * what they do with it, such as the WOPI host; a download is decided and audited by {@link #download}).
     */
    boolean permits(Reader reader, BoxFile file) {
        return access.disclosedTo(Disclosure.file(file.personId(), file.senderFacility() == null ? 0
                        : file.senderFacility()), List.of(reader.userId())).values().stream()
                .allMatch(Decision::permitted);
    }

    /** A download of a file about the person by {@code reader}: decided now, one audit row naming the person. */
    <T> Interaction<T> download(Reader reader, BoxFile file, Supplier<T> open) {
        return access.interactDisclosed(reader.userId(), disclosure(file), AuditAction.READ, TYPE,
                (made, view) -> Interaction.permitted(open.get(), view.decision(), List.of(file.id().toString())));
    }

    /** The id of the disclosure the file was sent with: what its sender let its recipients see. */
    private long disclosure(BoxFile file) {
        return disclose.idOf(source(file));
    }

    private static String source(BoxFile file) {
        return "box-file:" + file.id();
    }
}
