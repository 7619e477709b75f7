package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checkup centres' FHIR documents (issue 38, finding 6): the JP eCheckup implementation guides (健診結果報告書 FHIR
 * 記述仕様, JP_Patient_eCheckupGeneral and its examples) name the examinee by the checkup organisation's patient-ID
 * system {@code urn:oid:1.2.392.200119.6.102.1<健診機関番号 10 digits>} (OID 1.2.392.200119.6.102 is the MHLW's
 * 特定健診機関番号). A checkup centre writing about its own examinees (its own number, which is its code in the
 * registry) is understood; another centre's number, or a facility that is no checkup centre, gets the answer any
 * foreign system gets. The document is the centre's own, written the way the guide's examples write it
 * ({@code echeckup-report.json}); each test works on checkup centres of its own.
 */
@MusubiIntegrationTest
class CheckupCentrePatientIdIT extends NetworkFixtures {

    static final String CHECKUP_PATIENT_ID = "urn:oid:1.2.392.200119.6.102.1";

    @Autowired
    Facilities facilities;
    @Autowired
    IdentityStore identities;

    @Test
    void aCheckupCentresReportNamingTheExamineeInItsOwnCheckupSystemIsStoredUnderItsPatient() throws IOException {
        Facility centre = newCheckupCentre();
        ApiClientAdministration.NewApiClient client = clients.register(centre, "system/*.read", "system/*.write");
        IGenericClient fhir = clients.fhir(port, clients.token(port, client));
        String examinee = examineeNumber();
        Bundle report = report(centre, centre, examinee);

        long before = audit.max();
        MethodOutcome stored = fhir.create().resource(report).execute();
        Bundle found = fhir.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly()
                .systemAndCode(CHECKUP_PATIENT_ID + centre.code().value(), examinee)).returnBundle(Bundle.class).execute();

        assertThat(stored.getId().getIdPart()).isNotBlank();
        SourcePatient source = identities.sourcePatient(centre.id(), examinee).orElseThrow();
        assertThat(source.localId()).as("the examinee number is the centre's own patient ID").isEqualTo(examinee);
        assertThat(found.getEntry()).as("the centre finds its examinee by the number it sent").hasSize(1);
        assertThat(((Patient) found.getEntryFirstRep().getResource()).getIdentifier())
                .as("answered as the centre's patient with that number (its built-in system names the same patients)")
                .extracting(Identifier::getSystem, Identifier::getValue)
                .contains(Tuple.tuple(FhirRecords.patientSystem(centre), examinee));
        List<String> created = Collections.nCopies(report.getEntry().size() + 1, "CREATE PERMIT created v1");
        assertThat(audit.since(before, client.client().clientId())).as("the examinee registered (a new person), the"
                + " Bundle and each entry created, and the search audited as a read of the centre's own patient")
                .containsExactlyElementsOf(Stream.of(List.of("PERSON_CREATE PERMIT no matching person"),
                        created, List.of("READ PERMIT policy.permit.ownPatient")).flatMap(List::stream).toList());
    }

    @Test
    void anotherCentresNumberIsRefusedLikeAnyForeignSystem() throws IOException {
        Facility centre = newCheckupCentre();
        Facility other = newCheckupCentre();
        IGenericClient fhir = clients.fhirFor(port, centre, "system/*.read", "system/*.write");
        String examinee = examineeNumber();

        assertThatThrownBy(() -> fhir.create().resource(report(centre, other, examinee)).execute())
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("Patient.identifier に自施設の患者番号が必要です")
                .hasMessageContaining(CHECKUP_PATIENT_ID + centre.code().value())
                .message().doesNotContain(CHECKUP_PATIENT_ID + other.code().value());
        assertThat(identities.sourcePatient(centre.id(), examinee)).isEmpty();
        assertThat(identities.sourcePatient(other.id(), examinee)).isEmpty();
    }

    @Test
    void aFacilityThatIsNoCheckupCentreCannotNameItsPatientsInTheCheckupSystem() throws IOException {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String examinee = examineeNumber();

        assertThatThrownBy(() -> fhir.create().resource(report(hospital, hospital, examinee)).execute())
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("Patient.identifier with your facility's patient ID in one of these systems is required")
                .message().doesNotContain(CHECKUP_PATIENT_ID);
        assertThat(identities.sourcePatient(hospital.id(), examinee)).isEmpty();
    }

    /** The eCheckup document of {@code writer}, its examinee named in the checkup system of {@code numberOf}. */
    private Bundle report(Facility writer, Facility numberOf, String examinee) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("echeckup/echeckup-report.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replace(CHECKUP_PATIENT_ID + "{{CENTRE}}", CHECKUP_PATIENT_ID + numberOf.code().value())
                .replace("{{CENTRE}}", writer.code().value()).replace("{{CENTRE_NAME}}", writer.nameKanji())
                .replace("{{EXAMINEE}}", examinee).replace("{{DOCUMENT}}", "R" + examinee);
        return clients.context().newJsonParser().parseResource(Bundle.class, json);
    }

    /** A new checkup centre of its own: a 特定健診機関番号 (fee-table digit 2, 非保険健診) no other facility has. */
    private Facility newCheckupCentre() {
        while (true) {
            int number = 900_000 + ThreadLocalRandom.current().nextInt(100_000);
            String code = MedicalInstitutionCode.of(34, 2, number).value();
            if (facilities.findByCode(code).isEmpty()) {
                return facilities.insert(new FacilityDraft("試験健診センター" + number, "シケンケンシンセンター",
                        FacilityKind.CHECKUP_CENTRE, code, 34, "広島市南区試験町" + number, null, true, true,
                        FacilityStatus.ACTIVE));
            }
        }
    }

    private static String examineeNumber() {
        return String.valueOf(10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    }
}
