package org.musubi.ingest.jahis.mapping;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.identity.Sex;
import org.musubi.ingest.jahis.records.JahisRecord.PatientInfo;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.medication.notebook.JahisSystems;

/**
 * The patient record (1) as the identity matching uses it and as JP_Patient. JAHIS carries no
 * patient ID, so the local ID is derived from who the patient is: {@code jahis-} + 16 hex digits of
 * the HMAC, under the installation's id key, of the facility and the normalised kana name (the kanji name when
 * there is no kana), birth date and sex (on a legacy installation, of their SHA-256: {@link ImportIds#patientHash}),
 * so that the ID does not give away who the patient is. The same person in another notebook file gets the same ID;
 * a changed name is a new ID, left to identity matching (名寄せ). A notebook without kana name still names the patient
 * by the kanji name, sex and birth date. Blood type and weight become Observations of their own record
 * ({@link PatientObservations}).
 */
final class PatientMapping {

    record Mapped(PatientIdentity identity, Patient patient) {
    }

    private PatientMapping() {
    }

    /** {@code jahis-} and 16 hex digits of the normalised name, birth date and sex ({@link ImportIds#patientHash}). */
    static String localId(PatientInfo info, ImportIds ids) {
        String name = info.kanaName().isEmpty() ? "kanji:" + info.name() : "kana:" + info.kanaName();
        return "jahis-" + ids.patientHash(ContentHash.keyed(name, String.valueOf(info.birthDate()), info.sex()), 16);
    }

    static Mapped map(PatientInfo info, MappingContext context) {
        String localId = localId(info, context.ids());
        PersonName kanji = PersonName.split(info.name());
        PersonName kana = info.kanaName().isEmpty() ? null : PersonName.split(info.kanaName()).agreeingWith(kanji);
        Sex sex = "1".equals(info.sex()) ? Sex.MALE : Sex.FEMALE;
        PatientIdentity identity = new PatientIdentity(localId, kanji.family(), kanji.given(),
                kana == null ? null : kana.family(), kana == null ? null : kana.given(), sex, info.birthDate(),
                Parties.blankToNull(info.postalCode()), Parties.blankToNull(info.address()), Parties.blankToNull(info.phone()));
        return new Mapped(identity, patient(info, localId, kanji, kana, context));
    }

    private static Patient patient(PatientInfo info, String localId, PersonName kanji, PersonName kana,
                                   MappingContext context) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(FhirSystems.JP_PATIENT);
        patient.addIdentifier(new Identifier().setSystem(context.patientIdSystem()).setValue(localId));
        patient.addName(kanji.toHumanName("IDE"));
        if (kana != null) {
            patient.addName(kana.toHumanName("SYL"));
        }
        patient.setGender("1".equals(info.sex()) ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(info.birthDate().toString()));
        if (!info.phone().isEmpty()) {
            patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(info.phone()));
        }
        if (!info.address().isEmpty() || !info.postalCode().isEmpty()) {
            patient.addAddress(new Address().setText(Parties.blankToNull(info.address()))
                    .setPostalCode(Parties.blankToNull(info.postalCode())));
        }
        if (!info.emergencyContact().isEmpty()) {
            patient.addContact().addRelationship(new CodeableConcept(new Coding(JahisSystems.EMERGENCY_CONTACT, "C",
                    "Emergency Contact"))).addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.OTHER)
                    .setValue(info.emergencyContact()));
        }
        return patient;
    }
}
