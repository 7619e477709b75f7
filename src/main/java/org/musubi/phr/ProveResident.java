package org.musubi.phr;

import java.io.Serializable;
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
import org.musubi.consent.CardProofThrottle;
import org.musubi.identity.FindPerson;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardKind;
import org.musubi.identity.cards.CardNumber;

/**
 * The first step of a resident's registration, a proof of the card as linking asks it: the regional card's number and
 * the check code printed on it (or the card's QR code, which carries both), the birth date, and a live registration
 * code must all fit one person. Whatever does not fit gets the same answer (empty), so the step tells nobody which part
 * was wrong or whether a card exists; the audit trail keeps the reason. Failures are throttled per card number as typed,
 * like linking ({@link CardProofThrottle}, place {@link CardProofThrottle#PHR_REGISTRATION}), with the same answer for
 * any number; a wrong birth date or code for a proved card counts against that person's live codes, which are void
 * after {@link PhrRules#maxCodeAttempts()} wrong tries.
 */
public final class ProveResident {

    /** Who the registrant proved to be, and with which code; kept by the registration until it completes. */
    public record Proven(long personId, long codeId, String nameKanji, String nameKana, String regionalId)
            implements Serializable {
    }

    /** Why nothing was proven, for the page: a plain mismatch, or the throttle. */
    public enum Refusal { NOT_PROVEN, THROTTLED }

    /** The outcome of a proof: who was proven, or why not. */
    public record Outcome(Optional<Proven> proven, Refusal refusal) {

        static Outcome of(Proven proven) {
            return new Outcome(Optional.of(proven), null);
        }

        static Outcome refused(Refusal why) {
            return new Outcome(Optional.empty(), why);
        }
    }

    private final FindPerson find;
    private final RegistrationCodes codes;
    private final Audit audit;
    private final PhrRules rules;
    private final CardProofThrottle throttle;

    public ProveResident(FindPerson find, RegistrationCodes codes, Audit audit, PhrRules rules, CardProofThrottle throttle) {
        this.find = find;
        this.codes = codes;
        this.audit = audit;
        this.rules = rules;
        this.throttle = throttle;
    }

    /** The proof; the person when everything fits, else empty (the same for every mismatch). */
    public Optional<Proven> prove(String cardInput, String checkCode, LocalDate birthDate, String typedCode) {
        return attempt(cardInput, checkCode, birthDate, typedCode).proven();
    }

    /** The proof, telling a throttled attempt from a mismatch (the same for any card number either way). */
    public Outcome attempt(String cardInput, String checkCode, LocalDate birthDate, String typedCode) {
        Instant now = rules.clock().instant();
        if (throttle.refused(cardInput, CardProofThrottle.PHR_REGISTRATION, null, now)) {
            audit.record(entry(org.musubi.audit.Outcome.DENY, null).reason("throttled"));
            return Outcome.refused(Refusal.THROTTLED);
        }
        Optional<CardNumber> typed = CardNumber.read(cardInput);
        Optional<Card> card = typed.flatMap(find::card).filter(c -> c.kind() == CardKind.REGIONAL);
        Optional<RegisteredPerson> cardHolder = card.flatMap(find::holder);
        if (cardHolder.isEmpty()) {
            return failed(cardInput, now, null, "no active regional card with this number");
        }
        Optional<RegisteredPerson> holder = typed.flatMap(n -> find.proved(n, checkCode))
                .filter(c -> c.kind() == CardKind.REGIONAL).flatMap(find::holder);
        if (holder.isEmpty()) {
            return failed(cardInput, now, cardHolder.get(), card.get().checkable() ? "wrong check code"
                    : "card " + card.get().number() + "#" + card.get().issueNo() + " has no check code (reissue it)");
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
            return failed(cardInput, now, person, voided > 0 ? fault + "; " + voided + " code(s) now void" : fault);
        }
        var p = person.person();
        audit.record(entry(org.musubi.audit.Outcome.PERMIT, p.regionalId())
                .reason("card, check code, birth date and registration code proven"));
        return Outcome.of(new Proven(person.id(), code.get().id(), Names.shown(p), Names.kana(p), p.regionalId()));
    }

    private Outcome failed(String cardInput, Instant now, RegisteredPerson person, String reason) {
        throttle.failed(cardInput, CardProofThrottle.PHR_REGISTRATION, null, now);
        audit.record(entry(org.musubi.audit.Outcome.DENY, person == null ? null : person.person().regionalId())
                .reason(reason));
        return Outcome.refused(Refusal.NOT_PROVEN);
    }

    private static AuditEntry entry(org.musubi.audit.Outcome outcome, String regionalId) {
        return AuditEntry.of(AuditAction.PHR_REGISTER, outcome).on("Person").patient(regionalId)
                .purpose(Purpose.PATIENT_SELF_ACCESS).by(Actor.unknownUser("phr-registration"));
    }
}
