package org.musubi.synth.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.fhir.FhirSystems;

/**
 * One patient's visits to one facility, each an Encounter with what happened at it: the chronic
 * diagnoses at the first visit, sometimes an acute one, prescriptions with their dispenses,
 * laboratory results and vital signs. Every random draw comes from the seed.
 */
final class ClinicalVisits {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final SplittableRandom random;
    private final String patientUrl;
    private final String localId;
    private final List<ClinicalCodes.Diagnosis> chronic = new ArrayList<>();
    private final Map<ClinicalCodes.Lab, Double> baselines = new HashMap<>();
    private final List<ClinicalEntry> entries = new ArrayList<>();
    private final ClinicalObservations observations;
    private final ClinicalMedications medications;

    ClinicalVisits(long seed, String patientUrl, String localId) {
        this.random = new SplittableRandom(seed);
        this.patientUrl = patientUrl;
        this.localId = localId;
        chronic.addAll(ClinicalCodes.drawChronic(random));
        this.observations = new ClinicalObservations(random);
        this.medications = new ClinicalMedications(random);
    }

    List<ClinicalEntry> entries() {
        return entries;
    }

    /** Adds one visit on {@code day}; the first visit records the chronic diagnoses. */
    void visit(LocalDate day) {
        Date start = Date.from(day.atTime(LocalTime.of(9, 0).plusMinutes(random.nextInt(480))).atZone(JAPAN).toInstant());
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding(FhirSystems.ACT_CODE, "AMB", "外来"))
                .setSubject(patient()).setPeriod(new Period().setStart(start)
                        .setEnd(new Date(start.getTime() + (10 + random.nextInt(40)) * 60_000L)));
        String encounterUrl = add(encounter, null);
        boolean first = entries.size() == 1;
        if (first) {
            chronic.forEach(d -> condition(d.icd10(), d.medis(), d.name(), day, encounterUrl, "problem-list-item"));
        } else if (random.nextInt(8) == 0) {
            ClinicalCodes.Acute acute = ClinicalCodes.ACUTE.get(random.nextInt(ClinicalCodes.ACUTE.size()));
            condition(acute.icd10(), acute.medis(), acute.name(), day, encounterUrl, "encounter-diagnosis");
        }
        observations.vitals(start, encounterUrl).forEach(o -> add(o.setSubject(patient()), null));
        if (first || random.nextInt(3) == 0) {
            Stream.concat(ClinicalCodes.BASIC_PANEL.stream(), chronic.stream().flatMap(d -> d.labs().stream()))
                    .distinct().forEach(lab -> add(observations.lab(lab,
                    baselines.computeIfAbsent(lab, l -> draw(l.low(), l.high())), start, encounterUrl)
                    .setSubject(patient()), null));
        }
        for (ClinicalCodes.Diagnosis diagnosis : chronic) {
            for (ClinicalCodes.Drug drug : diagnosis.drugs()) {
                int days = medications.days();
                String requestUrl = add(medications.request(drug, days, start, encounterUrl).setSubject(patient()), null);
                add(medications.dispense(drug, days, start, requestUrl).setSubject(patient()), null);
            }
        }
    }

    private void condition(String icd10, String medis, String name, LocalDate day, String encounterUrl, String category) {
        Condition condition = new Condition().setSubject(patient()).setEncounter(new Reference(encounterUrl))
                .setOnset(new DateTimeType(day.minusDays(random.nextInt(30)).toString()))
                .setRecordedDateElement(new DateTimeType(day.toString()));
        condition.getCode().addCoding(new Coding(FhirSystems.ICD10, icd10, name)).addCoding(new Coding(ClinicalCodes.MEDIS_DISEASE,
                medis, name)).setText(name);
        condition.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_CLINICAL,
                category.equals("encounter-diagnosis") ? "resolved" : "active", null)));
        condition.addCategory().addCoding(new Coding(FhirSystems.CONDITION_CATEGORY,
                category, null));
        String value = localId + "-C" + entries.size();
        condition.addIdentifier().setSystem(FhirSystems.RESOURCE_INSTANCE).setValue(value);
        add(condition, "identifier=" + FhirSystems.RESOURCE_INSTANCE + "|" + value);
    }

    private String add(Resource resource, String ifNoneExist) {
        String url = ClinicalRecordGenerator.urnUuid(random);
        entries.add(new ClinicalEntry(url, resource, ifNoneExist));
        return url;
    }

    private Reference patient() {
        return new Reference(patientUrl);
    }

    private double draw(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
