package org.musubi.letters.exchange;

import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.record.Reader;

/** The addressee answers a letter: accepts it (the patient will be seen) or returns it with a reason. */
public final class AnswerLetter {

    private final Receiving receiving;

    public AnswerLetter(Receiving receiving) {
        this.receiving = receiving;
    }

    /** The addressee accepts the letter (the patient will be seen). */
    public Optional<LetterRow> accept(Reader reader, UUID id) {
        return receiving.found(reader, id, AuditAction.UPDATE, s -> receiving.accept(reader, s));
    }

    /** The addressee returns the letter with a reason (cannot take the patient). */
    public Optional<LetterRow> decline(Reader reader, UUID id, String reason) {
        return receiving.found(reader, id, AuditAction.UPDATE, s -> receiving.decline(reader, s, reason));
    }
}
