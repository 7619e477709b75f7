package org.musubi.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.FindPerson;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardNumber;
import org.musubi.identity.matching.normalize.KanaNormalizer;

/**
 * "この方と連携する": a viewing facility links a person in the person's presence, proved by the card: its number
 * and the check code printed on it (or its QR code, which carries both), confirmed with the kana name and birth
 * date; optionally recording the facility's own chart number. Until all of that matches, every refusal reads the
 * same and tells nothing about the person; failures are counted per card number as typed (whether or not a card has
 * it), at this facility and everywhere, and per user ({@link CardProofThrottle}), and past the limits linking is refused
 * for a while, with the same answer for any number. Only then does the person's own choice (consent, a blocked
 * facility) show, since the person is there ({@link LinkProvedPerson}). Ambulance crews never link: a fire department's
 * staff and paramedics anywhere are refused before anything is looked at (their access stays a time-limited emergency
 * access).
 */
public final class LinkPatientToFacility {

    /** The one answer while the card is not proved: which part did not match is the audit trail's to know. */
    public static final String NOT_PROVED = "link.proof.mismatch";
    public static final String THROTTLED = "link.throttled";
    /** Crews (a fire department's staff, paramedics) do not link: their access is a time-limited emergency access. */
    public static final String CREW = "link.crew";

    private final FindPerson find;
    private final CardProofThrottle throttle;
    private final IdentityStore identities;
    private final LinkProvedPerson linking;
    private final Audit audit;
    private final Clock clock;

    LinkPatientToFacility(Proof proof, IdentityStore identities, LinkProvedPerson linking, Audit audit, Clock clock) {
        this.find = proof.find();
        this.throttle = proof.throttle();
        this.identities = identities;
        this.linking = linking;
        this.audit = audit;
        this.clock = clock;
    }

    /** What proving a card takes: finding the card, and the throttle against guessing. */
    public record Proof(FindPerson find, CardProofThrottle throttle) {
    }

    /** The linked person's id; throws {@link Refused} with a message key otherwise. */
    public long link(long userId, long facilityId, LinkRequest request) {
        Instant now = clock.instant();
        if (linking.crew(userId, facilityId)) {
            throw refused(null, CREW, "ambulance crews do not link");
        }
        String scope = CardProofThrottle.atFacility(facilityId);
        if (throttle.refused(request.card(), scope, userId, now)) {
            throw refused(null, THROTTLED, "throttled");
        }
        Optional<CardNumber> typed = CardNumber.read(request.card());
        Optional<Card> card = typed.flatMap(find::card);
        Optional<Card> proved = typed.flatMap(n -> find.proved(n, request.checkCode()));
        Optional<RegisteredPerson> person = proved.flatMap(c -> identities.person(c.personId()))
                .filter(RegisteredPerson::active).filter(p -> confirmed(p.person(), request.kanaName(), request.birthDate()));
        if (person.isEmpty()) {
            throttle.failed(request.card(), scope, userId, now);
            throw refused(card.flatMap(c -> identities.person(c.personId())).map(p -> p.person().regionalId()).orElse(null),
                    NOT_PROVED, why(typed, card, proved));
        }
        return linked(userId, facilityId, request, proved.get(), person.get());
    }

    private long linked(long userId, long facilityId, LinkRequest request, Card card, RegisteredPerson person) {
        String regionalId = person.person().regionalId();
        Optional<String> refusal = linking.link(userId, facilityId, request.chartNumber(), card, person);
        if (refusal.isPresent()) {
            throw refused(regionalId, refusal.get(), null);
        }
        audit.record(AuditEntry.of(AuditAction.PATIENT_LINK, Outcome.PERMIT).on("Patient", person.id())
                .patient(regionalId).purpose(Purpose.TREATMENT).reason(card.kind().name()));
        return person.id();
    }

    /** Which part of the proof failed, for the audit trail only. */
    private static String why(Optional<CardNumber> typed, Optional<Card> card, Optional<Card> proved) {
        if (typed.isEmpty()) {
            return "no card number";
        }
        if (card.isEmpty()) {
            return "no active card " + typed.get().number();
        }
        if (!card.get().checkable()) {
            return "card " + card.get().number() + "#" + card.get().issueNo() + " has no check code (reissue it)";
        }
        return proved.isPresent() ? "kana name or birth date differs" : "wrong check code";
    }

    private static boolean confirmed(Person person, String kanaName, LocalDate birthDate) {
        String expected = KanaNormalizer.normalize(person.familyKana() + person.givenKana());
        return birthDate != null && birthDate.equals(person.birthDate()) && kanaName != null
                && expected.equals(KanaNormalizer.normalize(kanaName));
    }

    private Refused refused(String regionalId, String key, String detail) {
        audit.record(AuditEntry.of(AuditAction.PATIENT_LINK, Outcome.DENY).on("Patient").patient(regionalId)
                .purpose(Purpose.TREATMENT).reason(detail == null ? key : key + ": " + detail));
        return new Refused(key);
    }

    /**
     * What the facility user entered: the card number or the scanned QR code, the check code printed on the card
     * (not needed when the QR code carried it), the kana name and birth date, and optionally the chart number.
     */
    public record LinkRequest(String card, String checkCode, String kanaName, LocalDate birthDate, String chartNumber) {
    }
}
