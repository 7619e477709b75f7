package org.musubi.letters.exchange;

import java.util.List;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.letters.exchange.jdbc.LetterTable;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;

/**
 * An author signs and sends a letter (a signed JP-CLINS document, a FHIR Task, a rendered and signed PDF), deleting
 * the draft it was written in; a reply completes the letter it answers.
 */
public final class SendLetter {

    private final Sending sending;
    private final Receiving receiving;
    private final KeepLetterDrafts drafts;
    private final LetterTable table;
    private final ReadRecords reads;

    public SendLetter(Sending sending, Receiving receiving, KeepLetterDrafts drafts, LetterTable table,
                      ReadRecords reads) {
        this.sending = sending;
        this.receiving = receiving;
        this.drafts = drafts;
        this.table = table;
        this.reads = reads;
    }

    /**
     * Signs and sends the letter (and deletes the draft {@code draftId} when given). A reply ({@link
     * LetterRequest#repliesTo}) completes the letter it answers; a letter replied to that the author may not answer,
     * or an id nobody has, is audited as a miss and refused.
     */
    public LetterExchange.Sent send(Reader author, long personId, LetterRequest request, UUID draftId) {
        List<String> faults = sending.faults(author, request);
        if (!faults.isEmpty()) {
            return new LetterExchange.Sent.Invalid(faults);
        }
        LetterTable.Stored answered = null;
        if (request.repliesTo() != null) {
            answered = ComposeLetter.answerable(table, author, personId, request.repliesTo()).orElse(null);
            if (answered == null) {
                reads.missed(author, AuditAction.CREATE, "Letter", request.repliesTo().toString());
                return new LetterExchange.Sent.Refused();
            }
        }
        LetterExchange.Sent sent = sending.send(author, personId, request, answered);
        if (sent instanceof LetterExchange.Sent.Done done) {
            if (answered != null) {
                receiving.complete(author, answered, done.letter(), table.find(done.letter().id())
                        .map(LetterTable.Stored::documentId).orElseThrow());
            }
            if (draftId != null) {
                drafts.deleteDraft(author, draftId);
            }
        }
        return sent;
    }
}
