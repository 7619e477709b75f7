package org.musubi.fhirapi.summary;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.emergency.Crews;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.Validators;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code Patient/<id>/$summary} with a real HAPI client: the emergency minimum dataset as a FHIR document (an
 * IPS-shaped Composition first, LOINC sections referencing resources inside the Bundle, valid base R4), fetched by a
 * linked treating hospital's system (GET and POST) and by a paramedic under an open emergency access (ETREAT); the
 * medication section lists each medicine once; each call exactly one audit row.
 */
@MusubiIntegrationTest
class SummaryDocumentIT extends NetworkFixtures {

    @Autowired
    Crews crews;
    @Autowired
    PharmacyNotebooks notebooks;
    @Autowired
    Residents residents;

    @Test
    void aLinkedHospitalsSystemFetchesTheDocumentWithItsSectionsAndEveryReferenceResolvesInsideTheBundle() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT));
        Facility hospital = accounts.newHospital();
        consents.link(patient.personId(), hospital.id(), accounts.networkAdmin().id());
        ApiClientAdministration.NewApiClient system = clients.register(hospital, "system/*.read");
        IGenericClient api = clients.fhir(port, clients.token(port, system));
        String client = system.client().clientId();

        long before = audit.max();
        Bundle document = api.operation().onInstance(new IdType("Patient", patient.personId())).named("$summary")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute();

        List<AuditRows.Row> rows = audit.rows(before, client);
        assertThat(rows).as("exactly one audit record").hasSize(1);
        assertThat(rows.getFirst().action()).isEqualTo("READ");
        assertThat(rows.getFirst().outcome()).isEqualTo("PERMIT");
        assertThat(rows.getFirst().purpose()).isEqualTo("TREATMENT");
        assertThat(rows.getFirst().resourceType()).isEqualTo(SummaryProvider.AUDITED_AS);
        assertThat(rows.getFirst().patientId()).isEqualTo(patient.person().regionalId());

        assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(document.getIdentifier().getValue()).startsWith("urn:uuid:");
        assertThat(document.getTimestamp()).isNotNull();
        Composition composition = (Composition) document.getEntryFirstRep().getResource();
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("60591-5");
        assertThat(composition.getType().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(resolve(document, composition.getSubject())).hasValueSatisfying(r ->
                assertThat(r.fhirType()).isEqualTo("Patient"));
        assertThat(resolve(document, composition.getAuthorFirstRep())).hasValueSatisfying(r ->
                assertThat(r.fhirType()).isEqualTo("Device"));
        assertThat(composition.getSection()).extracting(s -> s.getCode().getCodingFirstRep().getCode())
                .containsExactly("48765-2", "10160-0", "11450-4", "8716-3", "30954-2");
        for (Composition.SectionComponent section : composition.getSection()) {
            assertThat(section.getText().getDivAsString()).as(section.getTitle()).isNotBlank();
            assertThat(section.getEntry()).as(section.getTitle()).isNotEmpty();
            section.getEntry().forEach(e -> assertThat(resolve(document, e)).as(e.getReference()).isPresent());
        }
        AllergyIntolerance allergy = (AllergyIntolerance) resolve(document, section(composition, "48765-2")
                .getEntryFirstRep()).orElseThrow();
        assertThat(allergy.getCode().getText()).isEqualTo("ペニシリン系抗菌薬");
        assertThat(resolve(document, allergy.getPatient())).as("the copy refers to the document's Patient").isPresent();
        assertThat(section(composition, "48765-2").getText().getDivAsString()).contains("全身の発疹");
        assertThat(section(composition, "10160-0").getText().getDivAsString()).contains("アムロジピン");
        assertThat(section(composition, "11450-4").getText().getDivAsString()).contains("本態性高血圧症");
        assertThat(section(composition, "30954-2").getText().getDivAsString()).contains("HbA1c").contains("高値");
        assertThat(document.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl).doesNotHaveDuplicates();
        assertThat(Validators.shared().check(document)).as("base R4").isEmpty();

        long beforePost = audit.max();
        Bundle posted = api.operation().onInstance(new IdType("Patient", patient.personId())).named("$summary")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();

        assertThat(posted.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(((Composition) posted.getEntryFirstRep().getResource()).getSection()).hasSize(5);
        assertThat(audit.since(beforePost, client)).as("POST: one audit record too").containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void aParamedicUnderAnOpenEmergencyAccessGetsEachMedicineOnceAndEmptySectionsSayWhy() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        DateTimeFormatter format = DateTimeFormatter.BASIC_ISO_DATE;
        var holder = new PharmacyNotebooks.Holder("要約 花子", "ヨウヤク ハナコ", "2", LocalDate.of(1940, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(10_000)).format(format));
        var first = notebooks.pharmacy("要約本通り薬局" + ThreadLocalRandom.current().nextInt(1000));
        var second = notebooks.pharmacy("要約駅前薬局" + ThreadLocalRandom.current().nextInt(1000));
        notebooks.send(first, holder, new PharmacyNotebooks.Dispensed(today.minusDays(10).format(format),
                "ワーファリン錠1mg", "3332001F1041", 28, "中央病院", "1234567"));
        notebooks.send(second, holder, new PharmacyNotebooks.Dispensed(today.minusDays(3).format(format),
                "ワーファリン錠1mg", "3332001F1041", 28, "中央病院", "1234567"));
        long admin = accounts.networkAdmin().id();
        notebooks.samePerson(first, patient.personId(), admin);
        notebooks.samePerson(second, patient.personId(), admin);
        User paramedic = crews.paramedic();
        WebSession web = accounts.signedIn(port, paramedic);
        Crews.open(web, patient);

        long before = audit.max();
        HttpResponse<String> answer = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/fhir/Patient/"
                + patient.personId() + "/$summary")).header("Accept", "application/fhir+json")
                .header("X-Purpose-Of-Use", "ETREAT").GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(audit.rows(before, paramedic.loginId())).singleElement().satisfies(r -> {
            assertThat(r.purpose()).isEqualTo("EMERGENCY");
            assertThat(r.outcome()).isEqualTo("PERMIT");
        });
        Bundle document = clients.context().newJsonParser().parseResource(Bundle.class, answer.body());
        Composition composition = (Composition) document.getEntryFirstRep().getResource();
        Composition.SectionComponent medicines = section(composition, "10160-0");
        List<String> names = medicines.getEntry().stream().map(e -> resolve(document, e).orElseThrow())
                .map(SummaryDocumentIT::medicationText).toList();
        assertThat(names).as("one entry per medicine").doesNotHaveDuplicates()
                .filteredOn(n -> n.contains("ワーファリン")).hasSize(1);
        assertThat(medicines.getText().getDivAsString()).contains("ワーファリン");
        assertThat(Validators.shared().check(document)).as("base R4").isEmpty();
    }

    @Test
    void aPersonWithNothingRecordedGetsTheThreeSectionsEmptyAsNilKnown() {
        Residents.Patient empty = residents.patientAt(port, FacilityKind.HOSPITAL, "ヨウヤク");
        consents.grant(empty.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.EMERGENCY), 0, null);
        WebSession web = accounts.signedIn(port, crews.paramedic());
        Crews.open(web, empty);

        HttpResponse<String> answer = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/fhir/Patient/"
                + empty.personId() + "/$summary")).header("Accept", "application/fhir+json")
                .header("X-Purpose-Of-Use", "ETREAT").GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        Bundle document = clients.context().newJsonParser().parseResource(Bundle.class, answer.body());
        Composition composition = (Composition) document.getEntryFirstRep().getResource();
        assertThat(composition.getSection()).extracting(s -> s.getCode().getCodingFirstRep().getCode())
                .containsExactly("48765-2", "10160-0", "11450-4");
        assertThat(composition.getSection()).allSatisfy(s -> {
            assertThat(s.getEntry()).isEmpty();
            assertThat(s.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("nilknown");
            assertThat(s.getText().getDivAsString()).contains("記録なし");
        });
        assertThat(document.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactly("Composition", "Patient", "Device");
        assertThat(Validators.shared().check(document)).as("base R4").isEmpty();
    }

    static Composition.SectionComponent section(Composition composition, String loinc) {
        return composition.getSection().stream().filter(s -> s.getCode().getCodingFirstRep().getCode().equals(loinc))
                .findFirst().orElseThrow();
    }

    /** The entry a reference points to inside the document: its full URL, or {@code <base>/<Type>/<id>}. */
    static Optional<Resource> resolve(Bundle document, Reference reference) {
        String ref = reference.getReference();
        return document.getEntry().stream().filter(e -> e.getFullUrl().equals(ref) || e.getFullUrl().endsWith("/" + ref))
                .map(Bundle.BundleEntryComponent::getResource).findFirst();
    }

    private static String medicationText(Resource resource) {
        return switch (resource) {
            case MedicationRequest r -> r.getMedicationCodeableConcept().getText()
                    + r.getMedicationCodeableConcept().getCodingFirstRep().getDisplay();
            case MedicationDispense r -> r.getMedicationCodeableConcept().getText()
                    + r.getMedicationCodeableConcept().getCodingFirstRep().getDisplay();
            default -> resource.fhirType();
        };
    }
}
