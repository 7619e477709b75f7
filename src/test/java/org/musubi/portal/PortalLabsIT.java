package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.testing.FhirRecords.HBA1C;
import static org.musubi.testing.FhirRecords.LDL;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinician's lab pages over HTTP: a patient's HbA1c and LDL from a hospital and a clinic in one
 * table and one trend, each page view one policy decision with one audit row, and nothing for a
 * facility without a link or for an anonymous caller.
 */
@MusubiIntegrationTest
class PortalLabsIT extends NetworkFixtures {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*\\bdata-day=\"[^\"]*\"[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("data-([a-z]+)=\"([^\"]*)\"");

    @Autowired
    IdentityStore identities;

    record Patient2(long personId, String regionalId, String givenKana, String hospitalLocalId) {
    }

    @Test
    void aLinkedClinicSeesBothFacilitiesResultsFlaggedInATableAndATrendEachOneAuditedRead() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Patient2 patient = patientAtBoth(hospital, clinic);
        WebSession web = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        long before = audit.max();

        HttpResponse<String> table = web.get("/portal/patients/" + patient.personId() + "/labs");

        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.body()).contains(patient.givenKana()).contains(hospital.nameKanji()).contains(clinic.nameKanji())
                .contains("<time datetime=\"2024-04-12\">", "<time datetime=\"2024-01-10\">")
                .contains("data-analyte=\"3D046\" data-unit=\"%\"", "data-analyte=\"3F077\" data-unit=\"mg/dL\"")
                .contains(">6.1<", ">7.2<", ">165<", ">128<", "4.6–6.2", "70–139")
                .doesNotContain(">9.9<");
        assertThat(table.body().indexOf("2024-04-12")).as("newest day first").isLessThan(table.body().indexOf("2024-01-10"));
        assertThat(flagsOf(table.body())).containsExactly("H", "", "", "H");
        assertThat(table.body()).contains("/portal/patients/" + patient.personId() + "/labs/trend?analyte=3D046");
        assertThat(audit.forPatient(before, patient.regionalId()))
                .containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");

        long beforeTrend = audit.max();
        HttpResponse<String> trend = web.get("/portal/patients/" + patient.personId() + "/labs/trend?analyte=3D046");

        assertThat(trend.statusCode()).isEqualTo(200);
        List<Map<String, String>> points = points(trend.body());
        assertThat(points).hasSize(2);
        assertThat(points.get(0)).containsEntry("day", "2024-01-10").containsEntry("value", "6.1")
                .containsEntry("facility", hospital.nameKanji()).containsEntry("low", "4.6").containsEntry("high", "6.2")
                .doesNotContainKey("flag");
        assertThat(points.get(1)).containsEntry("day", "2024-04-12").containsEntry("value", "7.2")
                .containsEntry("facility", clinic.nameKanji()).containsEntry("flag", "H");
        assertThat(trend.body()).contains("data-values=\"trend-values-0\"").doesNotContain("LDL")
                .doesNotContain(" style=").doesNotContain("<script>").doesNotContain("<style");
        assertThat(audit.forPatient(beforeTrend, patient.regionalId()))
                .containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
        assertThat(scripts(trend.body())).hasSize(2).allSatisfy(src -> assertThat(web.get(src).statusCode()).isEqualTo(200))
                .anyMatch(src -> src.startsWith("/webjars/chart.js/") && src.endsWith("/dist/chart.umd.js"))
                .contains("/js/lab-trend.js");
    }

    @Test
    void unitsReadAsPeopleWriteThemAndTheReportingFacilityIsABadgeNotAFlag() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Patient2 patient = patientAtBoth(hospital, clinic);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String hospitalId = patient.hospitalLocalId();
        Observation egfr = FhirRecords.lab(hospital, hospitalId, "8A065000002391901", "2024-04-12", 0);
        egfr.getCode().getCodingFirstRep().setDisplay("eGFR");
        egfr.setValue(new Quantity().setValueElement(new DecimalType("58")).setUnit("mL/min/{1.73_m2}")
                .setSystem("http://unitsofmeasure.org").setCode("mL/min/{1.73_m2}"));
        FhirRecords.create(hospitalApi, egfr);
        Observation wbc = FhirRecords.lab(hospital, hospitalId, "2A990000001930101", "2024-04-12", 0);
        wbc.getCode().getCodingFirstRep().setDisplay("白血球数");
        wbc.setValue(new Quantity().setValueElement(new DecimalType("6.2")).setUnit("10*3/uL")
                .setSystem("http://unitsofmeasure.org").setCode("10*3/uL"));
        FhirRecords.create(hospitalApi, wbc);
        WebSession web = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));

        String table = web.get("/portal/patients/" + patient.personId() + "/labs").body();
        String trend = web.get("/portal/patients/" + patient.personId() + "/labs/trend?analyte=8A065").body();

        assertThat(table).contains("<td class=\"unit\">mL/min/1.73m²</td>", "<td class=\"unit\">10³/μL</td>")
                .doesNotContain(">mL/min/{1.73_m2}<").doesNotContain(">10*3/uL<");
        assertThat(trend).contains("mL/min/1.73m²").doesNotContain("（mL/min/{1.73_m2}）");
        Matcher badges = Pattern.compile("<span class=\"facility-badge\"[^>]*>([^<]*)</span>").matcher(table);
        List<String> shown = new ArrayList<>();
        while (badges.find()) {
            shown.add(badges.group(1));
        }
        assertThat(shown).isNotEmpty().noneMatch(b -> b.matches("H|L|HH|LL|A|AA|N|[A-Z]\\d?"));
        assertThat(table).contains("異常値の判定ではありません").doesNotContain("class=\"facility-mark\"");
    }

    @Test
    void everyReferenceRangeOfTheTableAndTheTrendIsWrittenWithOneDashWhateverTheFacilityWrote() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Patient2 patient = patientAtBoth(hospital, clinic);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        Observation albumin = FhirRecords.lab(hospital, patient.hospitalLocalId(), "3A015000002327101", "2024-04-12", 0);
        albumin.getCode().getCodingFirstRep().setDisplay("アルブミン");
        albumin.setValue(new Quantity().setValueElement(new DecimalType("4.1")).setUnit("g/dL"));
        albumin.addReferenceRange().setText("3.8～5.2").setLow(new Quantity().setValueElement(new DecimalType("3.8")))
                .setHigh(new Quantity().setValueElement(new DecimalType("5.2")));
        FhirRecords.create(hospitalApi, albumin);
        Observation creatinine = FhirRecords.lab(hospital, patient.hospitalLocalId(), "3C015000002327101", "2024-04-12", 0);
        creatinine.getCode().getCodingFirstRep().setDisplay("クレアチニン");
        creatinine.setValue(new Quantity().setValueElement(new DecimalType("0.62")).setUnit("mg/dL"));
        creatinine.addReferenceRange().setText("0.46-0.79");
        FhirRecords.create(hospitalApi, creatinine);
        WebSession web = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));

        String table = web.get("/portal/patients/" + patient.personId() + "/labs").body();
        String trend = web.get("/portal/patients/" + patient.personId() + "/labs/trend?analyte=3A015").body();

        assertThat(cells(table, "<td class=\"range\">([^<]*)</td>"))
                .containsExactlyInAnyOrder("3.8–5.2", "0.46–0.79", "4.6–6.2", "70–139");
        assertThat(table).doesNotContain("3.8～5.2").doesNotContain("0.46-0.79");
        assertThat(cells(trend, "<td>([^<]*–[^<]*)</td>")).containsExactly("3.8–5.2");
    }

    @Test
    void aBloodTypeAPharmacyRecordedIsShownAsThePatientsDataNotAmongTheLabResultsWhileTheHospitalsIsOne() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        Patient2 patient = patientAtBoth(hospital, clinic);
        String pharmacyId = FhirRecords.localId();
        SourcePatient atPharmacy = identities.receive(new SourcePatient(0, pharmacy.id(), pharmacyId, null, null,
                "ケンサ", patient.givenKana(), Sex.FEMALE, LocalDate.of(1950, 1, 1), null, null, null));
        identities.link(atPharmacy.id(), patient.personId(), LinkMethod.OPERATOR, accounts.networkAdmin().id(), "test");
        Observation told = FhirRecords.lab(pharmacy, pharmacyId, "unused", "2024-03-01", 0);
        told.getCode().getCodingFirstRep().setSystem("http://loinc.org").setCode("882-1")
                .setDisplay("ABO and Rh group [Type] in Blood");
        told.getCode().setText("血液型");
        told.setValue(new CodeableConcept().setText("A型 Rh(+)"));
        FhirRecords.create(clients.fhirFor(port, pharmacy, "system/*.read", "system/*.write"), told);
        Observation tested = FhirRecords.lab(hospital, patient.hospitalLocalId(), "5H010000009199911", "2024-02-01", 0);
        tested.getCode().setText("血液型-ABO式");
        tested.setValue(new CodeableConcept().setText("A"));
        FhirRecords.create(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"), tested);
        WebSession web = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));

        String table = web.get("/portal/patients/" + patient.personId() + "/labs").body();
        String trend = web.get("/portal/patients/" + patient.personId() + "/labs/trend?analyte="
                + java.net.URLEncoder.encode("http://loinc.org|882-1", java.nio.charset.StandardCharsets.UTF_8)).body();

        String lab = table.substring(table.indexOf("<table id=\"lab-table\""), table.indexOf("</table>"));
        assertThat(lab).as("the hospital's tested blood type is a lab result")
                .contains("data-analyte=\"5H010\"", ">血液型-ABO式<")
                .doesNotContain("A型 Rh(+)").doesNotContain("882-1").doesNotContain("data-facility=\"" + pharmacy.id());
        assertThat(cells(table, "(?s)<section id=\"lab-patient-data\"[^>]*>(.*?)</section>").stream()
                .map(text -> text.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()).toList())
                .containsExactly("患者さんの情報として記録されたもの（検査結果ではありません） "
                        + "血液型は、検査をした施設（検査センター・病院・健診センター）からの報告だけを検査結果として表に載せます。"
                        + "ここにあるのは、それ以外の施設が患者さんの情報として記録した値です（検査の記録ではありません）。 "
                        + "血液型 A型 Rh(+) " + pharmacy.nameKanji() + "（薬局）の記録、2024-03-01");
        assertThat(cells(table, "(?s)<section class=\"lab-legend\" id=\"lab-legend\">(.*?)</section>"))
                .as("the table's legend names only the facilities whose results are in it").singleElement()
                .asString().contains(hospital.nameKanji()).doesNotContain(pharmacy.nameKanji());
        assertThat(trend).as("no trend of the patient's data").doesNotContain("A型 Rh(+)").contains("id=\"trend-empty\"");
    }

    @Test
    void aFacilityWithoutALinkIsRefusedWithoutAnyValueOrNameAndTheRefusalAudited() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Patient2 patient = patientAtBoth(hospital, clinic);
        WebSession web = accounts.signedIn(port, accounts.staff(FacilityKind.PHARMACY, Profession.PHARMACIST));
        long before = audit.max();

        HttpResponse<String> table = web.get("/portal/patients/" + patient.personId() + "/labs");
        HttpResponse<String> trend = web.get("/portal/patients/" + patient.personId() + "/labs/trend?analyte=3D046");

        for (HttpResponse<String> refused : List.of(table, trend)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).contains("id=\"denied-reason\"").doesNotContain("policy.deny.")
                    .doesNotContain(patient.givenKana()).doesNotContain(patient.regionalId())
                    .doesNotContain("HbA1c").doesNotContain(">7.2<").doesNotContain("data-day=");
        }
        assertThat(audit.forPatient(before, patient.regionalId())).hasSize(2)
                .allMatch(row -> row.startsWith("READ DENY policy.deny."));
    }

    @Test
    void anAnonymousCallerIsSentToTheLoginPage() {
        WebSession anonymous = new WebSession(port);

        HttpResponse<String> page = anonymous.get("/portal/patients/1/labs");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(page)).isEqualTo("/login");
    }

    /** A person with a source patient at each facility, consent to treatment sharing, linked to the clinic, and labs from both. */
    private Patient2 patientAtBoth(Facility hospital, Facility clinic) {
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IGenericClient clinicApi = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String hospitalId = FhirRecords.localId();
        Patient registered = FhirRecords.newPatient(hospital, hospitalId, "ケンサ");
        FhirRecords.create(hospitalApi, registered);
        long person = clients.personOf(hospital, hospitalId);
        String clinicId = FhirRecords.localId();
        SourcePatient atClinic = identities.receive(new SourcePatient(0, clinic.id(), clinicId, null, null, "ケンサ",
                registered.getNameFirstRep().getGivenAsSingleString(), Sex.FEMALE,
                LocalDate.parse(registered.getBirthDateElement().getValueAsString()), null, null, null));
        long admin = accounts.networkAdmin().id();
        identities.link(atClinic.id(), person, LinkMethod.OPERATOR, admin, "test");
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, clinic.id(), admin);

        FhirRecords.create(hospitalApi, ranged(hba1c(FhirRecords.lab(hospital, hospitalId, HBA1C, "2024-01-10", 0), "6.1"),
                "4.6", "6.2"));
        FhirRecords.create(hospitalApi, hba1c(FhirRecords.lab(hospital, hospitalId, HBA1C, "2024-02-01", 0), "9.9")
                .setStatus(Observation.ObservationStatus.CANCELLED));
        Observation highLdl = ldl(FhirRecords.lab(hospital, hospitalId, LDL, "2024-01-10", 0), "165");
        highLdl.addInterpretation(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "H", "High")));
        FhirRecords.create(hospitalApi, highLdl);
        FhirRecords.create(clinicApi, ranged(hba1c(FhirRecords.lab(clinic, clinicId, HBA1C, "2024-04-12T10:30:00+09:00", 0),
                "7.2"), "4.6", "6.2"));
        FhirRecords.create(clinicApi, ranged(ldl(FhirRecords.lab(clinic, clinicId, LDL, "2024-04-12", 0), "128"), "70", "139"));
        String regionalId = identities.person(person).orElseThrow().person().regionalId();
        return new Patient2(person, regionalId, registered.getNameFirstRep().getGivenAsSingleString(), hospitalId);
    }

    private static Observation ranged(Observation observation, String low, String high) {
        String unit = observation.getValueQuantity().getUnit();
        observation.addReferenceRange().setLow(new Quantity().setValueElement(new DecimalType(low))
                .setUnit(unit)).setHigh(new Quantity().setValueElement(new DecimalType(high)).setUnit(unit));
        return observation;
    }

    private static Observation hba1c(Observation observation, String value) {
        observation.getCode().getCodingFirstRep().setDisplay("HbA1c");
        observation.getValueQuantity().setValueElement(new DecimalType(value)).setUnit("%");
        return observation;
    }

    private static Observation ldl(Observation observation, String value) {
        observation.getCode().getCodingFirstRep().setDisplay("LDLコレステロール");
        observation.getValueQuantity().setValueElement(new DecimalType(value)).setUnit("mg/dL");
        return observation;
    }

    /** The flag marks of the table's results in document order (rows by analyte, days newest first); "" for none. */
    private static List<String> flagsOf(String body) {
        Matcher span = Pattern.compile("<span[^>]*class=\"result[^\"]*\"[^>]*>").matcher(body);
        List<String> flags = new ArrayList<>();
        while (span.find()) {
            Matcher flag = Pattern.compile("data-flag=\"([A-Z]*)\"").matcher(span.group());
            flags.add(flag.find() ? flag.group(1) : "");
        }
        return flags;
    }

    /** The first group of every match of {@code regex} in {@code body}, in document order. */
    private static List<String> cells(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The page's script sources: static files only (CSP script-src 'self'). */
    private static List<String> scripts(String body) {
        Matcher m = Pattern.compile("<script src=\"([^\"]+)\"></script>").matcher(body);
        List<String> sources = new ArrayList<>();
        while (m.find()) {
            sources.add(m.group(1));
        }
        return sources;
    }

    private static List<Map<String, String>> points(String body) {
        List<Map<String, String>> points = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(row.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            points.add(attributes);
        }
        return points;
    }
}
