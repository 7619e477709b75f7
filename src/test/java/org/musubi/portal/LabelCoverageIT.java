package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.EmergencyAccess;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.MatchResult;
import org.musubi.identity.linkage.MatchSourcePatient;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Japanese everywhere (and English when asked): the clinical screens, the matching review, the audit trail and
 * the emergency review, rendered over real HTTP from data full of codes, show no raw code, no missing-message
 * marker, no UTC instant and no enum constant, in either language; people by name, times in Japan.
 */
@MusubiIntegrationTest
class LabelCoverageIT extends NetworkFixtures {

    /** Codes the data below carries; none may stand alone as a word on a screen. */
    private static final Pattern RAW_CODE = Pattern.compile(
            "(?<![\\w-])(AMB|IMP|EMER|arrived|finished|final|active|confirmed|current|LP29693-6)(?![\\w-])");
    /** A detail line that is nothing but a code (English prose may say "high", a detail may not be just that). */
    private static final Pattern RAW_DETAIL = Pattern.compile("<dd[^>]*>\\s*(high|low|01|AMB|arrived|final|active|confirmed)\\s*</dd>");
    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    private static final Pattern UTC_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z]+(_[A-Z]+)+\\b");
    private static final String DEPARTMENT = "http://jami.jp/SS-MIX2/CodeSystem/ClinicalDepartment";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

    @Autowired
    IdentityStore identities;
    @Autowired
    MatchSourcePatient matching;

    private long person;
    private String regionalId;
    private String document;

    @BeforeEach
    void aPatientWhoseRecordsAreFullOfCodes() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "コード");
        person = clients.personOf(hospital, localId);
        regionalId = identities.person(person).orElseThrow().person().regionalId();
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);

        Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.ARRIVED).setSubject(subject)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null))
                .setPeriod(new Period().setStartElement(new DateTimeType("2024-06-03T09:00:00+09:00")));
        visit.getServiceType().addCoding(new Coding(DEPARTMENT, "01", null));
        FhirRecords.create(api, visit);
        Condition diabetes = new Condition().setSubject(subject).setOnset(new DateTimeType("2024-06-03"));
        diabetes.getCode().setText("2型糖尿病");
        diabetes.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"));
        diabetes.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"));
        FhirRecords.create(api, diabetes);
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(subject)
                .setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        allergy.getCode().setText("造影剤");
        allergy.setRecordedDateElement(new DateTimeType("2024-06-03"));
        allergy.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"));
        FhirRecords.create(api, allergy);

        DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL)
                .setSubject(subject).setEffective(new DateTimeType("2024-06-04T10:00:00+09:00"));
        report.addCategory().addCoding(new Coding("http://loinc.org", "LP29693-6", null));
        report.getCode().setText("生化学的検査");
        for (Observation result : List.of(lab(hospital, localId, "HbA1c", "7.2", "%"), lab(hospital, localId, "血糖", "130", "mg/dL"),
                lab(hospital, localId, "LDL", "120", "mg/dL"), lab(hospital, localId, "HDL", "50", "mg/dL"))) {
            report.addResult(new Reference("Observation/" + FhirRecords.create(api, result)));
        }
        FhirRecords.create(api, report);

        MedicationRequest prescription = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(subject)
                .setMedication(new CodeableConcept(new Coding("urn:oid:1.2.392.200119.4.403.1", "620008501", "メトホルミン塩酸塩錠250mg")))
                .setAuthoredOnElement(new DateTimeType("2024-06-03"));
        prescription.addDosageInstruction().setText("1日2回朝夕食後");
        FhirRecords.create(api, prescription);

        DocumentReference letter = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setSubject(subject).setDateElement(new InstantType("2024-06-04T01:00:00Z"));
        letter.getType().setText("診療情報提供書");
        letter.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=UTF-8").setTitle("診療情報提供書")
                .setData("紹介します。".getBytes(StandardCharsets.UTF_8)));
        document = FhirRecords.create(api, letter);

        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), admin,
                hospital.id());
        consents.link(person, accounts.facilityOf(FacilityKind.CLINIC).id(), admin);
    }

    @Test
    void theClinicalScreensShowLabelsInBothLanguages() {
        for (String language : List.of("ja", "en")) {
            WebSession clinic = session(accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR), language);
            String base = "/portal/patients/" + person;

            String timeline = shown(clinic, base, language);
            shown(clinic, base + "/medications", language);
            shown(clinic, base + "/labs", language);
            shown(clinic, base + "/documents/" + document, language);

            assertThat(timeline).contains(language.equals("ja") ? "外来" : "Outpatient")
                    .contains(language.equals("ja") ? "来院" : "Arrived")
                    .contains(language.equals("ja") ? "内科" : "Internal medicine")
                    .contains(language.equals("ja") ? "確定" : "Confirmed")
                    .doesNotContain("生化学的検査");
            assertThat(labTitle(clinic.get(base).body())).as("the lab panel's title")
                    .matches("((HbA1c 7\\.2 %|血糖 130 mg/dL|LDL 120 mg/dL|HDL 50 mg/dL), ){2}"
                            + "(HbA1c 7\\.2 %|血糖 130 mg/dL|LDL 120 mg/dL|HDL 50 mg/dL) "
                            + (language.equals("ja") ? "ほか 1 件" : "and 1 more"));
        }
    }

    @Test
    void theOperatorsScreensShowNamesLabelsAndTimesInJapanInBothLanguages() {
        User doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        EmergencyAccess access = consents.openEmergency(person, doctor.id(), "救急搬送、意識障害", until);
        long review = uncertainMatch();
        User operator = accounts.networkAdmin();
        try {
            for (String language : List.of("ja", "en")) {
                WebSession web = session(operator, language);

                String emergencies = shown(web, "/admin/emergency", language);
                shown(web, "/admin/matching", language);
                String reviewed = shown(web, "/admin/matching/" + review, language);
                String audit = shown(web, "/admin/audit?patientId=" + regionalId, language);
                shown(web, "/admin/audit?action=MATCH_REVIEW", language);

                assertThat(emergencies).contains(doctor.nameKanji()).contains("コード").contains(SHOWN.format(until));
                assertThat(reviewed).contains(language.equals("ja") ? "生年月日: 一致" : "Birth date: Equal");
                assertThat(audit).contains(language.equals("ja") ? "結び" : "Musubi");
            }
        } finally {
            WebSession web = session(operator, "ja");
            web.post("/admin/emergency/" + access.id() + "/review", "note", "確認済み（テスト）");
        }
    }

    /** A review the matcher queued: the same name and birth date, nothing else to go by. */
    private long uncertainMatch() {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        identities.register(new Person(TestRegionalIds.next(), "符号", "一郎", "フゴウ", "イチロウ", Sex.MALE, birth,
                "730-0042", "広島市中区国泰寺町1-6-34", "082-555-0303"));
        SourcePatient received = identities.receive(new SourcePatient(0, accounts.facilityOf(FacilityKind.HOSPITAL).id(),
                "L" + ThreadLocalRandom.current().nextLong(1_000_000_000L), "符号", "一郎", "フゴウ", "ｲﾁﾛｳ", Sex.MALE, birth,
                null, null, null));
        MatchResult result = matching.match(0, received.id());
        assertThat(result).isInstanceOf(MatchResult.Queued.class);
        return ((MatchResult.Queued) result).reviewId();
    }

    /** The page's visible text, after checking it shows no raw code, missing message, UTC instant or constant. */
    private static String shown(WebSession web, String path, String language) {
        HttpResponse<String> page = web.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertThat(RAW_DETAIL.matcher(page.body()).results().map(java.util.regex.MatchResult::group).toList()).as(language + " " + path).isEmpty();
        String text = visibleText(page.body());
        List<String> faults = new ArrayList<>();
        for (Pattern wrong : List.of(RAW_CODE, MISSING_MESSAGE, UTC_INSTANT, CONSTANT)) {
            Matcher m = wrong.matcher(text);
            while (m.find()) {
                faults.add(m.group() + " in …" + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)) + "…");
            }
        }
        assertThat(faults).as(language + " " + path).isEmpty();
        return text;
    }

    /** What a reader sees: the text outside tags, scripts and styles, entities resolved. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static String labTitle(String html) {
        Matcher m = Pattern.compile("(?s)data-kind=\"LAB\".*?<span class=\"title\">([^<]*)</span>").matcher(html);
        assertThat(m.find()).as("a lab entry").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private WebSession session(User user, String language) {
        WebSession web = accounts.signedIn(port, user);
        web.get("/?lang=" + language);
        return web;
    }

    private static Observation lab(Facility facility, String localId, String name, String value, String unit) {
        Observation observation = FhirRecords.lab(facility, localId, FhirRecords.HBA1C, "2024-06-04T10:00:00+09:00", 0);
        observation.getCode().getCodingFirstRep().setCode(FhirRecords.HBA1C.substring(0, 16) + name.length());
        observation.getCode().setText(name);
        observation.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit(unit));
        return observation;
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }
}
