package org.musubi.phr.vitals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.identity.Person;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.VitalSign;

/**
 * What a resident's entry is as FHIR R4, ready to store under their own source patient at the notebook's facility:
 * one Observation per measure (blood pressure: one panel with systolic and diastolic components; BMI computed from
 * the weight and the latest height, derived from both), each final, of category vital-signs (HL7, with JP Core's
 * simple category: vital-signs, or body-measurement for weight, height and BMI), coded in LOINC with the notebook's
 * own code beside it, in UCUM units, with the resident (as Patient) as subject and performer, under JP Core's
 * vital-signs or body-measurement profile where one applies (none for glucose and steps); the resident's Patient; and
 * one Provenance per save naming what changed, with the resident as author and the time it was recorded. Ids are
 * derived from the resident's source and what the resource is (measure and minute; steps: the day), so that the
 * same entry stored again changes nothing. Indexed, categorised and encoded as every writer does ({@link ResourceEncoder}).
 */
public final class VitalObservations {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private final ResourceEncoder encoder;
    private final Clock clock;

    public VitalObservations(ResourceEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A height known at some moment (cm) and the resource it was read from, for a BMI. */
    public record Height(BigDecimal centimetres, String observationId) {
    }

    /**
     * The Observations of one entry, in the order of the measures (then BMI, for a weight when a height is known:
     * {@code height}, the latest at the entry's moment, this entry's own if it has one).
     */
    public List<ResourceWrite> observations(PhrPatient patient, VitalsEntry entry, Optional<Height> height) {
        List<ResourceWrite> writes = new ArrayList<>();
        for (Vital vital : entry.values().keySet()) {
            if (vital != Vital.DIASTOLIC) {
                writes.add(vital == Vital.SYSTOLIC ? bloodPressure(patient, entry) : single(patient, entry, vital));
            }
        }
        if (entry.values().containsKey(Vital.WEIGHT)) {
            entry.value(Vital.HEIGHT).map(cm -> new Height(cm, id(patient, entry, Vital.HEIGHT))).or(() -> height)
                    .ifPresent(h -> writes.add(bmi(patient, entry, h)));
        }
        return writes;
    }

    /** The id of the Observation of {@code vital} in this entry (blood pressure: the panel's). */
    public static String id(PhrPatient patient, VitalsEntry entry, Vital vital) {
        String what = vital.bloodPressure() ? "blood-pressure" : vital.key();
        return patient.id("Observation\u001f" + what + "\u001f"
                + (vital.daily() ? entry.day().toString() : entry.at().format(MINUTE)));
    }

    /** BMI (kg/m2, one decimal) of a weight in kg and a height in cm. */
    public static BigDecimal bmi(BigDecimal kilograms, BigDecimal centimetres) {
        return kilograms.multiply(TEN_THOUSAND).divide(centimetres.multiply(centimetres), 1, RoundingMode.HALF_UP);
    }

    /** The resident's Patient at the notebook's facility: name, sex and birth date as the person has them. */
    public ResourceWrite patient(PhrPatient patient) {
        return write(patient, patientOf(patient.person().person()), patient.patientId());
    }

    /** A Patient of the person's name (kanji and kana), sex and birth date, with no id (nor address or phone). */
    public static Patient patientOf(Person person) {
        Patient resource = new Patient();
        resource.getMeta().addProfile(FhirSystems.JP_PATIENT);
        name(resource, person.familyKanji(), person.givenKanji(), "IDE");
        name(resource, person.familyKana(), person.givenKana(), "SYL");
        resource.setGender(switch (person.sex()) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        });
        if (person.birthDate() != null) {
            resource.setBirthDateElement(new DateType(person.birthDate().toString()));
        }
        return resource;
    }

    /** The Provenance of one save: what it created or changed (each version), by the resident, recorded now. */
    public ResourceWrite provenance(PhrPatient patient, List<Written> changed) {
        Provenance provenance = new Provenance();
        List<String> targets = changed.stream().map(w -> w.type() + "/" + w.id() + "/_history/" + w.version()).toList();
        targets.forEach(t -> provenance.addTarget(new Reference(t)));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                        "Author"))).setWho(patientReference(patient));
        return write(patient, provenance, patient.id("Provenance\u001f" + String.join(",", targets.stream().sorted()
                .toList())));
    }

    /** The unit as the notebook writes it beside the UCUM code, for people reading the resource. */
    static String unitText(Vital vital) {
        return vital.sign().map(s -> s.unit().text()).orElse(vital == Vital.STEPS ? "歩/日" : vital.coding().ucum());
    }

    private ResourceWrite single(PhrPatient patient, VitalsEntry entry, Vital vital) {
        Observation observation = observation(patient, entry, vital);
        observation.setCode(code(vital));
        observation.setValue(quantity(vital, entry.values().get(vital)));
        return write(patient, observation, id(patient, entry, vital));
    }

    private ResourceWrite bloodPressure(PhrPatient patient, VitalsEntry entry) {
        Observation observation = observation(patient, entry, Vital.SYSTOLIC);
        observation.setCode(VitalSign.bloodPressure());
        for (Vital part : List.of(Vital.SYSTOLIC, Vital.DIASTOLIC)) {
            observation.addComponent().setCode(code(part)).setValue(quantity(part, entry.values().get(part)));
        }
        return write(patient, observation, id(patient, entry, Vital.SYSTOLIC));
    }

    private ResourceWrite bmi(PhrPatient patient, VitalsEntry entry, Height height) {
        Observation observation = observation(patient, entry, Vital.BMI);
        observation.setCode(code(Vital.BMI));
        observation.setValue(quantity(Vital.BMI, bmi(entry.values().get(Vital.WEIGHT), height.centimetres())));
        observation.addDerivedFrom(new Reference("Observation/" + id(patient, entry, Vital.WEIGHT)));
        observation.addDerivedFrom(new Reference("Observation/" + height.observationId()));
        return write(patient, observation, id(patient, entry, Vital.BMI));
    }

    /** What every Observation of the notebook has: status, categories, profile, subject, performer, moment. */
    private static Observation observation(PhrPatient patient, VitalsEntry entry, Vital vital) {
        Observation observation = new Observation();
        // the one table's profile and categories; blood glucose and steps its categories without a JP Core profile
        vital.sign().ifPresentOrElse(sign -> sign.classify(observation),
                () -> VitalSign.categorise(observation, vital.bodyMeasurement()));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        if (vital == Vital.STEPS) {
            observation.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "activity",
                    "Activity")));
        }
        observation.setSubject(patientReference(patient));
        observation.addPerformer(patientReference(patient));
        if (vital.daily()) {
            observation.setEffective(new Period().setStartElement(dateTime(entry.day().atStartOfDay()))
                    .setEndElement(dateTime(entry.day().atTime(23, 59, 59))));
        } else {
            observation.setEffective(dateTime(entry.at()));
        }
        return observation;
    }

    /** A wall time in Japan as a FHIR dateTime with seconds and offset: {@code 2026-11-24T08:30:00+09:00}. */
    private static DateTimeType dateTime(LocalDateTime at) {
        return new DateTimeType(at.atZone(VitalsEntry.JAPAN).toOffsetDateTime().format(SECONDS));
    }

    /** The one table's code (blood glucose and steps: the notebook's LOINC code), with the notebook's own beside it. */
    private static CodeableConcept code(Vital vital) {
        VitalCoding coding = vital.coding();
        CodeableConcept code = vital.sign().map(VitalSign::code).orElseGet(() -> new CodeableConcept(
                new Coding(FhirSystems.LOINC, coding.loinc(), coding.loincDisplay())).setText(coding.text()));
        return code.addCoding(new Coding(FhirSystems.PHR_VITAL, vital.key(), null));
    }

    private static Quantity quantity(Vital vital, BigDecimal value) {
        if (vital.sign().isPresent()) {
            return vital.sign().get().unit().quantity(value);
        }
        Quantity quantity = new Quantity();
        quantity.setValue(value);
        return quantity.setUnit(unitText(vital)).setSystem(FhirSystems.UCUM).setCode(vital.coding().ucum());
    }

    private static Reference patientReference(PhrPatient patient) {
        return new Reference("Patient/" + patient.patientId());
    }

    private static void name(Patient resource, String family, String given, String representation) {
        if ((family == null || family.isBlank()) && (given == null || given.isBlank())) {
            return;
        }
        HumanName name = resource.addName().setUse(HumanName.NameUse.OFFICIAL);
        name.addExtension(FhirSystems.NAME_REPRESENTATION, new CodeType(representation));
        if (family != null && !family.isBlank()) {
            name.setFamily(family.strip());
        }
        if (given != null && !given.isBlank()) {
            name.addGiven(given.strip());
        }
        name.setText(((family == null ? "" : family.strip()) + " " + (given == null ? "" : given.strip())).strip());
    }

    /**
     * Any resource the notebook stores under the resident's source ({@code id} also its source key), encoded, indexed and
     * categorised as every writer does (the emergency sheet's too).
     */
    public ResourceWrite write(PhrPatient patient, Resource resource, String id) {
        return encoder.entered(resource, id, patient.sourcePatientId(), patient.facilityId());
    }
}
