package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.testing.FhirRecords.HBA1C;
import static org.musubi.testing.FhirRecords.JLAC10;
import static org.musubi.testing.FhirRecords.LDL;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/** The record store through a real HAPI client: create, read, vread, update, history, search and paging, delete. */
@MusubiIntegrationTest
class RecordApiIT extends NetworkFixtures {

    @Test
    void aHospitalWritesReadsVersionsAndDeletesItsOwnObservations() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, "キロクイチ");

        String id = FhirRecords.create(fhir, FhirRecords.lab(hospital, localId, HBA1C, "2024-01-10T09:00:00+09:00", 6.1));
        Observation read = fhir.read().resource(Observation.class).withId(id).execute();
        Observation changed = read.copy();
        changed.setValue(new Quantity().setValue(6.3).setUnit("%"));
        fhir.update().resource(changed).execute();

        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo(HBA1C);
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        assertThat(((Quantity) fhir.read().resource(Observation.class).withId(id).execute().getValue()).getValue())
                .isEqualByComparingTo("6.3");
        assertThat(((Quantity) fhir.read().resource(Observation.class).withIdAndVersion(id, "1").execute().getValue())
                .getValue()).isEqualByComparingTo("6.1");
        Bundle history = fhir.history().onInstance("Observation/" + id).returnBundle(Bundle.class).execute();
        assertThat(history.getEntry()).hasSize(2);

        fhir.delete().resourceById("Observation", id).execute();
        assertThatThrownBy(() -> fhir.read().resource(Observation.class).withId(id).execute())
                .isInstanceOf(ResourceGoneException.class);
        assertThat(((Quantity) fhir.read().resource(Observation.class).withIdAndVersion(id, "2").execute().getValue())
                .getValue()).as("the version a deletion replaced").isEqualByComparingTo("6.3");
    }

    @Test
    void searchFiltersByCodeAndDateSortsAndPagesWithTotalsAndNextLinks() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        // searched through the hospital's own Patient: it never linked the person with the card (issue 37)
        String person = FhirRecords.registerPatient(fhir, hospital, localId, "キロクニ");
        for (String day : new String[] {"2024-01-10", "2024-02-10", "2024-03-10"}) {
            FhirRecords.create(fhir, FhirRecords.lab(hospital, localId, HBA1C, day, 6.0));
        }
        FhirRecords.create(fhir, FhirRecords.lab(hospital, localId, LDL, "2024-02-11", 120));

        Bundle first = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId("Patient/" + person))
                .and(Observation.CODE.exactly().systemAndCode(JLAC10, HBA1C)).count(2).returnBundle(Bundle.class).execute();
        Bundle second = fhir.loadPage().next(first).execute();
        Bundle since = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId("Patient/" + person))
                .and(Observation.DATE.afterOrEquals().day("2024-02-01")).returnBundle(Bundle.class).execute();
        Bundle oldestFirst = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId("Patient/" + person))
                .sort().ascending("date").returnBundle(Bundle.class).execute();

        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(effective(first, 0)).startsWith("2024-03-10");
        assertThat(second.getEntry()).hasSize(1);
        assertThat(effective(second, 0)).startsWith("2024-01-10");
        assertThat(second.getLink(Bundle.LINK_NEXT)).isNull();
        assertThat(since.getTotal()).isEqualTo(3);
        assertThat(effective(oldestFirst, 0)).startsWith("2024-01-10");
    }

    @Test
    void anotherFacilitySeesTheDataOnlyUnderConsentAndLinkAndCanNeverChangeIt() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IGenericClient clinicApi = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(hospitalApi, hospital, localId, "キロクサン");
        long person = clients.personOf(hospital, localId);
        String id = FhirRecords.create(hospitalApi, FhirRecords.lab(hospital, localId, HBA1C, "2024-05-01", 7.0));
        long before = audit.max();

        assertThatThrownBy(() -> clinicApi.read().resource(Observation.class).withId(id).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);
        Observation seen = clinicApi.read().resource(Observation.class).withId(id).execute();
        Observation tampered = seen.copy();
        tampered.setValue(new Quantity().setValue(1.0));

        assertThat(seen.getIdElement().getIdPart()).isEqualTo(id);
        assertThatThrownBy(() -> clinicApi.update().resource(tampered).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> clinicApi.delete().resourceById("Observation", id).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(((Quantity) hospitalApi.read().resource(Observation.class).withId(id).execute().getValue()).getValue())
                .isEqualByComparingTo("7.0");
        String regionalId = clinicApi.read().resource(Patient.class).withId(String.valueOf(person)).execute()
                .getIdentifierFirstRep().getValue();
        assertThat(audit.forPatient(before, regionalId)).startsWith("READ DENY policy.deny.noConsent",
                "READ PERMIT policy.permit.treatmentConsentAndLink", "UPDATE DENY record.notOwner",
                "DELETE DENY record.notOwner", "READ PERMIT policy.permit.ownFacilityData");
    }

    @Test
    void aWriteMustBeAboutThePatientOfTheWritingFacility() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        Observation orphan = FhirRecords.lab(hospital, "no-such-patient", HBA1C, "2024-01-01", 5.0);
        Condition noSubject = new Condition();
        noSubject.getCode().addCoding().setSystem("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full").setCode("I10");

        assertThatThrownBy(() -> fhir.create().resource(orphan).execute())
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("Observation.subject");
        assertThatThrownBy(() -> fhir.create().resource(noSubject).execute())
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("Condition.subject");
    }

    @Test
    void anObservationSentWithoutAPatientIsReadableOnlyByItsFacility() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient own = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IGenericClient other = clients.fhirFor(port, accounts.facilityOf(FacilityKind.CLINIC), "system/*.read");
        Observation unattached = FhirRecords.lab(hospital, "x", HBA1C, "2024-01-01", 5.0).setSubject(null);

        String id = FhirRecords.create(own, unattached);

        assertThat(own.read().resource(Observation.class).withId(id).execute().hasSubject()).isFalse();
        assertThatThrownBy(() -> other.read().resource(Observation.class).withId(id).execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void dataAboutNoPersonYetIsSeenOnlyInTheCategoriesTheUsersProfessionMaySee() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient own = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String id = FhirRecords.create(own, FhirRecords.lab(hospital, "x", HBA1C, "2024-01-01", 5.0).setSubject(null));
        WebSession clerk = accounts.signedIn(port, accounts.memberOf(hospital, Profession.MEDICAL_CLERK));
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        long before = audit.max();

        var clerkRead = clerk.send(HttpRequest.newBuilder(URI.create(clerk.base() + "/fhir/Observation/"
                + id)).header("Accept", "application/fhir+json"));
        var doctorRead = doctor.send(HttpRequest.newBuilder(URI.create(doctor.base()
                + "/fhir/Observation/" + id)).header("Accept", "application/fhir+json"));

        assertThat(clerkRead.statusCode()).as("a clerk of the sending hospital sees demographics only").isEqualTo(404);
        assertThat(doctorRead.statusCode()).isEqualTo(200);
        assertThat(audit.reasons(before, "READ", "Observation")).containsExactly(
                "policy.deny.categoryNotAllowedForProfession", "policy.permit.ownFacilityData");
    }

    @Test
    void aDocumentIsStreamedInAndOutAsBinaryAndReadThroughThePolicy() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String otherToken = clients.token(port, clients.register(accounts.facilityOf(FacilityKind.CLINIC), "system/*.read"));
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, "ブンショ");
        byte[] pdf = ("%PDF-1.4 紹介状 " + localId).getBytes(StandardCharsets.UTF_8);
        var http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port + "/fhir/Binary";

        var created = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .header("X-Security-Context", "Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.split("/")[1];
        var read = http.send(HttpRequest.newBuilder(URI.create(base + "/" + id))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        var refused = http.send(HttpRequest.newBuilder(URI.create(base + "/" + id))
                .header("Authorization", "Bearer " + otherToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        var anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(read.body()).isEqualTo(pdf);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static String effective(Bundle bundle, int index) {
        return ((Observation) bundle.getEntry().get(index).getResource()).getEffectiveDateTimeType().getValueAsString();
    }
}
