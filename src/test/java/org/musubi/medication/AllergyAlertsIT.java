package org.musubi.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.emergency.dataset.EmergencyDataset;
import org.musubi.emergency.dataset.MinimumDataset;
import org.musubi.phr.Residents;
import org.musubi.record.Reader;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Allergy–drug class alerts on every surface (issue 63): a hospital records a cephem allergy and prescribes a cephem
 * (セフカペン, as フロモックス) and amlodipine; the alert naming the drug, the allergy and who recorded it shows in the
 * chart's header and お薬 tab (the cephem's line marked, amlodipine's not), in the crews' dataset, on the letter the
 * doctor starts, on the hospital pharmacist's home page and in the resident's notebook.
 */
@MusubiIntegrationTest
class AllergyAlertsIT {

    private static final String CEPHEM = "フロモックス錠100mg";
    private static final String ALLERGY = "セフェム系抗生物質で全身に発疹";

    @LocalServerPort int port;
    @Autowired Residents residents;
    @Autowired TestAccounts accounts;
    @Autowired Consents consents;
    @Autowired MinimumDataset datasets;

    @Test
    void aCephemAllergyAndACephemPrescriptionAreFlaggedOnEverySurface() {
        Facility hospital = accounts.newHospital();
        Residents.Patient patient = residents.patientAt(port, hospital, "アレルギ");
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(patient.reference());
        allergy.getCode().setText(ALLERGY);
        allergy.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.ALLERGY_CLINICAL, "active", null)));
        FhirRecords.create(patient.api(), allergy);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        FhirRecords.create(patient.api(), prescription(patient, CEPHEM, "6132016C1027", today.minusDays(2), 7));
        FhirRecords.create(patient.api(), prescription(patient, "アムロジピン錠5mg", "2171022F1020", today.minusDays(2), 28));
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                admin, hospital.id());
        consents.link(patient.personId(), hospital.id(), admin);
        String expected = "アレルギーのある系統の薬: " + CEPHEM + "（" + hospital.nameKanji() + "、" + today.minusDays(2)
                + "〜" + today.plusDays(4) + "）— 記録：" + ALLERGY + "（" + hospital.nameKanji() + "）";

        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        WebSession web = new WebSession(port);
        accounts.logIn(web, doctor);
        String chart = web.get("/portal/patients/" + patient.personId()).body();
        assertThat(alerts(chart, "medication-alerts")).as("the chart's header").containsExactly(expected);
        String medications = web.get("/portal/patients/" + patient.personId() + "/medications").body();
        assertThat(alerts(medications, "medication-alerts")).as("the お薬 tab's header").containsExactly(expected);
        assertThat(medications).as("the cephem's line marked, amlodipine's not")
                .containsPattern("<details class=\"drug alerted\"[^>]*>\\s*<summary><strong>" + CEPHEM
                        + "</strong>\\s*<span class=\"badge warn allergy\">アレルギー注意</span>")
                .containsPattern("<details class=\"drug\"[^>]*>\\s*<summary><strong>アムロジピン[^<]*</strong>\\s*<span class=\"muted\"");

        EmergencyDataset dataset = datasets.read(new Reader(doctor.id(), hospital.id(), Purpose.TREATMENT),
                patient.personId()).value();
        assertThat(dataset.alerts()).as("the crews' dataset (and $summary, which is made of it)").singleElement()
                .satisfies(a -> {
                    assertThat(a.messageKey()).isEqualTo("medication.alert.allergyClass");
                    assertThat(a.args()).containsExactly(CEPHEM, hospital.nameKanji(), today.minusDays(2).toString(),
                            today.plusDays(4).toString(), ALLERGY, hospital.nameKanji());
                });

        String letter = web.get("/portal/patients/" + patient.personId() + "/letters/new?kind=REFERRAL").body();
        assertThat(alerts(letter, "compose-medication-alerts")).as("the letter's composer").containsExactly(
                "アレルギーのある系統の薬: " + CEPHEM + "（" + hospital.nameKanji() + "、" + today.minusDays(2) + "〜" + today.plusDays(4) + "）— 記録："
                        + ALLERGY + "（" + hospital.nameKanji() + "）");

        WebSession pharmacist = new WebSession(port);
        accounts.logIn(pharmacist, accounts.memberOf(hospital, Profession.PHARMACIST));
        String home = pharmacist.get("/").body();
        assertThat(home).as("the pharmacist's home row").contains("data-allergy-alerts=\"1\"")
                .contains("アレルギー注意 1 件");

        WebSession resident = residents.logIn(port, residents.register(patient.personId()));
        assertThat(alerts(resident.get("/phr/medicines").body(), "med-alerts")).as("the resident's notebook")
                .containsExactly("アレルギーのある種類のお薬が出ています: " + CEPHEM + "（記録：" + ALLERGY
                        + "）。飲む前に医師または薬剤師に伝えてください。");
    }

    private static MedicationRequest prescription(Residents.Patient patient, String name, String yj, LocalDate day,
                                                  int days) {
        MedicationRequest request = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(patient.reference())
                .setMedication(new CodeableConcept(new Coding(FhirSystems.YJ, yj, name)).setText(name))
                .setAuthoredOnElement(new DateTimeType(day.toString()));
        request.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration().setValue(days)
                .setUnit("日").setSystem("http://unitsofmeasure.org").setCode("d"));
        return request;
    }

    /** The texts of the alert list {@code id} on a page. */
    private static List<String> alerts(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id + " on the page").isGreaterThanOrEqualTo(0);
        String list = page.substring(at, page.indexOf("</ul>", at));
        Matcher item = Pattern.compile("<li[^>]*>([^<]*)</li>").matcher(list);
        List<String> texts = new java.util.ArrayList<>();
        while (item.find()) {
            texts.add(item.group(1).replace("&amp;", "&"));
        }
        return texts;
    }
}
