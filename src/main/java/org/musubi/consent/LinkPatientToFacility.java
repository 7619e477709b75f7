package org.musubi.consent;

import java.time.LocalDate;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.Card;
import org.musubi.identity.CardKind;
import org.musubi.identity.CardNumber;
import org.musubi.identity.Cards;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.LinkSourcePatient;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.KanaNormalizer;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;

/**
 * "この方と連携する": a viewing facility links a person by the card the patient shows, after
 * confirming the kana name and birth date, optionally recording its own chart number. Nothing
 * about the person is revealed before the confirmation matches.
 */
public final class LinkPatientToFacility {

    private final Cards cards;
    private final IdentityStore identities;
    private final LinkSourcePatient linkSource;
    private final Consents consents;
    private final Facilities facilities;
    private final Audit audit;

    public LinkPatientToFacility(Cards cards, IdentityStore identities, LinkSourcePatient linkSource, Consents consents,
                                 Facilities facilities, Audit audit) {
        this.cards = cards;
        this.identities = identities;
        this.linkSource = linkSource;
        this.consents = consents;
        this.facilities = facilities;
        this.audit = audit;
    }

    /** The linked person's id; throws {@link Refused} with a message key otherwise. */
    public long link(long userId, long facilityId, LinkRequest request) {
        Card card = CardNumber.read(request.card()).flatMap(n -> cards.active(n.number())
                        .filter(c -> n.issueNo() == null || n.issueNo() == c.issueNo()))
                .orElseThrow(() -> refused(null, "link.card.notActive"));
        RegisteredPerson person = identities.person(card.personId()).filter(RegisteredPerson::active)
                .orElseThrow(() -> refused(null, "link.card.notActive"));
        String regionalId = person.person().regionalId();
        if (!confirmed(person.person(), request.kanaName(), request.birthDate())) {
            throw refused(regionalId, "link.confirmation.mismatch");
        }
        Facility facility = facilities.find(facilityId).filter(Facility::active).filter(Facility::viewing)
                .orElseThrow(() -> refused(regionalId, "link.facility.notViewing"));
        if (consents.blockedFacilities(person.id()).contains(facility.id())) {
            throw refused(regionalId, "link.facility.blocked");
        }
        if (!hasConsent(person.id(), card)) {
            throw refused(regionalId, "link.consent.none");
        }
        consents.link(person.id(), facility.id(), userId);
        if (request.chartNumber() != null && !request.chartNumber().isBlank()) {
            recordChart(userId, facility.id(), request.chartNumber().strip(), person);
        }
        audit.record(AuditEntry.of(AuditAction.PATIENT_LINK, Outcome.PERMIT).on("Patient", person.id())
                .patient(regionalId).purpose(Purpose.TREATMENT).reason(card.kind().name()));
        return person.id();
    }

    private boolean hasConsent(long personId, Card card) {
        return consents.of(personId).stream().anyMatch(c -> c.active() && c.purposes().contains(Purpose.TREATMENT)
                && (card.kind() == CardKind.REGIONAL || (c.scope() == ConsentScope.ONE_FACILITY
                        && c.scopeFacilityId() != null && c.scopeFacilityId().equals(card.issuingFacilityId()))));
    }

    private static boolean confirmed(Person person, String kanaName, LocalDate birthDate) {
        String expected = KanaNormalizer.normalize(person.familyKana() + person.givenKana());
        return birthDate != null && birthDate.equals(person.birthDate()) && kanaName != null
                && expected.equals(KanaNormalizer.normalize(kanaName));
    }

    private void recordChart(long userId, long facilityId, String chartNumber, RegisteredPerson person) {
        Person p = person.person();
        SourcePatient received = identities.receive(new SourcePatient(0, facilityId, chartNumber, p.familyKanji(),
                p.givenKanji(), p.familyKana(), p.givenKana(), p.sex(), p.birthDate(), p.postalCode(), p.address(),
                p.phone()));
        if (identities.personOf(received.id()).isEmpty()) {
            linkSource.link(userId, received.id(), person.id(), LinkMethod.CARD, "chart number recorded at linking");
        } else if (identities.personOf(received.id()).get() != person.id()) {
            throw refused(p.regionalId(), "link.chart.otherPerson");
        }
    }

    private Refused refused(String regionalId, String key) {
        audit.record(AuditEntry.of(AuditAction.PATIENT_LINK, Outcome.DENY).on("Patient").patient(regionalId)
                .purpose(Purpose.TREATMENT).reason(key));
        return new Refused(key);
    }

    /** What the facility user entered. */
    public record LinkRequest(String card, String kanaName, LocalDate birthDate, String chartNumber) {
    }
}
