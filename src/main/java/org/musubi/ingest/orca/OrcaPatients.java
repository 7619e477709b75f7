package org.musubi.ingest.orca;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.jahis.mapping.PersonName;
import org.musubi.medication.notebook.DrugCodes;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ConditionStatus;
import org.w3c.dom.Element;

/**
 * ORCA's 患者基本情報 (patientgetv2 {@code Patient_Information}) as FHIR R4 (JP Core): the Patient (患者番号 under the
 * facility's patient-id system, kanji and kana names, 通称名, sex 1/2, birth date, home address, the telephones and the
 * e-mail address, 死亡区分 1 as deceased), and what the 患者登録 screen records about the patient's safety, which the
 * viewer's allergy line and problem list show:
 * <ul>
 * <li>each 患者禁忌薬剤 ({@code Patient_Contra_Info}: the receipt drug code and name, 禁忌開始日, 有効終了日) as a
 * JP_AllergyIntolerance of category {@code medication} and criticality {@code high}, which is how FHIR and JP Core
 * write a contraindication ("high … implies an absolute contraindication") and how JP-CLINS's 薬剤アレルギー等 (which
 * holds 薬剤禁忌) asks for it; active while its 有効終了日 has not passed, inactive after;</li>
 * <li>禁忌１・２ ({@code Contraindication1/2}, words) as an AllergyIntolerance of criticality {@code high} whose
 * substance is the words (no category: ORCA does not say what kind);</li>
 * <li>アレルギー１・２ ({@code Allergy1/2}) as an AllergyIntolerance of the words;</li>
 * <li>感染症１・２ ({@code Infection1/2}) as a Condition of the words (a problem-list item).</li>
 * </ul>
 * Each says in a note where in ORCA it was written. コメント１・２ and 妊婦区分 are not stored, with a warning; the
 * billing and administrative parts of the answer (insurance, household, workplace, 減免・割引, 個人番号 …) are outside
 * the record (docs/no-ehr.md).
 */
final class OrcaPatients {

    private OrcaPatients() {
    }

    static PatientIdentity identity(Element p, String localId) {
        PersonName kanji = name(OrcaXml.text(p, "WholeName"));
        PersonName kana = kana(p, kanji);
        Element home = OrcaXml.child(p, "Home_Address_Information");
        return new PatientIdentity(localId, kanji == null ? null : kanji.family(), kanji == null ? null : kanji.given(),
                kana == null ? null : kana.family(), kana == null ? null : kana.given(), sex(OrcaXml.text(p, "Sex")),
                OrcaReader.date(OrcaXml.text(p, "BirthDate")), OrcaXml.text(home, "Address_ZipCode"), address(home),
                OrcaXml.text(home, "PhoneNumber1"));
    }

    static Patient patient(Element p, String localId, MappingContext context) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(FhirSystems.JP_PATIENT);
        patient.addIdentifier().setSystem(context.patientIdSystem()).setValue(localId);
        PersonName kanji = name(OrcaXml.text(p, "WholeName"));
        if (kanji != null) {
            patient.addName(kanji.toHumanName("IDE"));
        }
        PersonName kana = kana(p, kanji);
        if (kana != null) {
            patient.addName(kana.toHumanName("SYL"));
        }
        if (OrcaXml.text(p, "NickName") != null) {
            patient.addName(new HumanName().setUse(HumanName.NameUse.NICKNAME).setText(OrcaXml.text(p, "NickName")));
        }
        patient.setGender(Hl7Values.gender(sex(OrcaXml.text(p, "Sex"))));
        String birth = OrcaXml.text(p, "BirthDate");
        if (OrcaReader.date(birth) != null) {
            patient.setBirthDateElement(new DateType(birth));
        }
        Element home = OrcaXml.child(p, "Home_Address_Information");
        if (address(home) != null || OrcaXml.text(home, "Address_ZipCode") != null) {
            patient.addAddress(new Address().setUse(Address.AddressUse.HOME).setText(address(home))
                    .setPostalCode(OrcaXml.text(home, "Address_ZipCode")));
        }
        phone(patient, OrcaXml.text(home, "PhoneNumber1"), ContactPoint.ContactPointUse.HOME);
        phone(patient, OrcaXml.text(home, "PhoneNumber2"), null);
        phone(patient, OrcaXml.text(p, "CellularNumber"), ContactPoint.ContactPointUse.MOBILE);
        if (OrcaXml.text(p, "EmailAddress") != null) {
            patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(OrcaXml.text(p, "EmailAddress")));
        }
        if ("1".equals(OrcaXml.text(p, "Death_Flag"))) {
            patient.setDeceased(new BooleanType(true));
        }
        return patient;
    }

    /**
     * The patient's contraindicated drugs, contraindications, allergies and infections as ORCA's 患者登録 holds them;
     * warnings for what is not stored (コメント, 妊婦区分) and for a 禁忌開始日 that is not a date. A contraindicated drug
     * whose 有効終了日 is before {@code answered} (the day ORCA answered; null: unknown) no longer holds: inactive.
     */
    static List<MappedResource> safety(Element p, java.time.LocalDate answered, OrcaWarnings warnings) {
        List<MappedResource> mapped = new ArrayList<>();
        int n = 0;
        for (Element contra : OrcaXml.array(OrcaXml.child(p, "Patient_Contra_Information"), "Patient_Contra_Info")) {
            n++;
            String code = OrcaXml.text(contra, "Medication_Code");
            String name = OrcaXml.text(contra, "Medication_Name");
            if (code == null && name == null) {
                continue;
            }
            AllergyIntolerance allergy = allergy(name, "禁忌薬剤（ORCA 患者禁忌薬剤情報）");
            allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
            allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
            if (code != null) {
                allergy.getCode().addCoding(new Coding(DrugCodes.RECEIPT, code, name));
            }
            String field = "Patient_Contra_Info[" + n + "].";
            String start = OrcaXml.text(contra, "Contra_StartDate");
            if (OrcaReader.date(start) != null) {
                allergy.setRecordedDateElement(new DateTimeType(start));
            } else if (start != null) {
                warnings.add(field + "Contra_StartDate", "notADate", start);
            }
            String end = OrcaXml.text(contra, "Medication_EndDate");
            if (OrcaReader.date(end) != null) {
                allergy.addExtension(OrcaSystems.CONTRA_END_DATE, new DateType(end));
                if (answered != null && OrcaReader.date(end).isBefore(answered)) {
                    allergy.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.ALLERGY_CLINICAL, "inactive",
                            "Inactive")));
                }
            } else if (end != null) {
                warnings.add(field + "Medication_EndDate", "notADate", end);
            }
            mapped.add(new MappedResource("contra:" + (code == null ? "" : code) + ":" + n, allergy));
        }
        for (String field : List.of("Contraindication1", "Contraindication2")) {
            String words = OrcaXml.text(p, field);
            if (words != null) {
                AllergyIntolerance allergy = allergy(words, "禁忌（ORCA 患者登録 " + field + "）");
                allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
                mapped.add(new MappedResource(field.toLowerCase(java.util.Locale.ROOT), allergy));
            }
        }
        for (String field : List.of("Allergy1", "Allergy2")) {
            String words = OrcaXml.text(p, field);
            if (words != null) {
                mapped.add(new MappedResource(field.toLowerCase(java.util.Locale.ROOT),
                        allergy(words, "アレルギー（ORCA 患者登録 " + field + "）")));
            }
        }
        for (String field : List.of("Infection1", "Infection2")) {
            String words = OrcaXml.text(p, field);
            if (words != null) {
                Condition infection = new Condition();
                infection.getMeta().addProfile(FhirSystems.JP_CONDITION);
                infection.setSubject(SourceRefs.patient());
                infection.setCode(new CodeableConcept().setText(words));
                infection.addCategory(new CodeableConcept(new Coding(FhirSystems.CONDITION_CATEGORY, "problem-list-item",
                        "Problem List Item")));
                infection.setVerificationStatus(ConditionStatus.verification(false));
                infection.addNote(new Annotation(new MarkdownType("感染症（ORCA 患者登録 " + field + "）")));
                mapped.add(new MappedResource(field.toLowerCase(java.util.Locale.ROOT), infection));
            }
        }
        for (String field : List.of("Comment1", "Comment2")) {
            if (OrcaXml.text(p, field) != null) {
                warnings.add(field, "notStored", "コメント");
            }
        }
        Element personal = OrcaXml.child(p, "Personally_Information");
        if (OrcaXml.text(personal, "Pregnant_Class") != null) {
            warnings.add("Personally_Information.Pregnant_Class", "notStored", "妊婦区分");
        }
        return mapped;
    }

    private static AllergyIntolerance allergy(String words, String where) {
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.getMeta().addProfile(FhirSystems.JP_ALLERGY_INTOLERANCE);
        allergy.setPatient(SourceRefs.patient());
        allergy.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.ALLERGY_CLINICAL, "active", "Active")));
        allergy.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.ALLERGY_VERIFICATION, "confirmed",
                "Confirmed")));
        allergy.setCode(new CodeableConcept().setText(words));
        allergy.addNote(new Annotation(new MarkdownType(where)));
        return allergy;
    }

    private static void phone(Patient patient, String number, ContactPoint.ContactPointUse use) {
        if (number != null) {
            ContactPoint phone = new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number);
            patient.addTelecom(use == null ? phone : phone.setUse(use));
        }
    }

    /** The kana name, split where the kanji name agrees when it came in one piece ({@link PersonName#agreeingWith}). */
    private static PersonName kana(Element p, PersonName kanji) {
        PersonName kana = name(OrcaXml.text(p, "WholeName_inKana"));
        return kana == null ? null : kana.agreeingWith(kanji);
    }

    private static PersonName name(String whole) {
        return whole == null ? null : PersonName.split(whole);
    }

    private static Sex sex(String code) {
        return "1".equals(code) ? Sex.MALE : "2".equals(code) ? Sex.FEMALE : Sex.UNKNOWN;
    }

    private static String address(Element home) {
        String one = OrcaXml.text(home, "WholeAddress1");
        String two = OrcaXml.text(home, "WholeAddress2");
        return one == null ? two : two == null ? one : one + " " + two;
    }
}
