package org.musubi.ingest.checkup;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.jahis.mapping.ContentHash;
import org.musubi.ingest.jahis.mapping.PersonName;
import org.musubi.record.fhir.FhirSystems;

/**
 * The examinee as the checkup centre's patient. A checkup document names people by their health insurance, not by
 * an ID of the centre's, so the local patient ID is made from the insurance: {@code checkup-} and 16 hex digits of the
 * HMAC, under the installation's id key, of the facility and the normalised 保険者番号, 被保険者証等記号, 番号 and 枝番
 * ({@link ImportIds#patientHash}); the same insured person's checkups are one patient of the centre, the ID gives away
 * no insurance number, and a person whose insurance changed is a second patient that 名寄せ links. The Patient carries
 * the insurance as JP-CLINS's insured-person identifier ({@code 保険者番号:記号:番号:枝番}), the names (kanji IDE, kana
 * SYL), sex, birth date, address and telephone.
 */
final class CheckupPatients {

    /** JP-CLINS's 被保険者個人識別子: {@code <保険者番号 8 digits>:<記号>:<番号>:<枝番>}. */
    static final String INSURED_PERSON = FhirSystems.INSURANCE_MEMBER_ID;

    private CheckupPatients() {
    }

    static String localId(CheckupHeader.Examinee examinee, ImportIds ids) {
        return "checkup-" + ids.patientHash(ContentHash.joined("insurance", examinee.insurer(), examinee.symbol(),
                examinee.number(), examinee.branch()), 16);
    }

    static PatientIdentity identity(CheckupHeader.Examinee examinee, String localId) {
        PersonName kanji = examinee.kanji() == null ? null : PersonName.split(examinee.kanji());
        PersonName kana = examinee.kana() == null ? null : PersonName.split(examinee.kana()).agreeingWith(kanji);
        return new PatientIdentity(localId, kanji == null ? null : kanji.family(), kanji == null ? null : kanji.given(),
                kana == null ? null : kana.family(), kana == null ? null : kana.given(), examinee.sex(), examinee.birthDate(),
                examinee.postalCode(), examinee.address(), examinee.phone());
    }

    static Patient resource(CheckupHeader.Examinee examinee, String localId, MappingContext context) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(FhirSystems.JP_PATIENT);
        patient.addIdentifier().setSystem(context.patientIdSystem()).setValue(localId);
        patient.addIdentifier().setSystem(INSURED_PERSON).setValue(String.join(":", examinee.insurer(),
                blank(examinee.symbol()), examinee.number(), blank(examinee.branch())));
        if (examinee.kanji() != null) {
            patient.addName(PersonName.split(examinee.kanji()).toHumanName("IDE"));
        }
        if (examinee.kana() != null) {
            PersonName kanji = examinee.kanji() == null ? null : PersonName.split(examinee.kanji());
            patient.addName(PersonName.split(examinee.kana()).agreeingWith(kanji).toHumanName("SYL"));
        }
        patient.setGender(Hl7Values.gender(examinee.sex()));
        patient.setBirthDateElement(new DateType(examinee.birthDate().toString()));
        if (examinee.address() != null || examinee.postalCode() != null) {
            patient.addAddress(new Address().setText(examinee.address()).setPostalCode(examinee.postalCode()));
        }
        if (examinee.phone() != null) {
            patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(examinee.phone()));
        }
        return patient;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
