package org.musubi.synth.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.record.fhir.FhirSystems;

/**
 * Deterministic synthetic clinical records of a facility's patient, as a facility system exports
 * them: a JP Core-style Patient with the facility's patient ID, and visits spread evenly over a
 * span of years, each an Encounter with diagnoses (ICD-10), prescriptions and dispenses (YJ),
 * laboratory results (JLAC10) and vital signs (LOINC). The same seed and arguments always give equal
 * resources and {@code urn:uuid:} fullUrls.
 */
public final class ClinicalRecordGenerator {


    /** The facility's Patient for a synthetic person: kanji and kana names, sex, birth date, address, phone. */
    public Patient patient(Person person, String patientIdSystem, String localId) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(patientIdSystem).setValue(localId);
        name(patient, person.familyKanji(), person.givenKanji(), "IDE");
        name(patient, person.familyKana(), person.givenKana(), "SYL");
        patient.setGender(person.sex() == Sex.MALE ? AdministrativeGender.MALE
                : person.sex() == Sex.FEMALE ? AdministrativeGender.FEMALE : AdministrativeGender.UNKNOWN);
        patient.setBirthDateElement(new DateType(person.birthDate().toString()));
        if (person.address() != null) {
            patient.addAddress(new Address().setText(person.address()).setPostalCode(person.postalCode()));
        }
        if (person.phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(person.phone());
        }
        return patient;
    }

    /**
     * Exactly {@code count} clinical resources about the patient at {@code patientUrl}, in visits
     * from {@code from} to {@code to}; Conditions carry an identifier and a conditional create.
     */
    public List<ClinicalEntry> record(long seed, String patientUrl, String localId, int count, LocalDate from,
                                      LocalDate to) {
        ClinicalVisits visits = new ClinicalVisits(seed, patientUrl, localId);
        VisitSchedule.spread(from, to, count, () -> visits.entries().size(), visits::visit);
        return List.copyOf(visits.entries().subList(0, count));
    }

    /** The Patient (conditional create by its patient ID) followed by the entries, as a transaction Bundle. */
    public Bundle transaction(Patient patient, String patientUrl, List<ClinicalEntry> entries) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        for (ClinicalEntry entry : entries) {
            bundle.addEntry().setFullUrl(entry.fullUrl()).setResource(entry.resource()).getRequest()
                    .setMethod(Bundle.HTTPVerb.POST).setUrl(entry.resource().fhirType()).setIfNoneExist(entry.ifNoneExist());
        }
        return bundle;
    }

    /** A version-4 UUID drawn from {@code random}, as a {@code urn:uuid:} fullUrl. */
    public static String urnUuid(SplittableRandom random) {
        return "urn:uuid:" + uuid(random);
    }

    private static UUID uuid(SplittableRandom random) {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
    }

    private static void name(Patient patient, String family, String given, String form) {
        HumanName name = patient.addName().setFamily(family).addGiven(given);
        name.addExtension(FhirSystems.NAME_REPRESENTATION, new CodeType(form));
    }
}
