package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.emergency.Crews;
import org.musubi.identity.IdentityStore;
import org.musubi.phr.Residents;
import org.musubi.phr.otc.EnteredBy;
import org.musubi.phr.otc.SelfMedications;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.phr.sheet.SheetForm;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The label test of issue 38 (finding 8): a screen says "none" only when the reader may see that kind of data and none
 * exists. Over real HTTP, on the viewer's pages (header, お薬, 検査結果, 健康手帳), the crews' dataset page and the
 * own-records pages, for a profession that may see a kind and one that may not: one wording for hidden
 * ({@value #HIDDEN}), one for no record ({@value #NONE}), one for none among the facility's own records ({@value #NONE_OWN});
 * what the resident wrote in the health notebook (命の宝箱, OTC) stands in the clinical boxes marked {@value #SELF}, and
 * a box holding only such facts never says "none".
 */
@MusubiIntegrationTest
class SaysNoneOnlyWhenNoneIT extends NetworkFixtures {

    static final String HIDDEN = "この職種・閲覧目的では表示されません";
    static final String NONE = "記録なし";
    static final String NONE_OWN = "自施設の記録にはありません";
    static final String SELF = "本人記入";
    /** The words a box must never use where data is hidden, self-reported only, or another facility's. */
    private static final String[] OTHER_NONES = {"登録なし", "ありません。", "表示対象外", "記録はありません"};

    @Autowired
    Residents residents;
    @Autowired
    Crews crews;
    @Autowired
    EmergencySheets sheets;
    @Autowired
    SelfMedications otc;
    @Autowired
    IdentityStore identities;

    @Test
    void theCrewsAllergyAndMedicineBoxesListWhatTheResidentWroteMarkedSelfReported() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ホンニンキニュウ");
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                0, null);
        selfReported(patient);
        WebSession crew = accounts.signedIn(port, crews.paramedic());
        Crews.open(crew, patient);
        long before = audit.max();

        String page = crew.get("/emergency/persons/" + patient.personId()).body();

        assertThat(box(page, "dataset-allergies")).as("the red allergy box").contains("ペニシリン").contains("発疹")
                .contains(SELF).doesNotContain(NONE)
                .as("taken over from a record the crew is not shown: the sheet still says it").contains("セフェム系抗菌薬");
        assertThat(box(page, "dataset-medicines")).contains("ロキソニンＳ").contains("葛根湯").contains(SELF)
                .doesNotContain(NONE);
        assertThat(box(page, "dataset-problems")).as("a paramedic sees problems; none exist").contains(NONE)
                .doesNotContain(HIDDEN);
        assertThat(audit.forPatient(before, patient.person().regionalId()))
                .containsExactly("READ PERMIT policy.permit.emergencyAccess");
    }

    @Test
    void aPharmacistsEmergencyViewSaysHiddenForTheEncountersItsProfessionMayNotSee() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ヤクザイシキュウキュウ");
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.EMERGENCY), 0, null);
        User pharmacist = accounts.memberOf(accounts.facilityOf(FacilityKind.PHARMACY), Profession.PHARMACIST);
        consents.openEmergency(patient.personId(), pharmacist.id(), "救急搬送時の服薬確認",
                Instant.now().plus(2, ChronoUnit.HOURS));
        WebSession web = accounts.signedIn(port, pharmacist);

        String page = web.get("/emergency/persons/" + patient.personId()).body();

        assertThat(box(page, "dataset-encounters")).as("pharmacists do not see encounters").contains(HIDDEN)
                .doesNotContain(NONE);
        assertThat(box(page, "dataset-allergies")).as("they see allergies; none exist").contains(NONE)
                .doesNotContain(HIDDEN);
    }

    @Test
    void theViewerSaysHiddenToAProfessionThatMayNotSeeAKindAndNoneOnlyToOneThatMay() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ヒョウジタイショウ");
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), 0, null);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(patient.personId(), clinic.id(), accounts.networkAdmin().id());
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        WebSession clerk = accounts.signedIn(port, accounts.memberOf(clinic, Profession.MEDICAL_CLERK));
        String base = "/portal/patients/" + patient.personId();

        String clerkHeader = clerk.get(base).body();
        String clerkMedications = clerk.get(base + "/medications").body();
        String clerkLabs = clerk.get(base + "/labs").body();
        String clerkTrend = clerk.get(base + "/labs/trend?analyte=" + FhirRecords.HBA1C).body();
        String clerkNotebook = clerk.get(base + "/notebook").body();
        String doctorHeader = doctor.get(base).body();
        String doctorMedications = doctor.get(base + "/medications").body();
        String doctorLabs = doctor.get(base + "/labs").body();
        String doctorTrend = doctor.get(base + "/labs/trend?analyte=" + FhirRecords.HBA1C).body();
        String doctorNotebook = doctor.get(base + "/notebook").body();

        hidden(box(clerkMedications, "medications-current"));
        hidden(box(clerkMedications, "medications-past"));
        hidden(box(clerkHeader, "allergies"));
        hidden(box(clerkLabs, "labs-hidden"));
        hidden(box(clerkTrend, "trend-hidden"));
        assertThat(clerkLabs).doesNotContain("id=\"labs-empty\"");
        hidden(box(clerkNotebook, "sheet-hidden"));
        hidden(box(clerkNotebook, "otc-hidden"));
        hidden(box(clerkNotebook, "notebook-hidden"));
        none(box(doctorHeader, "allergies"));
        none(box(doctorMedications, "medications-current"));
        none(box(doctorMedications, "medications-past"));
        none(box(doctorLabs, "labs-empty"));
        none(box(doctorTrend, "trend-empty"));
        none(box(doctorNotebook, "sheet-none"));
        none(box(doctorNotebook, "otc-none"));
        none(box(doctorNotebook, "notebook-empty"));
    }

    @Test
    void theViewersAllergyBoxAndMedicationTabListWhatTheResidentWroteMarkedSelfReported() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ホンニンシンコク");
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), 0, null);
        AllergyIntolerance recorded = new AllergyIntolerance().setPatient(patient.reference());
        recorded.getCode().setText("セフェム系抗菌薬");
        FhirRecords.create(patient.api(), recorded);
        selfReported(patient);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(patient.personId(), clinic.id(), accounts.networkAdmin().id());
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        String base = "/portal/patients/" + patient.personId();

        String header = box(doctor.get(base).body(), "allergies");
        String current = box(doctor.get(base + "/medications").body(), "medications-current");

        assertThat(header).contains("ペニシリン").contains(SELF).doesNotContain(NONE).doesNotContain("登録なし");
        assertThat(header.split("セフェム系抗菌薬", -1)).as("the record, once: the sheet took it over from there")
                .hasSize(2);
        assertThat(header).contains("<span class=\"allergy\">セフェム系抗菌薬</span>");
        assertThat(current).contains("ロキソニンＳ").contains("葛根湯").contains(SELF).doesNotContain(NONE)
                .doesNotContain("ありません");
    }

    @Test
    void theOwnRecordsPagesSayTheFacilitysOwnRecordsHoldNoneWhereAnotherFacilitysAllergyIsKnown() {
        Facility hospital = accounts.newHospital();
        Facility pharmacy = accounts.newHospital();
        OwnRecordsIT.Shared shared = OwnRecordsIT.shared(port, clients, identities, accounts, hospital, pharmacy);
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(new Reference(
                "Patient?identifier=" + FhirRecords.patientSystem(pharmacy) + "|" + shared.clinicId()));
        allergy.getCode().setText("セフェム系抗菌薬");
        allergy.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
        FhirRecords.create(clients.fhirFor(port, pharmacy, "system/*.read", "system/*.write"), allergy);
        WebSession web = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        web.get("/portal/own-records");
        String own = WebSession.location(web.post("/portal/own-records", "localId", shared.hospitalId()));
        String base = own.substring(0, own.indexOf('?'));

        String header = web.get(own).body();
        String medications = web.get(base + "/medications?purpose=OWN_RECORDS").body();
        String notebook = web.get(base + "/notebook?purpose=OWN_RECORDS").body();

        assertThat(header).doesNotContain("セフェム系抗菌薬");
        ownNone(box(header, "allergies"));
        ownNone(box(medications, "medications-current"));
        ownNone(box(medications, "medications-past"));
        ownNone(box(notebook, "sheet-none"));
        ownNone(box(notebook, "otc-none"));
    }

    @Test
    void theSummaryDocumentSaysWhatTheScreensSayHiddenNoneAndSelfReported() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ヨウヤクホンニン");
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                0, null);
        selfReported(patient);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(patient.personId(), clinic.id(), accounts.networkAdmin().id());
        WebSession crew = accounts.signedIn(port, crews.paramedic());
        Crews.open(crew, patient);
        WebSession clerk = accounts.signedIn(port, accounts.memberOf(clinic, Profession.MEDICAL_CLERK));

        Composition crews = summary(crew, patient, "ETREAT");
        Composition clerks = summary(clerk, patient, "TREAT");

        var allergies = section(crews, "48765-2");
        assertThat(allergies.getText().getDivAsString()).contains("ペニシリン").contains("発疹").contains(SELF)
                .doesNotContain(NONE);
        assertThat(allergies.hasEmptyReason()).as("the section is not empty: the resident wrote an allergy").isFalse();
        assertThat(section(crews, "10160-0").getText().getDivAsString()).contains("ロキソニンＳ").contains(SELF);
        var problems = section(crews, "11450-4");
        assertThat(problems.getText().getDivAsString()).contains(NONE + " / No record").doesNotContain(HIDDEN);
        assertThat(problems.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("nilknown");
        var hidden = section(clerks, "10160-0");
        assertThat(hidden.getText().getDivAsString()).as("a clerk may not see medicines")
                .contains(HIDDEN + " / Not shown for your profession or this purpose").doesNotContain(NONE)
                .doesNotContain("ロキソニン");
        assertThat(hidden.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("unavailable");
    }

    private Composition summary(WebSession web, Residents.Patient patient, String purpose) {
        HttpResponse<String> answer = web.send(HttpRequest.newBuilder(URI.create(
                        web.base() + "/fhir/Patient/" + patient.personId() + "/$summary"))
                .header("Accept", "application/fhir+json").header("X-Purpose-Of-Use", purpose).GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Bundle document = clients.context().newJsonParser()
                .parseResource(Bundle.class, answer.body());
        return (Composition) document.getEntryFirstRep().getResource();
    }

    private static Composition.SectionComponent section(
            Composition composition, String loinc) {
        return composition.getSection().stream().filter(s -> s.getCode().getCodingFirstRep().getCode().equals(loinc))
                .findFirst().orElseThrow();
    }

    /**
     * The resident writes ペニシリン (発疹) and 葛根湯 on the emergency sheet, keeps セフェム系抗菌薬 taken over from the
     * records, and registers ロキソニンＳ as an OTC drug.
     */
    private void selfReported(Residents.Patient patient) {
        long userId = residents.register(patient.personId()).account().id();
        assertThat(sheets.save(EmergencySheets.Author.resident(userId), patient.personId(), current -> SheetForm.read(
                Map.of("allergy[0].substance", "ペニシリン", "allergy[0].reaction", "発疹", "allergy[1].substance",
                        "セフェム系抗菌薬", "allergy[1].fromRecord", "true", "medicine[0].name", "葛根湯",
                        "medicine[0].dose", "1日3回"), current))).hasValueSatisfying(s -> assertThat(s.stored()).isTrue());
        assertThat(otc.add(userId, EnteredBy.resident(), patient.personId(), Map.of("kind", "otc-drug", "name",
                "ロキソニンＳ", "dose", "痛いときに1錠", "since", LocalDate.now().minusDays(10).toString())))
                .hasValueSatisfying(s -> assertThat(s.valid()).isTrue());
    }

    private static void hidden(String box) {
        assertThat(box).contains(HIDDEN).doesNotContain(NONE).doesNotContain(NONE_OWN).doesNotContain(OTHER_NONES);
    }

    private static void none(String box) {
        assertThat(box).contains(NONE).doesNotContain(HIDDEN).doesNotContain(OTHER_NONES);
    }

    private static void ownNone(String box) {
        assertThat(box).contains(NONE_OWN).doesNotContain(NONE).doesNotContain(HIDDEN).doesNotContain(OTHER_NONES);
    }

    /** The element of a page whose id is {@code id}, from its start tag to its end tag (same-named tags nested). */
    static String box(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("the page has #" + id).isGreaterThanOrEqualTo(0);
        int start = page.lastIndexOf('<', at);
        String tag = page.substring(start + 1).split("[\\s>]", 2)[0];
        int depth = 0;
        int i = start;
        Matcher m = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(page);
        while (m.find(i)) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            i = m.end();
            if (depth == 0) {
                return page.substring(start, i);
            }
        }
        return page.substring(start);
    }
}
