package org.musubi.letters.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.letters.exchange.jdbc.LetterTable;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;

/** An author's drafts of letters (only the author sees them): saved, listed, opened, deleted. */
public final class KeepLetterDrafts {

    private final ReadRecords reads;
    private final LetterTable table;
    private final LetterParties parties;
    private final LetterResources resources;

    public KeepLetterDrafts(ReadRecords reads, LetterTable table, LetterParties parties, LetterResources resources) {
        this.reads = reads;
        this.table = table;
        this.parties = parties;
        this.resources = resources;
    }

    /** Saves a draft (new when {@code draftId} is null); empty when refused. */
    public Optional<LetterExchange.Draft> saveDraft(Reader author, long personId, UUID draftId,
                                                    LetterRequest request) {
        return saveDraft(author, personId, draftId, null, request);
    }

    /**
     * As above, for a form opened on the draft as saved at {@code seen} (null: not said): when the draft was saved again
     * since (in another tab or window), nothing is stored and {@link LetterExchange.DraftChanged} says so.
     */
    public Optional<LetterExchange.Draft> saveDraft(Reader author, long personId, UUID draftId, Instant seen,
                                                    LetterRequest request) {
        Interaction<Boolean> may = reads.readPerson(author, PatientRef.person(personId), AuditAction.UPDATE,
                "LetterDraft", view -> view.actAsHolder(), record -> parties.known(author, record.view()).isPresent());
        if (!may.permitted() || !Boolean.TRUE.equals(may.value())) {
            return Optional.empty();
        }
        UUID id = draftId == null ? UUID.randomUUID() : draftId;
        if (draftId != null && table.draft(author.userId(), draftId).filter(d -> d.personId() == personId).isEmpty()) {
            return Optional.empty();
        }
        Instant now = resources.now();
        if (draftId != null && seen != null) {
            if (!table.saveDraftIfSavedAt(id, author.userId(), LetterResources.json(request), now, seen)) {
                throw new LetterExchange.DraftChanged(id);
            }
        } else {
            table.saveDraft(id, author.userId(), personId, LetterResources.json(request), now);
        }
        return Optional.of(new LetterExchange.Draft(id, personId, request, now));
    }

    /** The author's drafts for the person, newest first. */
    public List<LetterExchange.Draft> drafts(Reader author, long personId) {
        return table.drafts(author.userId(), personId).stream().map(KeepLetterDrafts::draft).toList();
    }

    /** One of the author's drafts. */
    public Optional<LetterExchange.Draft> draft(Reader author, UUID id) {
        return table.draft(author.userId(), id).map(KeepLetterDrafts::draft);
    }

    /** Deletes one of the author's drafts. */
    public void deleteDraft(Reader author, UUID id) {
        table.deleteDraft(author.userId(), id);
    }

    private static LetterExchange.Draft draft(LetterTable.DraftRow row) {
        return new LetterExchange.Draft(row.id(), row.personId(), LetterResources.request(row.requestJson()),
                row.updatedAt());
    }
}
