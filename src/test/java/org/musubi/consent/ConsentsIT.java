package org.musubi.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;

/** Sharing choices are stored as made and read back fresh: a withdrawal or a link's end shows at once. */
@MusubiIntegrationTest
class ConsentsIT {

    @Autowired
    Consents consents;
    @Autowired
    IdentityStore identities;
    @Autowired
    TestAccounts accounts;

    @Test
    void aWithdrawnConsentNoLongerCoversAnything() {
        long person = newPerson();
        long hospital = accounts.facilityOf(FacilityKind.HOSPITAL).id();
        Consent consent = consents.grant(person, ConsentScope.ALL_FACILITIES, null,
                Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), 0, hospital);
        assertThat(consents.of(person)).singleElement().satisfies(c -> assertThat(c.covers(hospital, Purpose.TREATMENT)).isTrue());

        assertThat(consents.withdraw(consent.id(), 0)).isTrue();

        assertThat(consents.of(person)).singleElement().satisfies(c -> {
            assertThat(c.active()).isFalse();
            assertThat(c.withdrawnAt()).isNotNull();
            assertThat(c.covers(hospital, Purpose.TREATMENT)).isFalse();
        });
        assertThat(consents.withdraw(consent.id(), 0)).isFalse();
    }

    @Test
    void aDisclosureCardConsentCoversOnlyItsHospital() {
        long person = newPerson();
        long hospital = accounts.facilityOf(FacilityKind.HOSPITAL).id();
        long clinic = accounts.facilityOf(FacilityKind.CLINIC).id();

        Consent card = consents.grant(person, ConsentScope.ONE_FACILITY, hospital, Set.of(Purpose.TREATMENT), 0, hospital);

        assertThat(card.covers(hospital, Purpose.TREATMENT)).isTrue();
        assertThat(card.covers(clinic, Purpose.TREATMENT)).isFalse();
        assertThat(card.covers(hospital, Purpose.RESEARCH)).isFalse();
    }

    @Test
    void aFacilityLinksOnceEndsAndMayLinkAgain() {
        long person = newPerson();
        long clinic = accounts.facilityOf(FacilityKind.CLINIC).id();
        PatientLink first = consents.link(person, clinic, 0);
        assertThat(consents.link(person, clinic, 0).id()).isEqualTo(first.id());

        assertThat(consents.endLink(person, clinic, 0)).isTrue();
        assertThat(consents.links(person)).singleElement().satisfies(l -> assertThat(l.open()).isFalse());
        PatientLink again = consents.link(person, clinic, 0);

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(consents.links(person)).filteredOn(PatientLink::open).containsExactly(again);
    }

    @Test
    void blocksAndEmergencyAccessesAreKept() {
        long person = newPerson();
        long pharmacy = accounts.facilityOf(FacilityKind.PHARMACY).id();
        long doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR).id();
        consents.block(person, pharmacy, 0);
        Instant in4h = Instant.now().plus(4, ChronoUnit.HOURS);

        EmergencyAccess opened = consents.openEmergency(person, doctor, "unconscious on arrival", in4h);

        assertThat(consents.blockedFacilities(person)).containsExactly(pharmacy);
        assertThat(consents.emergencies(person)).containsExactly(opened);
        assertThat(opened.openAt(Instant.now())).isTrue();
        consents.unblock(person, pharmacy);
        assertThat(consents.blockedFacilities(person)).isEmpty();
    }

    private long newPerson() {
        return identities.register(new Person(TestRegionalIds.next(), "同意", "花子", "ドウイ", "ハナコ", Sex.FEMALE,
                LocalDate.of(1952, 7, 1), null, null, null)).id();
    }
}
