package org.musubi.ingest.uke;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.jahis.mapping.ContentHash;
import org.musubi.ingest.jahis.mapping.PersonName;
import org.musubi.record.fhir.FhirSystems;

/**
 * The patient a receipt is about, from its RE (5 氏名, 6 男女区分, 7 生年月日; 医科: 14 カルテ番号等, 37 カタカナ氏名; 調剤:
 * 42 カタカナ氏名), HO (保険者番号,
 * 被保険者証等の記号・番号) and SN (資格確認レコード: 枝番) records.
 *
 * <p>The local patient ID is the カルテ番号 when the receipt sends one (医科 field 14), so that the facility's other imports
 * (SS-MIX2) of the same patient are the same patient; else {@code uke-} and 16 hex digits of the HMAC, under the
 * installation's id key, of the insurance, birth date and name ({@link ImportIds#patientHash}): the same person's
 * receipts of every month are one patient, and the ID gives away nothing. The insurance is the Patient's JP-CLINS
 * insured-person identifier ({@code 保険者番号:記号:番号:枝番}), which 名寄せ may use; a receipt of 公費 alone has none.
 */
record ReceiptPatient(String localId, String name, String kana, Sex sex, LocalDate birthDate, String insurer,
                      String symbol, String number, String branch) {

    static ReceiptPatient of(UkeLayout layout, UkeLine re, UkeLine ho, UkeLine sn, ImportIds ids) {
        String name = re.required(5, "氏名");
        String sexCode = re.requiredDigits(6, "男女区分", 1);
        Sex sex = switch (sexCode) {
            case "1" -> Sex.MALE;
            case "2" -> Sex.FEMALE;
            default -> throw re.fault("男女区分", "uke.field.code", "男女区分", sexCode);
        };
        LocalDate birth = re.date(7, "生年月日");
        if (birth == null) {
            throw re.fault("生年月日", "uke.field.missing", "生年月日");
        }
        String karte = layout == UkeLayout.MEDICAL ? re.optional(14) : null;
        String kana = re.optional(layout == UkeLayout.MEDICAL ? 37 : 42);
        String insurer = ho == null ? null : ho.requiredDigits(2, "保険者番号", 6, 8);
        String symbol = ho == null ? null : ho.optional(3);
        String number = ho == null ? null : ho.required(4, "被保険者証(手帳)等の番号");
        String branch = sn == null ? null : sn.digits(7, "枝番", 2);
        String local = karte != null ? karte
                : "uke-" + ids.patientHash(ContentHash.joined("uke", insurer, symbol, number, branch, birth.toString(), name), 16);
        return new ReceiptPatient(local, name, kana, sex, birth, insurer, symbol, number, branch);
    }

    PatientIdentity identity() {
        PersonName kanji = PersonName.split(name);
        PersonName kanaName = kanaName(kanji);
        return new PatientIdentity(localId, kanji.family(), kanji.given(), kanaName == null ? null : kanaName.family(),
                kanaName == null ? null : kanaName.given(), sex, birthDate, null, null, null);
    }

    /**
     * The カタカナ氏名, split where the kanji name agrees when written without a space (テストハンヨウ: many receipt
     * computers do), else whole as the family name ({@link PersonName#agreeingWith}); null when the receipt has none.
     */
    private PersonName kanaName(PersonName kanji) {
        return kana == null ? null : PersonName.split(kana).agreeingWith(kanji);
    }

    /** The insured-person identifier's value, or null for a receipt without health insurance (公費 alone). */
    String insuredValue() {
        return insurer == null ? null : String.join(":", insurer, symbol == null ? "" : symbol, number,
                branch == null ? "" : branch);
    }

    Patient resource(MappingContext context) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(FhirSystems.JP_PATIENT);
        patient.addIdentifier().setSystem(context.patientIdSystem()).setValue(localId);
        if (insuredValue() != null) {
            patient.addIdentifier().setSystem(FhirSystems.INSURANCE_MEMBER_ID).setValue(insuredValue());
        }
        PersonName kanji = PersonName.split(name);
        patient.addName(kanji.toHumanName("IDE"));
        if (kana != null) {
            patient.addName(kanaName(kanji).toHumanName("SYL"));
        }
        patient.setGender(Hl7Values.gender(sex));
        patient.setBirthDateElement(new DateType(birthDate.toString()));
        return patient;
    }
}
