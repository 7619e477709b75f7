package org.musubi.phr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardKind;
import org.musubi.identity.cards.CardNumber;
import org.musubi.identity.cards.Cards;

/**
 * The first step of a resident's registration: the regional card's number, the birth date and a live registration
 * code must all fit one person. Whatever does not fit gets the same answer (empty), so the step tells nobody which
 * part was wrong or whether a card exists; the audit trail keeps the reason. A wrong birth date or code for an active
 * card counts against that person's live codes, which are void after {@link PhrRules#maxCodeAttempts()} wrong tries.
 */
public final class ProveResident {

    /** Who the registrant proved to be, and with which code; kept by the registration until it completes. */
    public record Proven(long personId, long codeId, String nameKanji, String nameKana, String regionalId)
            implements java.io.Serializable {
    }

    private final Cards cards;
    private final IdentityStore identities;
    private final RegistrationCodes codes;
    private final Audit audit;
    private final PhrRules rules;

    public ProveResident(Cards cards, IdentityStore identities, RegistrationCodes codes, Audit audit, PhrRules rules) {
        this.cards = cards;
        this.identities = identities;
        this.codes = codes;
        this.audit = audit;
        this.rules = rules;
    }

    public Optional<Proven> prove(String cardInput, LocalDate birthDate, String typedCode) {
        Instant now = rules.clock().instant();
        Optional<RegisteredPerson> holder = CardNumber.read(cardInput)
                .flatMap(n -> cards.active(n.number()).filter(c -> n.issueNo() == null || n.issueNo() == c.issueNo()))
                .filter(c -> c.kind() == CardKind.REGIONAL)
                .map(Card::personId).flatMap(identities::person).filter(RegisteredPerson::active);
        if (holder.isEmpty()) {
            return refused(null, "no active regional card with this number");
        }
        RegisteredPerson person = holder.get();
        String hash = RegistrationCode.hash(typedCode);
        List<RegistrationCodes.Stored> live = codes.live(person.id(), now);
        Optional<RegistrationCodes.Stored> code = live.stream().filter(c -> c.codeHash().equals(hash)).findFirst();
        String fault = !person.person().birthDate().equals(birthDate) ? "birth date does not match the card's person"
                : live.isEmpty() ? "no live registration code for the card's person"
                : code.isEmpty() ? "wrong registration code" : null;
        if (fault != null) {
            int voided = live.isEmpty() ? 0 : codes.countFailure(person.id(), now, rules.maxCodeAttempts());
            return refused(person, voided > 0 ? fault + "; " + voided + " code(s) now void" : fault);
        }
        var p = person.person();
        audit.record(entry(Outcome.PERMIT, p.regionalId()).reason("card, birth date and registration code proven"));
        return Optional.of(new Proven(person.id(), code.get().id(), Names.shown(p), Names.kana(p), p.regionalId()));
    }

    private Optional<Proven> refused(RegisteredPerson person, String reason) {
        audit.record(entry(Outcome.DENY, person == null ? null : person.person().regionalId()).reason(reason));
        return Optional.empty();
    }

    private static AuditEntry entry(Outcome outcome, String regionalId) {
        return AuditEntry.of(AuditAction.PHR_REGISTER, outcome).on("Person").patient(regionalId)
                .purpose(Purpose.PATIENT_SELF_ACCESS).by(Actor.unknownUser("phr-registration"));
    }
}
