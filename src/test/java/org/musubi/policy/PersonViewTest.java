package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.PersonStatus;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;

/** The view carries the facts it was decided on to the rest of the request, and a refusal carries none of them. */
class PersonViewTest {

    private static final RegisteredPerson PERSON = new RegisteredPerson(7, new Person(regionalId(), "見本", "花子",
            "ミホン", "ハナコ", Sex.FEMALE, LocalDate.of(1950, 1, 2), null, null, null), PersonStatus.ACTIVE, null);
    private static final List<SourcePatient> SOURCES = List.of(new SourcePatient(11, 3, "P-1", "見本", "花子", "ミホン",
            "ハナコ", Sex.FEMALE, LocalDate.of(1950, 1, 2), null, null, null));

    /** A valid regional ID (15 digits and a Luhn check digit). */
    private static String regionalId() {
        String body = "123456789012345";
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    @Test
    void aPermittingViewCarriesThePersonAndTheSourcePatientsItWasDecidedOn() {
        PersonView view = new PersonView(new Permit(Permit.TREATMENT_CONSENT_AND_LINK),
                item -> new Permit(Permit.TREATMENT_CONSENT_AND_LINK), PERSON, SOURCES);

        assertThat(view.opened()).contains(PERSON);
        assertThat(view.sources()).containsExactlyElementsOf(SOURCES);
    }

    @Test
    void aRefusalCarriesNeitherThePersonNorTheirSourcePatients() {
        PersonView view = new PersonView(new Deny(Deny.NOT_LINKED), null, PERSON, SOURCES);

        assertThat(view.opened()).isEmpty();
        assertThat(view.sources()).isEmpty();
        assertThat(view.decide(new DataItem(3, DataCategory.MEDICATIONS)).key()).isEqualTo(Deny.NOT_LINKED);
    }

    @Test
    void aViewOfTheFacilitysOwnPatientOnlyCarriesThatPatientAndNeverThePerson() {
        PersonView view = new PersonView(new Permit(Permit.OWN_PATIENT), item -> new Permit(Permit.OWN_FACILITY_DATA),
                PERSON, SOURCES, false);

        assertThat(view.opened()).as("the person stays unknown to the facility").isEmpty();
        assertThat(view.person()).isNull();
        assertThat(view.ownPatient()).contains(SOURCES.getFirst());
        assertThat(view.decision().key()).isEqualTo(Permit.OWN_PATIENT);
        assertThat(view.actAsHolder().key()).isEqualTo(Deny.NO_STANDING);
    }

    @Test
    void onlyStandingOrAnOperatorActsAsAHolder() {
        Permit own = new Permit(Permit.OWN_FACILITY_DATA);
        assertThat(new PersonView(own, item -> own, PERSON, SOURCES, true).actAsHolder()).isEqualTo(own);
        assertThat(new PersonView(own, item -> own, PERSON, SOURCES, false).actAsHolder().key())
                .isEqualTo(Deny.NO_STANDING);
        Permit operator = new Permit(Permit.OPERATIONS_DEMOGRAPHICS);
        assertThat(new PersonView(operator, item -> operator, PERSON, SOURCES).actAsHolder()).isEqualTo(operator);
        Permit glass = new Permit(Permit.EMERGENCY_ACCESS);
        assertThat(new PersonView(glass, item -> glass, PERSON, SOURCES).actAsHolder().key()).isEqualTo(Deny.NO_STANDING);
        PersonView refused = new PersonView(new Deny(Deny.NOT_LINKED), null, PERSON, SOURCES, true);
        assertThat(refused.standing()).as("a refusal carries no standing").isFalse();
        assertThat(refused.actAsHolder().key()).isEqualTo(Deny.NOT_LINKED);
    }
}
