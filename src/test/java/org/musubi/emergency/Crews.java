package org.musubi.emergency;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.phr.Residents;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fixtures of the emergency tests: a fire department of its own with a paramedic, and a hospital's patient with a
 * record worth an emergency (an allergy, a problem, a medicine of last week, an encounter, a fever, a high HbA1c),
 * sent over the hospital's FHIR API, with the consents asked for.
 */
@Component
public class Crews {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    @Autowired
    private TestAccounts accounts;
    @Autowired
    private Facilities facilities;
    @Autowired
    private Residents residents;
    @Autowired
    private Consents consents;

    /** A new fire department (消防局) of its own. */
    public Facility fireDepartment() {
        int n = SEQUENCE.incrementAndGet() + (int) (System.nanoTime() % 100_000);
        return facilities.insert(new FacilityDraft("試験消防局" + n, "シケンショウボウキョク", FacilityKind.FIRE_DEPARTMENT,
                "", 34, null, null, false, true, FacilityStatus.ACTIVE));
    }

    /** A paramedic of a new fire department. */
    public User paramedic() {
        return accounts.memberOf(fireDepartment(), Profession.PARAMEDIC);
    }

    /** A patient of a hospital with an emergency-worthy record and these consents (for every facility). */
    public Residents.Patient patient(int port, Set<Purpose> purposes) {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "キュウキュウ");
        if (!purposes.isEmpty()) {
            consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, purposes, 0, null);
        }
        record(patient);
        return patient;
    }

    /** Finds the patient at {@code /emergency} by exact kana name, birth date and sex. */
    public static HttpResponse<String> findByName(WebSession web,
                                                                Residents.Patient patient) {
        var p = patient.person();
        return web.post("/emergency", "kanaName", p.familyKana() + " " + p.givenKana(), "birthDate",
                p.birthDate().toString(), "sex", p.sex().name());
    }

    /** Finds and opens the patient at {@code /emergency} (reason: identity unknown). */
    public static void open(WebSession web, Residents.Patient patient) {
        Assertions.assertThat(WebSession.location(findByName(web, patient)))
                .isEqualTo("/emergency/open");
        Assertions.assertThat(WebSession.location(web.post("/emergency/open",
                "code", "IDENTITY_UNKNOWN", "password", TestAccounts.PASSWORD)))
                .isEqualTo("/emergency/persons/" + patient.personId());
    }

    private static void record(Residents.Patient patient) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        var subject = patient.reference();
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(subject);
        allergy.getCode().setText("ペニシリン系抗菌薬");
        allergy.addReaction().addManifestation().setText("全身の発疹");
        allergy.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
        FhirRecords.create(patient.api(), allergy);
        Condition hypertension = new Condition().setSubject(subject).setOnset(new DateTimeType("2020-04-01"));
        hypertension.getCode().setText("本態性高血圧症");
        hypertension.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        FhirRecords.create(patient.api(), hypertension);
        MedicationRequest amlodipine = new MedicationRequest().setSubject(subject)
                .setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
                .setAuthoredOnElement(new DateTimeType(today.minusDays(7).toString()));
        amlodipine.setMedication(new CodeableConcept().setText("アムロジピン錠5mg"));
        amlodipine.addDosageInstruction().setText("1日1回朝食後");
        amlodipine.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration().setValue(28).setUnit("日")
                .setSystem("http://unitsofmeasure.org").setCode("d"));
        FhirRecords.create(patient.api(), amlodipine);
        Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                .setSubject(subject).setPeriod(new Period().setStartElement(new DateTimeType(today.minusDays(7).toString())));
        visit.addType().setText("循環器内科外来");
        FhirRecords.create(patient.api(), visit);
        Observation fever = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(subject);
        fever.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
                .setCode("vital-signs");
        fever.getCode().addCoding().setSystem("http://loinc.org").setCode("8310-5").setDisplay("体温");
        fever.setEffective(new DateTimeType(today.minusDays(1).toString()));
        fever.setValue(new Quantity().setValue(38.4).setUnit("℃").setSystem("http://unitsofmeasure.org").setCode("Cel"));
        FhirRecords.create(patient.api(), fever);
        Observation hba1c = FhirRecords.lab(patient.facility(), patient.localId(), FhirRecords.HBA1C,
                today.minusDays(7).toString(), 8.4);
        hba1c.getCode().getCodingFirstRep().setDisplay("HbA1c");
        hba1c.addInterpretation().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation")
                .setCode("H");
        FhirRecords.create(patient.api(), hba1c);
    }
}
