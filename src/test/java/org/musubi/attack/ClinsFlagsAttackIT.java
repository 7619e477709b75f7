package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.phr.ResidentFixtures;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.security.internal.smart.SmartLaunches;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The JP-CLINS flags a hospital sets in {@code meta.tag} (issue 42), attacked from every side they guard:
 * <ul>
 *   <li>未告知 (UNINFORMED: the patient has not been told yet) never reaches the patient's side — not the resident's
 *       notebook, not a proxy's view of it, not the resident's SMART app ({@code $everything}, search, read by id, and
 *       a document Bundle that holds a flagged diagnosis) — while the clinicians of a linked clinic see it, marked;</li>
 *   <li>未提供 (UNDELIVERED: not to be shared) reaches no other facility, nor the patient; the hospital that sent it
 *       sees it, marked;</li>
 *   <li>長期保存 (LTS) hides nothing and is kept as sent;</li>
 *   <li>what is refused answers exactly like an id that nothing has, and every call leaves one audit row.</li>
 * </ul>
 */
@MusubiIntegrationTest
class ClinsFlagsAttackIT extends ResidentFixtures {

    private static final String FLAGS = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication";

    @Autowired
    SmartLaunches launches;
    @Autowired
    org.musubi.emergency.Crews crews;

    private record Record(Residents.Patient patient, String told, String untold, String unshared, String kept,
                          String untoldId, String unsharedId, String keptId, String bundleMarker, String toldMedicine,
                          String untoldMedicine, String unsharedMedicine) {
    }

    @Test
    void theResidentTheirProxyAndTheirAppNeverSeeWhatIsNotYetToldNorWhatIsNotShared() throws Exception {
        Record r = record();
        long person = r.patient().personId();
        Residents.Resident resident = residents.register(person);
        WebSession notebook = residents.logIn(port, resident);

        String medicines = notebook.get("/phr/medicines").body();
        assertThat(medicines).contains(r.toldMedicine()).doesNotContain(r.untoldMedicine())
                .doesNotContain(r.unsharedMedicine());

        Residents.Resident family = residents.register(residents.patientAt(port, r.patient().facility(), "ミコクチカゾク")
                .personId());
        jdbc.sql("INSERT INTO proxy_grant (person_id, proxy_user_id, granted_by, valid_to) VALUES (?, ?, ?, ?)")
                .params(person, family.account().id(), resident.account().id(),
                        java.sql.Timestamp.valueOf(LocalDate.now().plusDays(30).atStartOfDay())).update();
        WebSession proxy = residents.logIn(port, family);
        proxy.get("/phr/proxies");
        proxy.post("/phr/act-for", "personId", String.valueOf(person));
        String proxied = proxy.get("/phr/medicines").body();
        assertThat(proxied).contains("proxy-banner").contains(r.toldMedicine()).doesNotContain(r.untoldMedicine())
                .doesNotContain(r.unsharedMedicine());

        SmartLaunches.App app = launches.register(SmartLaunches.SCOPES);
        SmartLaunches.TokenAnswer tokens = launches.launch(port, notebook, app, SmartLaunches.SCOPES);
        RawApi api = new RawApi(port, tokens.text("access_token"));
        String patientId = tokens.text("patient");
        long appUser = resident.account().id();
        for (String path : List.of("Patient/" + patientId + "/$everything", "Condition?patient=Patient/" + patientId,
                "Bundle?patient=Patient/" + patientId, "MedicationDispense?patient=Patient/" + patientId)) {
            long before = audit.max();
            HttpResponse<String> answer = api.get(path);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain(r.untold()).doesNotContain(r.unshared())
                    .doesNotContain(r.bundleMarker()).doesNotContain(r.untoldMedicine())
                    .doesNotContain(r.unsharedMedicine()).doesNotContain("UNINFORMED").doesNotContain("UNDELIVERED");
            assertThat(audit.countByUser(before, appUser)).as(path + ": one audit row").isEqualTo(1);
        }
        HttpResponse<String> everything = api.get("Patient/" + patientId + "/$everything");
        assertThat(everything.body()).as("what was told, and what is kept long, is shown").contains(r.told())
                .contains(r.kept()).contains(r.toldMedicine());
        for (String id : List.of(r.untoldId(), r.unsharedId())) {
            String absent = UUID.randomUUID().toString();
            long before = audit.max();
            HttpResponse<String> asked = api.get("Condition/" + id);
            long between = audit.max();
            HttpResponse<String> nothing = api.get("Condition/" + absent);
            Answers.assertAlike("the resident's app reads a flagged Condition", asked, id, nothing, absent);
            assertThat(asked.statusCode()).isEqualTo(404);
            assertThat(audit.countByUser(before, appUser) - audit.countByUser(between, appUser)).isEqualTo(1);
            assertThat(audit.countByUser(between, appUser)).isEqualTo(1);
        }
        assertThat(audit.forPatient(0, r.patient().person().regionalId()))
                .anyMatch(row -> row.contains("policy.deny.notToldToPatient"))
                .anyMatch(row -> row.contains("policy.deny.notForSharing"));
    }

    @Test
    void aLinkedClinicSeesWhatIsNotYetToldMarkedButNeverWhatTheHospitalDoesNotShare() throws Exception {
        Record r = record();
        long person = r.patient().personId();
        Facility hospital = r.patient().facility();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        long operator = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), operator,
                hospital.id());
        consents.link(person, clinic.id(), operator);

        org.musubi.registry.User doctorUser = accounts.memberOf(clinic, Profession.DOCTOR);
        WebSession doctor = accounts.signedIn(port, doctorUser);
        String timeline = doctor.get("/portal/patients/" + person).body();
        assertThat(timeline).contains(r.told()).contains(r.untold()).contains(r.kept())
                .doesNotContain(r.unshared()).doesNotContain(r.unsharedMedicine());
        assertThat(untoldEntry(timeline, r.untold())).as("the clinician sees it marked 未告知")
                .contains("data-mark=\"chart.mark.UNINFORMED\"").contains("未告知");
        assertThat(untoldEntry(timeline, r.told())).doesNotContain("data-mark=");
        String medicines = doctor.get("/portal/patients/" + person + "/medications").body();
        assertThat(medicines).contains(r.toldMedicine()).doesNotContain(r.unsharedMedicine());
        assertThat(medicineRow(medicines, r.untoldMedicine())).as("the medicines list marks it too")
                .contains("data-mark=\"chart.mark.UNINFORMED\"");
        assertThat(medicineRow(medicines, r.toldMedicine())).doesNotContain("data-mark=");
        String labs = doctor.get("/portal/patients/" + person + "/labs").body();
        assertThat(labs).contains(">6.8<").contains(">7.4<").doesNotContain(">9.1<");
        assertThat(labResult(labs, "7.4")).as("the lab table marks it too").contains("data-mark=\"chart.mark.UNINFORMED\"");
        assertThat(labResult(labs, "6.8")).doesNotContain("data-mark=");

        consents.openEmergency(person, doctorUser.id(), "救急搬送時の一枚サマリー印刷",
                java.time.Instant.now().plus(java.time.Duration.ofHours(1)));
        HttpResponse<byte[]> printed = doctor.getBytes("/portal/patients/" + person + "/emergency-summary.pdf");
        assertThat(printed.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(printed.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).as("a printed summary marks what the patient has not been told")
                    .contains(r.untold() + "［未告知").contains(r.told()).doesNotContain(r.told() + "［")
                    .doesNotContain(r.unshared());
        }

        WebSession pharmacist = accounts.signedIn(port, accounts.memberOf(clinic, Profession.PHARMACIST));
        assertThat(pharmacist.get("/portal/patients/" + person).body()).as("a flag is no kind the matrix governs")
                .contains(r.untold()).doesNotContain(r.unshared());

        RawApi system = new RawApi(port, clients.token(port, clients.register(clinic, "system/*.read")));
        String absent = UUID.randomUUID().toString();
        HttpResponse<String> asked = system.get("Condition/" + r.unsharedId());
        HttpResponse<String> nothing = system.get("Condition/" + absent);
        Answers.assertAlike("the clinic's system reads the hospital's unshared Condition", asked, r.unsharedId(), nothing,
                absent);
        HttpResponse<String> untold = system.get("Condition/" + r.untoldId());
        assertThat(untold.statusCode()).isEqualTo(200);
        assertThat(untold.body()).contains(r.untold()).contains("UNINFORMED");
        HttpResponse<String> everything = system.get("Patient/" + person + "/$everything");
        assertThat(everything.body()).contains(r.untold()).contains(r.bundleMarker()).doesNotContain(r.unshared())
                .doesNotContain(r.unsharedMedicine());

        consents.link(person, hospital.id(), operator);
        WebSession own = accounts.signedIn(port, accounts.memberOf(hospital, Profession.NURSE));
        String hospitalsView = own.get("/portal/patients/" + person).body();
        assertThat(untoldEntry(hospitalsView, r.unshared())).as("the hospital sees its own unshared diagnosis, marked")
                .contains("data-mark=\"chart.mark.UNDELIVERED\"");
    }

    @Test
    void anAmbulanceCrewSeesADiagnosisNotYetToldMarkedAndNoneThatIsNotShared() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        String unique = FhirRecords.uniqueKana();
        FhirRecords.create(patient.api(), condition(patient, "救急未告知病名" + unique, "UNINFORMED"));
        FhirRecords.create(patient.api(), condition(patient, "救急未提供病名" + unique, "UNDELIVERED"));
        WebSession crew = accounts.signedIn(port, crews.paramedic());
        org.musubi.emergency.Crews.open(crew, patient);

        String dataset = crew.get("/emergency/persons/" + patient.personId()).body();

        assertThat(dataset).contains("本態性高血圧症").doesNotContain("救急未提供病名" + unique);
        int untold = dataset.indexOf("救急未告知病名" + unique);
        assertThat(untold).as("the crew sees the diagnosis").isPositive();
        assertThat(dataset.substring(untold, dataset.indexOf("</li>", untold)))
                .as("marked, so that nobody tells the patient by accident").contains("data-mark=\"chart.mark.UNINFORMED\"");
        int told = dataset.indexOf("本態性高血圧症");
        assertThat(dataset.substring(told, dataset.indexOf("</li>", told))).doesNotContain("data-mark=");
    }

    @Test
    void longTermStorageIsKeptAsSentAndHidesNothing() {
        Record r = record();
        Condition kept = r.patient().api().read().resource(Condition.class).withId(r.keptId()).execute();

        assertThat(kept.getMeta().getTag()).extracting(Coding::getSystem, Coding::getCode)
                .contains(org.assertj.core.groups.Tuple.tuple(FLAGS, "LTS"));
        assertThat(jdbc.sql("SELECT content_categories FROM resource WHERE id = ?").param(r.keptId())
                .query(String.class).optional()).as("nothing held besides its category").isEmpty();
        assertThat(jdbc.sql("SELECT array_to_string(content_categories, ',') FROM resource WHERE id = ?")
                .param(r.untoldId()).query(String.class).single()).isEqualTo("UNINFORMED");
    }

    /** The {@code <details>} of the timeline entry titled {@code title}. */
    private static String untoldEntry(String page, String title) {
        for (String entry : page.split("<details class=\"entry")) {
            int end = entry.indexOf("</summary>");
            if (end > 0 && entry.substring(0, end).contains(title)) {
                return entry.substring(0, end);
            }
        }
        throw new AssertionError("no timeline entry titled " + title);
    }

    /** The lab table's result whose value is {@code value}. */
    private static String labResult(String page, String value) {
        for (String chunk : page.split("<span class=\"result")) {
            if (chunk.contains(">" + value + "<")) {
                return chunk.substring(0, chunk.indexOf("facility-badge"));
            }
        }
        throw new AssertionError("no lab result " + value);
    }

    /** The table row of the medicines list that names {@code drug}. */
    private static String medicineRow(String page, String drug) {
        for (String chunk : page.split("<tr")) {
            String row = chunk.substring(0, Math.max(0, chunk.indexOf("</tr>")));
            if (row.contains(drug)) {
                return row;
            }
        }
        throw new AssertionError("no medicines row of " + drug);
    }

    @Test
    void theDocumentViewerMarksADocumentNotYetTold() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ミコクチブンショ");
        String marker = "未告知の説明文書" + FhirRecords.uniqueKana();
        org.hl7.fhir.r4.model.DocumentReference document = new org.hl7.fhir.r4.model.DocumentReference()
                .setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT)
                .setSubject(patient.reference()).setDescription(marker);
        document.addContent().getAttachment().setContentType("text/plain; charset=utf-8")
                .setData(marker.getBytes(java.nio.charset.StandardCharsets.UTF_8)).setTitle(marker);
        String untold = FhirRecords.create(patient.api(), flagged(document, "UNINFORMED"));
        long person = patient.personId();
        long operator = accounts.networkAdmin().id();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), operator,
                patient.facility().id());
        consents.link(person, clinic.id(), operator);

        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        HttpResponse<String> page = doctor.get("/portal/patients/" + person + "/documents/" + untold);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(marker).contains("id=\"document-marks\"")
                .contains("data-mark=\"chart.mark.UNINFORMED\"");
    }

    /** A hospital's patient with a diagnosis and a medicine of each flag, and a document Bundle holding one. */
    private Record record() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ミコクチ");
        String unique = FhirRecords.uniqueKana();
        IGenericClient api = patient.api();
        String told = "告知済病名" + unique;
        String untold = "未告知病名" + unique;
        String unshared = "未提供病名" + unique;
        String kept = "長期保存病名" + unique;
        FhirRecords.create(api, condition(patient, told, null));
        String untoldId = FhirRecords.create(api, condition(patient, untold, "UNINFORMED"));
        String unsharedId = FhirRecords.create(api, condition(patient, unshared, "UNDELIVERED"));
        String keptId = FhirRecords.create(api, condition(patient, kept, "LTS"));
        String bundleMarker = "未告知文書" + unique;
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.getIdentifier().setSystem("urn:musubi:flags-test").setValue(bundleMarker);
        Patient registered = (Patient) api.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(FhirRecords.patientSystem(patient.facility()),
                        patient.localId())).returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        Patient copy = registered.copy();
        copy.setId((String) null);
        bundle.addEntry().setFullUrl(patientUrl).setResource(copy);
        Condition inside = condition(patient, "束内" + untold, "UNINFORMED");
        inside.setSubject(new Reference(patientUrl));
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(inside);
        FhirRecords.create(api, bundle);
        String toldMedicine = "告知済薬" + unique;
        String untoldMedicine = "未告知薬" + unique;
        String unsharedMedicine = "未提供薬" + unique;
        FhirRecords.create(api, FhirRecords.lab(patient.facility(), patient.localId(), FhirRecords.HBA1C, "2025-05-03", 6.8));
        FhirRecords.create(api, flagged(FhirRecords.lab(patient.facility(), patient.localId(), FhirRecords.HBA1C, "2025-05-04",
                7.4), "UNINFORMED"));
        FhirRecords.create(api, flagged(FhirRecords.lab(patient.facility(), patient.localId(), FhirRecords.HBA1C, "2025-05-05",
                9.1), "UNDELIVERED"));
        FhirRecords.create(api, dispense(patient, toldMedicine, null));
        FhirRecords.create(api, dispense(patient, untoldMedicine, "UNINFORMED"));
        FhirRecords.create(api, dispense(patient, unsharedMedicine, "UNDELIVERED"));
        return new Record(patient, told, untold, unshared, kept, untoldId, unsharedId, keptId, bundleMarker, toldMedicine,
                untoldMedicine, unsharedMedicine);
    }

    private static Condition condition(Residents.Patient patient, String name, String flag) {
        Condition condition = new Condition().setSubject(patient.reference());
        condition.getCode().setText(name).addCoding().setSystem("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full")
                .setCode("C16");
        condition.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("active");
        condition.setRecordedDateElement(new DateTimeType("2025-05-01"));
        return flagged(condition, flag);
    }

    private static MedicationDispense dispense(Residents.Patient patient, String name, String flag) {
        MedicationDispense dispense = new MedicationDispense()
                .setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED).setSubject(patient.reference())
                .setMedication(new CodeableConcept().setText(name))
                .setWhenHandedOverElement(new DateTimeType("2025-05-02"));
        return flagged(dispense, flag);
    }

    private static <T extends Resource> T flagged(T resource, String flag) {
        if (flag != null) {
            resource.getMeta().addTag(FLAGS, flag, null);
        }
        return resource;
    }
}
