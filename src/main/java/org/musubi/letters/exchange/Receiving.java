package org.musubi.letters.exchange;

import org.musubi.letters.exchange.jdbc.LetterTable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.letters.Attachment;
import org.musubi.letters.Letter;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.write.Answered;
import org.musubi.signature.SignatureStatus;
import org.musubi.signature.Verification;

/**
 * Opening a letter and answering it. The sender's staff read it as their facility's own data (the read door); anyone
 * else only through the addressee's door ({@link WriteRecords#answerDisclosed}), which refuses whoever does not act
 * for the addressee, exactly as it refuses a letter that is not there. The addressee's first opening marks the letter
 * received; accepting, returning and completing change the Task, of which the addressee is the owner — each in the
 * one interaction (one audit row) that reads the letter. On a read-only standby letters open (and are not marked
 * received: the standby writes nothing); answering them waits for the primary.
 */
public final class Receiving {

    private static final Set<LetterStatus> UNANSWERED = Set.of(LetterStatus.REQUESTED, LetterStatus.RECEIVED,
            LetterStatus.ACCEPTED);

    private final ReadRecords reads;
    private final WriteRecords writes;
    private final LetterTable table;
    private final LetterFiles files;
    private final Sending sending;
    private final BooleanSupplier readOnly;

    /** {@code readOnly}: whether this node is a read-only standby (a letter opened there is not marked received). */
    public Receiving(ReadRecords reads, WriteRecords writes, LetterTable table, LetterFiles files, Sending sending,
                     BooleanSupplier readOnly) {
        this.readOnly = readOnly;
        this.reads = reads;
        this.writes = writes;
        this.table = table;
        this.files = files;
        this.sending = sending;
    }

    /**
     * The letter {@code id} handed to {@code then}; a letter id nobody has is audited as a miss ({@link
     * ReadRecords#missed}), so that it answers and leaves the same trace as a letter the caller may not see.
     */
    <T> Optional<T> found(Reader reader, UUID id, AuditAction action, Function<LetterTable.Stored, Optional<T>> then) {
        Optional<LetterTable.Stored> stored = id == null ? Optional.empty() : table.find(id);
        if (stored.isEmpty()) {
            reads.missed(reader, action, "Letter", String.valueOf(id));
            return Optional.empty();
        }
        return then.apply(stored.get());
    }

    /** What a reader saw of the letter: its rows, and whether as the addressee. */
    private record Seen(List<StoredResource> read, boolean addressed) {
    }

    Optional<LetterExchange.Opened> open(Reader reader, LetterTable.Stored s) {
        Optional<Seen> seen = seen(reader, s, AuditAction.READ, received(reader, s));
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        String document = seen.get().read().stream().filter(r -> r.type().equals("Bundle")).map(StoredResource::json)
                .findFirst().orElse(null);
        Letter letter = named(LetterResources.letter(s.letterJson()), s.row());
        Verification pdf = s.pdfBlob() == null
                ? Verification.of(SignatureStatus.NOT_SIGNED, "signature.status.NOT_SIGNED")
                : files.verifyPdf(files.read(s.pdfBlob()));
        Verification bundle = files.verifyBundle(files.read(s.documentBlob()), s.bundleSignature());
        LetterRow row = table.find(s.row().id()).map(LetterTable.Stored::row).orElse(s.row());
        List<Attachment> attachments = letter == null ? List.of() : letter.content().attachments();
        return Optional.of(new LetterExchange.Opened(row, letter, document, pdf, bundle, seen.get().addressed(),
                attachments, table.events(row.id())));
    }

    /**
     * A reply stored before it named the letter it answers (its form showed that letter's id): named from the answered
     * letter's row, which the reply's readers — its sender, the answered letter's writer — have both read.
     */
    private Letter named(Letter letter, LetterRow row) {
        if (letter == null || letter.answered() != null || letter.kind() != org.musubi.letters.LetterKind.REPLY
                || row.repliesTo() == null) {
            return letter;
        }
        return table.find(row.repliesTo()).map(answered -> letter.answering(Sending.answered(answered.row())))
                .orElse(letter);
    }

    Optional<byte[]> pdf(Reader reader, LetterTable.Stored s) {
        if (seen(reader, s, AuditAction.READ, received(reader, s)).isEmpty() || s.pdfBlob() == null) {
            return Optional.empty();
        }
        return files.read(s.pdfBlob());
    }

    /** The letter's row, after its door let the reader see it (the addressee's Task left as it is). */
    Optional<LetterRow> find(Reader reader, LetterTable.Stored s) {
        return seen(reader, s, AuditAction.READ, task -> null).map(seen -> s.row());
    }

    Optional<LetterExchange.SignedDocument> signedDocument(Reader reader, LetterTable.Stored s) {
        if (seen(reader, s, AuditAction.READ, received(reader, s)).isEmpty()) {
            return Optional.empty();
        }
        return files.read(s.documentBlob()).map(bytes -> new LetterExchange.SignedDocument(bytes, s.bundleSignature()));
    }

    Optional<LetterExchange.AttachmentContent> attachment(Reader reader, LetterTable.Stored s, int index) {
        if (seen(reader, s, AuditAction.READ, received(reader, s)).isEmpty()) {
            return Optional.empty();
        }
        Letter letter = LetterResources.letter(s.letterJson());
        if (letter == null || index < 0 || index >= letter.content().attachments().size()) {
            return Optional.empty();
        }
        Attachment a = letter.content().attachments().get(index);
        if (!(a.source() instanceof Attachment.Uploaded u)) {
            return Optional.empty();
        }
        return files.read(u.blobKey()).map(b -> new LetterExchange.AttachmentContent(a.title(), a.contentType(), b));
    }

    Optional<LetterRow> accept(Reader reader, LetterTable.Stored s) {
        return answer(reader, s, task -> transition(reader, s, Set.of(LetterStatus.REQUESTED, LetterStatus.RECEIVED),
                LetterStatus.ACCEPTED, null, null));
    }

    Optional<LetterRow> decline(Reader reader, LetterTable.Stored s, String reason) {
        String why = LetterParties.blankToNull(reason);
        return answer(reader, s, task -> why == null ? null : transition(reader, s,
                Set.of(LetterStatus.REQUESTED, LetterStatus.RECEIVED, LetterStatus.ACCEPTED), LetterStatus.REJECTED,
                why, null));
    }

    /**
     * A withdrawal asked by someone who is not the sender: decided (and audited) as the addressee's door decides it;
     * whoever it permits is the addressee, who may not withdraw the sender's letter — the letter stays as it is.
     */
    Optional<LetterRow> refusedCancel(Reader reader, LetterTable.Stored s) {
        return answer(reader, s, task -> null);
    }

    /** The letter {@code s} answered by {@code reply} (sent by the addressee): completed, the reply its output. */
    Optional<LetterRow> complete(Reader reader, LetterTable.Stored s, LetterRow reply, String replyDocumentId) {
        return answer(reader, s, task -> transition(reader, s, UNANSWERED, LetterStatus.COMPLETED, null,
                new Reply(reply.id(), replyDocumentId)));
    }

    private record Reply(UUID id, String documentId) {
    }

    private Optional<LetterRow> answer(Reader reader, LetterTable.Stored s, Function<StoredResource, ResourceWrite> update) {
        Interaction<Answered> answered = writes.answerDisclosed(reader, disclosure(s),
                List.of(s.taskId()), AuditAction.UPDATE, "Task", taskOf(s, update));
        if (!answered.permitted() || answered.value() == null || answered.value().read().isEmpty()) {
            return Optional.empty();
        }
        return table.find(s.row().id()).map(LetterTable.Stored::row);
    }

    /** The letter {@code s} as what its addressee was let see: the disclosure it was sent with. */
    private long disclosure(LetterTable.Stored s) {
        return sending.resources().disclosureOf(s.row().id());
    }

    /** The addressee's answer: {@code update}'s new version of the letter's Task as read (none when not there or no change). */
    private static Function<List<StoredResource>, List<ResourceWrite>> taskOf(LetterTable.Stored s,
                                                                              Function<StoredResource, ResourceWrite> update) {
        return read -> read.stream().filter(r -> r.type().equals("Task") && r.id().equals(s.taskId()) && !r.deleted())
                .findFirst().map(update).stream().toList();
    }

    /** The first opening by the addressee marks the letter received. */
    private Function<StoredResource, ResourceWrite> received(Reader reader, LetterTable.Stored s) {
        return task -> s.row().status() == LetterStatus.REQUESTED && !readOnly.getAsBoolean()
                ? transition(reader, s, Set.of(LetterStatus.REQUESTED), LetterStatus.RECEIVED, null, null) : null;
    }

    /** The letter's row moved from {@code from} to {@code to}, and the Task's new version; null when it was not in {@code from}. */
    private ResourceWrite transition(Reader reader, LetterTable.Stored s, Set<LetterStatus> from, LetterStatus to,
                                     String reason, Reply reply) {
        Instant now = sending.now();
        if (!table.status(s.row().id(), from, to, reason, reply == null ? null : reply.id(), now)) {
            return null;
        }
        table.event(s.row().id(), to, reader.userId(), sending.nameOf(reader.userId()), reason, now);
        return sending.task(s, to, reason, reply == null ? null : reply.documentId());
    }

    private Optional<Seen> seen(Reader reader, LetterTable.Stored s, AuditAction action,
                                Function<StoredResource, ResourceWrite> update) {
        List<String> ids = List.of(s.documentId(), s.taskId());
        if (reader.facilityId() != null && reader.actsFor(s.row().senderFacilityId())) {
            Interaction<List<StoredResource>> read = reads.readPerson(reader, PatientRef.person(s.row().personId()),
                    action, "Letter", record -> record.contents(ids));
            if (!read.permitted() || read.value() == null
                    || read.value().stream().noneMatch(r -> r.id().equals(s.documentId()) && !r.deleted())) {
                return Optional.empty();
            }
            return Optional.of(new Seen(read.value(), false));
        }
        Interaction<Answered> read = writes.answerDisclosed(reader, disclosure(s), ids, action, "Task",
                taskOf(s, update));
        if (!read.permitted() || read.value() == null
                || read.value().read().stream().noneMatch(r -> r.id().equals(s.documentId()) && !r.deleted())) {
            return Optional.empty();
        }
        return Optional.of(new Seen(read.value().read(), true));
    }
}
