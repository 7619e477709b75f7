package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PIXm (ITI-83) through a real HAPI client with a real OAuth2 token: a facility system gets the
 * regional ID of its own patient once it linked the person with the card (an automatic match tells it nothing: its
 * own patient only, issue 37), other facilities' patient IDs only under consent and link, and every person opened
 * leaves one audit row.
 */
@MusubiIntegrationTest
class PixmIT extends NetworkFixtures {

    static final String REGIONAL = "urn:musubi:regional-id";
    static final String JP_PATIENT_ID = "urn:oid:1.2.392.100495.20.3.51.1";

    @Autowired
    IdentityStore identities;

    @Test
    void withoutALinkAFacilitySystemIsAnsweredWithItsOwnPatientOnlyNeverTheRegionalId() {
        Shared p = sharedPatient();
        IGenericClient clinic = clients.fhirFor(port, p.clinic(), "system/Patient.read");
        long before = audit.max();

        Parameters answer = pix(clinic, system(p.clinic()), p.clinicLocalId(), List.of());

        assertThat(identifiers(answer)).as("the clinic's patient has no other identifier of its own").isEmpty();
        assertThat(answer.getParameter("targetId")).as("it sent no Patient of its own to refer to").isNull();
        assertThat(audit.forPatient(before, p.regionalId())).containsExactly("READ PERMIT policy.permit.ownPatient");
    }

    @Test
    void aLinkMadeWithTheCardGivesTheRegionalIdOfItsOwnPatientWithoutConsent() {
        Shared p = sharedPatient();
        consents.link(p.person().id(), p.clinic().id(), accounts.networkAdmin().id());
        IGenericClient clinic = clients.fhirFor(port, p.clinic(), "system/Patient.read");
        long before = audit.max();

        Parameters answer = pix(clinic, system(p.clinic()), p.clinicLocalId(), List.of());

        assertThat(identifiers(answer)).containsExactly(REGIONAL + "|" + p.regionalId());
        assertThat(((Reference) answer.getParameter("targetId").getValue()).getReference())
                .isEqualTo("Patient/" + p.person().id());
        assertThat(audit.forPatient(before, p.regionalId())).containsExactly("READ PERMIT policy.permit.ownFacilityData");
    }

    @Test
    void otherFacilitiesPatientIdsAppearOnlyUnderConsentAndLinkAndGoWithTheWithdrawal() {
        Shared p = sharedPatient();
        IGenericClient clinic = clients.fhirFor(port, p.clinic(), "system/*.read");
        Consent consent = consents.grant(p.person().id(), ConsentScope.ALL_FACILITIES, null,
                Set.of(Purpose.TREATMENT), accounts.networkAdmin().id(), p.hospital().id());
        consents.link(p.person().id(), p.clinic().id(), accounts.networkAdmin().id());
        long before = audit.max();

        Parameters linked = pix(clinic, system(p.clinic()), p.clinicLocalId(), List.of());
        consents.withdraw(consent.id(), accounts.networkAdmin().id());
        Parameters withdrawn = pix(clinic, system(p.clinic()), p.clinicLocalId(), List.of());

        assertThat(identifiers(linked)).containsExactlyInAnyOrder(REGIONAL + "|" + p.regionalId(),
                system(p.hospital()) + "|" + p.hospitalLocalId());
        assertThat(identifiers(withdrawn)).containsExactly(REGIONAL + "|" + p.regionalId());
        assertThat(audit.forPatient(before, p.regionalId())).containsExactly(
                "READ PERMIT policy.permit.treatmentConsentAndLink", "READ PERMIT policy.permit.ownFacilityData");
    }

    @Test
    void targetSystemNarrowsTheAnswer() {
        Shared p = sharedPatient();
        consents.link(p.person().id(), p.hospital().id(), accounts.networkAdmin().id());
        IGenericClient hospital = clients.fhirFor(port, p.hospital(), "system/Patient.read");

        Parameters answer = pix(hospital, REGIONAL, p.regionalId(), List.of(system(p.hospital())));

        assertThat(identifiers(answer)).containsExactly(system(p.hospital()) + "|" + p.hospitalLocalId());
    }

    @Test
    void errorsFollowIti83AndRevealNothingOfOtherFacilities() {
        Shared p = sharedPatient();
        IGenericClient clinic = clients.fhirFor(port, p.clinic(), "system/Patient.read");

        assertThatThrownBy(() -> pix(clinic, "urn:oid:9.9.9", "1", List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Assigning Authority not found");
        assertThatThrownBy(() -> pix(clinic, system(p.clinic()), p.clinicLocalId(), List.of("urn:oid:9.9.9")))
                .isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("targetSystem not found");
        assertThatThrownBy(() -> pix(clinic, system(p.clinic()), "no-such-patient", List.of()))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> pix(clinic, system(p.hospital()), p.hospitalLocalId(), List.of()))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aPersonThePolicyDoesNotOpenAnswersAsAnUnknownOneAndTheReasonIsOnlyAudited() {
        Shared p = sharedPatient();
        IGenericClient pharmacy = clients.fhirFor(port, accounts.facilityOf(FacilityKind.PHARMACY), "system/Patient.read");
        long before = audit.max();

        assertThatThrownBy(() -> pix(pharmacy, REGIONAL, p.regionalId(), List.of()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("sourceIdentifier Patient Identifier not found")
                .hasMessageNotContaining("consent");
        assertThat(audit.forPatient(before, p.regionalId())).containsExactly("READ DENY policy.deny.noConsent");
    }

    static Parameters pix(IGenericClient client, String system, String value, List<String> targets) {
        var query = client.operation().onType("Patient").named("$ihe-pix")
                .withSearchParameter(Parameters.class, "sourceIdentifier", new TokenParam(system, value));
        for (String target : targets) {
            query = query.andSearchParameter("targetSystem", new UriParam(target));
        }
        return query.useHttpGet().execute();
    }

    static List<String> identifiers(Parameters parameters) {
        return parameters.getParameter().stream().filter(p -> p.getName().equals("targetIdentifier"))
                .map(p -> (Identifier) p.getValue()).map(i -> i.getSystem() + "|" + i.getValue()).toList();
    }

    static String system(Facility facility) {
        return JP_PATIENT_ID + facility.code().value();
    }

    /** A person known to a hospital and a clinic, each with its own patient ID; no consent, no link. */
    Shared sharedPatient() {
        RegisteredPerson person = identities.register(new Person(TestRegionalIds.next(), "共有", "花子", "キョウユウ",
                "ハナコ", Sex.FEMALE, LocalDate.of(1950, 2, 14), "730-0011", "広島市中区基町1-1", "082-000-1111"));
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        String hospitalId = "H" + person.id();
        String clinicId = "C" + person.id();
        for (var source : List.of(new SourcePatient(0, hospital.id(), hospitalId, "共有", "花子", "キョウユウ", "ハナコ",
                        Sex.FEMALE, LocalDate.of(1950, 2, 14), null, null, null),
                new SourcePatient(0, clinic.id(), clinicId, "共有", "花子", "キョウユウ", "ハナコ", Sex.FEMALE,
                        LocalDate.of(1950, 2, 14), null, null, null))) {
            SourcePatient stored = identities.receive(source);
            identities.link(stored.id(), person.id(), LinkMethod.OPERATOR, accounts.networkAdmin().id(), "test");
        }
        return new Shared(person, hospital, hospitalId, clinic, clinicId);
    }

    record Shared(RegisteredPerson person, Facility hospital, String hospitalLocalId, Facility clinic,
                  String clinicLocalId) {
        String regionalId() {
            return person.person().regionalId();
        }
    }
}
