package org.musubi.ingest.jahis.mapping;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.medication.notebook.JahisDate;
import org.musubi.ingest.jahis.records.JahisProblems;
import org.musubi.ingest.jahis.records.JahisRecord.PatientInfo;
import org.musubi.medication.notebook.JahisNumbers;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;
import org.musubi.record.fhir.observation.VitalSign;

/**
 * What record 1 says of the patient besides who they are: the 血液型 (blood type) and 体重 (weight, in kg) as
 * Observations about the patient. Record 1 has no date of its own: it is the patient as the writing system held them
 * when it wrote the file, so both are dated by the file's newest 調剤等年月日 (5); a file without dispensing dates
 * them not, and they are stored undated with a warning ({@code jahis.patient.undated}). One record per date,
 * {@code jahis:patient-info:<yyyymmdd>} ({@code …:undated}): every notebook of the patient keeps what it said, a
 * file sent again changes nothing.
 * <ul>
 * <li>blood type: JP_Observation_Common, category laboratory, coded by {@link BloodType} (LOINC 882-1, 883-9 or
 * 10331-7 with its answer), the text as written as the value's text; a text it cannot read stays the value's text,
 * coded 882-1 only, with a warning ({@code jahis.patient.bloodType});</li>
 * <li>weight: JP_Observation_BodyMeasurement (LOINC 29463-7, JP Core 31000296), the number as written (full-width
 * digits and a written unit kg read as the same number) in kg (UCUM); a weight that is no number stays as text
 * (valueString) with a warning ({@code jahis.patient.weight}).</li>
 * </ul>
 */
final class PatientObservations {

    private PatientObservations() {
    }

    /** The record's key for the file's date (null: undated). */
    static String key(LocalDate date) {
        return "jahis:patient-info:" + (date == null ? "undated" : JahisDate.format(date));
    }

    /** The Observations of {@code info}, dated {@code date} (null: the file has none); empty when it gives neither. */
    static Optional<RecordMapping> map(PatientInfo info, LocalDate date, String file) {
        if (info.bloodType().isEmpty() && info.weight().isEmpty()) {
            return Optional.empty();
        }
        Location where = new Location(file, info.line(), "1", null);
        String key = key(date);
        List<MappedResource> resources = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        if (!info.bloodType().isEmpty()) {
            resources.add(new MappedResource(key + ":blood-type", dated(bloodType(info.bloodType(), where, warnings), date)));
        }
        if (!info.weight().isEmpty()) {
            resources.add(new MappedResource(key + ":weight", dated(weight(info.weight(), where, warnings), date)));
        }
        if (date == null) {
            warnings.add(JahisProblems.of(where, "jahis.patient.undated"));
        }
        return Optional.of(new RecordMapping(resources, List.of(), warnings));
    }

    private static Observation bloodType(String written, Location where, List<Problem> warnings) {
        Observation observation = observation(FhirSystems.JP_CORE_PROFILE + "JP_Observation_Common");
        observation.addCategory(new CodeableConcept(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, "laboratory", "Laboratory")));
        Optional<BloodType> read = BloodType.read(written);
        read.ifPresentOrElse(type -> {
            observation.setCode(new CodeableConcept(type.code()).setText("血液型"));
            observation.setValue(type.value(written));
        }, () -> {
            observation.setCode(new CodeableConcept(new Coding(FhirSystems.LOINC, Loinc.ABO_AND_RH,
                    Loinc.display(Loinc.ABO_AND_RH))).setText("血液型"));
            observation.setValue(new CodeableConcept().setText(written));
            warnings.add(JahisProblems.of(where.field("1.血液型"), "jahis.patient.bloodType", written));
        });
        return observation;
    }

    private static Observation weight(String written, Location where, List<Problem> warnings) {
        Observation observation = observation(FhirSystems.JP_OBSERVATION_BODY_MEASUREMENT);
        observation.addCategory(new CodeableConcept(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, "body-measurement",
                "Body Measurement")));
        observation.addCategory(new CodeableConcept(new Coding(FhirSystems.JP_BODY_MEASUREMENT_CATEGORY, "weight", "体重")));
        observation.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")));
        observation.setCode(VitalSign.BODY_WEIGHT.code()
                .addCoding(new Coding(FhirSystems.JP_BODY_MEASUREMENT_CODE, "31000296", "体重")));
        String number = Normalizer.normalize(written, Normalizer.Form.NFKC).replaceAll("\\s", "");
        if (number.toLowerCase(Locale.ROOT).endsWith("kg")) {
            number = number.substring(0, number.length() - 2);
        }
        if (JahisNumbers.isDecimal(number)) {
            observation.setValue(VitalSign.BODY_WEIGHT.unit().quantity(new BigDecimal(number)));
        } else {
            observation.setValue(new StringType(written));
            warnings.add(JahisProblems.of(where.field("1.体重"), "jahis.patient.weight", written));
        }
        return observation;
    }

    private static Observation observation(String profile) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.getMeta().addProfile(profile);
        observation.setSubject(SourceRefs.patient());
        return observation;
    }

    private static Observation dated(Observation observation, LocalDate date) {
        if (date != null) {
            observation.setEffective(Notes.day(date));
        }
        return observation;
    }
}
