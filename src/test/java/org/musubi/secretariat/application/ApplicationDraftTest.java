package org.musubi.secretariat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FieldFault;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.profile.AcceptedCard;

class ApplicationDraftTest {

    static final String CLINIC_CODE = MedicalInstitutionCode.of(34, 1, 123456).value();

    static ApplicationDraft clinic(String code, Integer beds, List<ApplicantUser> users) {
        return new ApplicationDraft(FacilityKind.CLINIC, "試験内科クリニック", "シケンナイカクリニック", code, 34, "呉市",
                "呉市中央1-1-1", "0823-11-2222", beds, true, true, Set.of(AcceptedCard.REGIONAL), "申請 花子",
                "0823-11-2223", "", users);
    }

    static List<ApplicantUser> doctorAdmin() {
        return List.of(new ApplicantUser("試験 医師", "シケン イシ", Profession.DOCTOR, true));
    }

    static List<String> fields(ApplicationDraft draft) {
        return draft.check().stream().map(FieldFault::field).toList();
    }

    @Test
    void aCompleteClinicHasNoFaults() {
        assertThat(clinic(CLINIC_CODE, 0, doctorAdmin()).check()).isEmpty();
    }

    @Test
    void theCodeIsCheckedAsTheRegistryChecksItWithItsCheckDigit() {
        String wrongDigit = CLINIC_CODE.substring(0, 9) + ((CLINIC_CODE.charAt(9) - '0' + 1) % 10);
        assertThat(clinic(wrongDigit, 0, doctorAdmin()).check()).extracting(FieldFault::messageKey)
                .contains("code.checkDigit");
        assertThat(fields(clinic("", 0, doctorAdmin()))).as("a clinic needs one").contains("code");
        String pharmacyCode = MedicalInstitutionCode.of(34, 4, 123456).value();
        assertThat(clinic(pharmacyCode, 0, doctorAdmin()).check()).extracting(FieldFault::messageKey)
                .as("a pharmacy's fee table on a clinic").contains("code.feeTableForKind");
    }

    @Test
    void aCareFacilityMayApplyWithoutACode() {
        ApplicationDraft care = new ApplicationDraft(FacilityKind.CARE_FACILITY, "試験ケアセンター", "シケンケアセンター",
                "", 34, "呉市", "呉市中央2-2", "0823-11-3333", null, false, true, Set.of(), "申請 一郎",
                "0823113334", "care@example.jp",
                List.of(new ApplicantUser("試験 ケアマネ", "シケン ケアマネ", Profession.CARE_MANAGER, true)));
        assertThat(care.check()).isEmpty();
        assertThat(care.cardsOrRegional()).containsExactly(AcceptedCard.REGIONAL);
    }

    @Test
    void usersNeedNamesAKatakanaReadingAnOfferedProfessionAndOneAdministrator() {
        List<ApplicantUser> users = List.of(new ApplicantUser("", "しけん", Profession.NETWORK_OPERATOR, false));
        assertThat(fields(clinic(CLINIC_CODE, 0, users))).contains("users", "users[0].nameKanji",
                "users[0].nameKana", "users[0].profession");
        assertThat(fields(clinic(CLINIC_CODE, 0, List.of()))).contains("users");
    }

    @Test
    void aHospitalGivesItsBedsAndBedsStayInRange() {
        ApplicationDraft hospital = new ApplicationDraft(FacilityKind.HOSPITAL, "試験病院", "シケンビョウイン",
                CLINIC_CODE, 34, "呉市", "呉市中央3-3", "0823-11-4444", null, true, true, Set.of(), "申請 次郎",
                "0823-11-4445", "", doctorAdmin());
        assertThat(fields(hospital)).contains("beds");
        assertThat(fields(clinic(CLINIC_CODE, -1, doctorAdmin()))).contains("beds");
        assertThat(fields(clinic(CLINIC_CODE, 10_001, doctorAdmin()))).contains("beds");
    }

    @Test
    void theContactNeedsANameAndAPhoneAndAnEmailIsOnlyText() {
        ApplicationDraft noContact = new ApplicationDraft(FacilityKind.CLINIC, "試験", "シケン", CLINIC_CODE, 34, "呉市",
                "呉市", "0823-11-2222", 0, true, true, Set.of(), "", "abc", "not an address", doctorAdmin());
        assertThat(fields(noContact)).contains("contactName", "contactPhone", "contactEmail");
    }
}
