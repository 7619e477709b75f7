package org.musubi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedicalInstitutionCodeTest {

    @Test
    void acceptsACodeWithTheRightCheckDigit() {
        // 01 Hokkaido, fee table 1 (medical), 7-digit code 0113719: the weighted digit sum of the
        // first nine digits is 21, so the check digit is 10 - 1 = 9.
        MedicalInstitutionCode code = new MedicalInstitutionCode("0110113719");

        assertThat(code.prefecture()).isEqualTo(1);
        assertThat(code.feeTable()).isEqualTo(1);
        assertThat(code.sevenDigitCode()).isEqualTo("0113719");
    }

    @Test
    void namesAWrongCheckDigitWithTheExpectedOne() {
        assertThat(MedicalInstitutionCode.check("0110113718"))
                .containsExactly(new MedicalInstitutionCode.CodeFault("code.checkDigit", 8, 9));
    }

    @Test
    void namesAPrefectureOutsideOneToFortySeven() {
        assertThat(faultOf("4810113719")).isEqualTo("code.prefecture");
        assertThat(faultOf("0010113719")).isEqualTo("code.prefecture");
    }

    @Test
    void namesAnUnknownFeeTableDigit() {
        assertThat(faultOf("3450113719")).isEqualTo("code.feeTable");
        assertThat(faultOf("3400113719")).isEqualTo("code.feeTable");
    }

    @Test
    void namesTheWrongLengthAndNonDigits() {
        assertThat(MedicalInstitutionCode.check("341011371"))
                .containsExactly(new MedicalInstitutionCode.CodeFault("code.length", 9));
        assertThat(faultOf("34101137１9")).isEqualTo("code.notDigits");
        assertThat(faultOf("34-1011371")).isEqualTo("code.notDigits");
        assertThat(faultOf(" ")).isEqualTo("code.blank");
    }

    @Test
    void catchesEverySingleDigitTypo() {
        MedicalInstitutionCode valid = MedicalInstitutionCode.of(34, 1, 123456);
        String text = valid.value();
        for (int position = 3; position < 10; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == text.charAt(position)) {
                    continue;
                }
                String typo = text.substring(0, position) + digit + text.substring(position + 1);
                assertThat(MedicalInstitutionCode.check(typo)).as(typo).isNotEmpty();
            }
        }
    }

    @Test
    void buildsValidCodesForEveryFeeTable() {
        for (int feeTable : List.of(1, 2, 3, 4, 6)) {
            assertThat(MedicalInstitutionCode.check(MedicalInstitutionCode.of(13, feeTable, 987654).value())).isEmpty();
        }
    }

    @Test
    void refusesToConstructAnInvalidCode() {
        assertThatThrownBy(() -> new MedicalInstitutionCode("3410113718"))
                .isInstanceOf(MedicalInstitutionCode.InvalidCodeException.class);
    }

    @Test
    void aFacilityDraftNamesTheFieldAndAKindMismatch() {
        String pharmacyCode = MedicalInstitutionCode.of(34, 4, 100001).value();
        FacilityDraft hospitalWithPharmacyCode = new FacilityDraft("県立病院", "ケンリツビョウイン", FacilityKind.HOSPITAL,
                pharmacyCode, null, null, null, true, true, FacilityStatus.ACTIVE);

        assertThat(hospitalWithPharmacyCode.check())
                .containsExactly(FieldFault.of("code", "code.feeTableForKind", 4));
    }

    @Test
    void aHospitalNeedsACodeButAFireDepartmentDoesNot() {
        FacilityDraft hospital = new FacilityDraft("病院", "ビョウイン", FacilityKind.HOSPITAL, "", 34, null, null,
                true, true, null);
        FacilityDraft fire = new FacilityDraft("消防局", "ショウボウキョク", FacilityKind.FIRE_DEPARTMENT, "", 34, null,
                null, false, true, null);

        assertThat(hospital.check()).extracting(FieldFault::messageKey).containsExactly("facility.code.required");
        assertThat(fire.check()).isEmpty();
    }

    private static String faultOf(String code) {
        return MedicalInstitutionCode.check(code).getFirst().messageKey();
    }
}
