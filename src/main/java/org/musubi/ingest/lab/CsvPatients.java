package org.musubi.ingest.lab;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.record.fhir.FhirSystems;

/**
 * The patient of a CSV record, from its first row: the facility's patient ID, the kanji and kana names
 * (family and given split at the first half- or full-width space; no space leaves the whole as family
 * name), birth date and sex, as matching needs them and as a JP Core Patient.
 */
final class CsvPatients {

    private CsvPatients() {
    }

    static PatientIdentity identity(CsvLabRow.Patient patient) {
        String[] kanji = split(patient.nameKanji());
        String[] kana = split(patient.nameKana());
        return new PatientIdentity(patient.id(), kanji[0], kanji[1], kana[0], kana[1], patient.sex(), patient.birthDate(),
                null, null, null);
    }

    static Patient resource(CsvLabRow.Patient patient, MappingContext facility) {
        Patient resource = new Patient();
        resource.getMeta().addProfile(FhirSystems.JP_PATIENT);
        resource.addIdentifier().setSystem(facility.patientIdSystem()).setValue(patient.id());
        name(patient.nameKanji(), "IDE", resource);
        name(patient.nameKana(), "SYL", resource);
        resource.setGender(Hl7Values.gender(patient.sex()));
        if (patient.birthDate() != null) {
            resource.setBirthDateElement(new DateType(patient.birthDate().toString()));
        }
        return resource;
    }

    private static void name(String text, String representation, Patient resource) {
        String[] parts = split(text);
        if (parts[0] == null) {
            return;
        }
        HumanName name = resource.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(parts[0]).setText(text.strip());
        if (parts[1] != null) {
            name.addGiven(parts[1]);
        }
        name.addExtension(FhirSystems.NAME_REPRESENTATION, new CodeType(representation));
    }

    /** Family and given (either null). */
    private static String[] split(String name) {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty()) {
            return new String[2];
        }
        int space = indexOfSpace(text);
        if (space < 0) {
            return new String[] {text, null};
        }
        String given = text.substring(space + 1).strip();
        return new String[] {text.substring(0, space), given.isEmpty() ? null : given};
    }

    private static int indexOfSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\u3000') {
                return i;
            }
        }
        return -1;
    }
}
