package org.musubi.consent;

import java.util.Optional;
import org.musubi.audit.Purpose;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardKind;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.Users;

/**
 * The second step of {@link LinkPatientToFacility}, once the card has proved the person present: the person's
 * own choice. The facility must be an active viewing one the person has not blocked, and a consent must cover it
 * (any treatment consent for a regional card; one for the issuing hospital for a disclosure card); then the person
 * is linked to the facility and, when given, the facility's chart number is recorded as a source patient linked
 * to the person. Audits nothing itself: it gives the refusal's message key, and the use case audits the outcome.
 */
final class LinkProvedPerson {

    private final LinkSourcePatient linkSource;
    private final Consents consents;
    private final Facilities facilities;
    private final Users users;

    LinkProvedPerson(LinkSourcePatient linkSource, Consents consents, Facilities facilities, Users users) {
        this.linkSource = linkSource;
        this.consents = consents;
        this.facilities = facilities;
        this.users = users;
    }

    /**
     * Whether the user is of an ambulance crew — a fire department's staff, or a paramedic anywhere — who never link:
     * with the card in hand during an emergency access the patient may be unconscious, and a link would turn the
     * crew's time-limited access into a standing one.
     */
    boolean crew(long userId, long facilityId) {
        boolean paramedic = users.find(userId).map(u -> u.profession() == Profession.PARAMEDIC).orElse(false);
        return paramedic || facilities.find(facilityId).map(f -> f.kind() == FacilityKind.FIRE_DEPARTMENT).orElse(false);
    }

    /** Links the person proved by {@code card}; the message key of the refusal, or empty when linked. */
    Optional<String> link(long userId, long facilityId, String chartNumber, Card card, RegisteredPerson person) {
        Optional<Facility> facility = facilities.find(facilityId).filter(Facility::active).filter(Facility::viewing);
        if (facility.isEmpty()) {
            return Optional.of("link.facility.notViewing");
        }
        if (consents.blockedFacilities(person.id()).contains(facility.get().id())) {
            return Optional.of("link.facility.blocked");
        }
        if (!hasConsent(person.id(), card)) {
            return Optional.of("link.consent.none");
        }
        consents.link(person.id(), facility.get().id(), userId);
        if (chartNumber != null && !chartNumber.isBlank()) {
            return recordChart(userId, facility.get().id(), chartNumber.strip(), person);
        }
        return Optional.empty();
    }

    private boolean hasConsent(long personId, Card card) {
        return consents.of(personId).stream().anyMatch(c -> c.active() && c.purposes().contains(Purpose.TREATMENT)
                && (card.kind() == CardKind.REGIONAL || (c.scope() == ConsentScope.ONE_FACILITY
                        && c.scopeFacilityId() != null && c.scopeFacilityId().equals(card.issuingFacilityId()))));
    }

    private Optional<String> recordChart(long userId, long facilityId, String chartNumber, RegisteredPerson person) {
        Person p = person.person();
        long owner = linkSource.receiveAndLink(userId, new SourcePatient(0, facilityId, chartNumber, p.familyKanji(),
                p.givenKanji(), p.familyKana(), p.givenKana(), p.sex(), p.birthDate(), p.postalCode(), p.address(),
                p.phone()), person.id(), LinkMethod.CARD, "chart number recorded at linking");
        return owner == person.id() ? Optional.empty() : Optional.of("link.chart.otherPerson");
    }
}
