package org.musubi.letters;

import java.time.LocalDate;

/**
 * The patient as the sending facility's record holds them.
 *
 * @param patientId  the sending facility's patient ID (its own 患者ID)
 * @param name       the name in 漢字 ({@code 結 花子}: family, a space, given)
 * @param nameKana   the reading in katakana ({@code ムスビ ハナコ}), or {@code null}
 * @param birthDate  date of birth
 * @param sex        {@code male}, {@code female}, {@code other} or {@code unknown} (FHIR administrative gender)
 * @param postalCode postal code, or {@code null}
 * @param address    the address as written, or {@code null}
 * @param phone      phone number, or {@code null}
 * @param insuranceMemberId the health-insurance member identifier as JP-CLINS writes it, {@code
 *                   保険者番号:記号:番号:枝番} (8 digits, then the symbol, the number and a 2-digit branch, each part empty
 *                   when absent: {@code 06139999:あいう:187:05}); required for a national document, or {@code null}
 */
public record Demographics(String patientId, String name, String nameKana, LocalDate birthDate, String sex,
                           String postalCode, String address, String phone, String insuranceMemberId) {

    /** JP-CLINS's form of the insurance member identifier (its Patient profile's rule R1013). */
    public static final java.util.regex.Pattern INSURANCE_MEMBER_ID =
            java.util.regex.Pattern.compile("[0-9]{8}:[^:\\s　]*:[^:\\s　]*:([0-9]{2})?");

    public Demographics {
        Letter.require(patientId, "patient.patientId");
        Letter.require(name, "patient.name");
        if (birthDate == null) {
            throw new IllegalArgumentException("patient.birthDate is required");
        }
        if (!java.util.Set.of("male", "female", "other", "unknown").contains(sex)) {
            throw new IllegalArgumentException("patient.sex must be male, female, other or unknown: " + sex);
        }
        if (insuranceMemberId != null && !INSURANCE_MEMBER_ID.matcher(insuranceMemberId).matches()) {
            throw new IllegalArgumentException("patient.insuranceMemberId must be 保険者番号(8 digits):記号:番号:枝番(2 digits "
                    + "or empty): " + insuranceMemberId);
        }
    }
}
