package org.musubi.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules the composer meets before anything is rendered, signed or sent. */
class LetterTest {

    static final Facility CLINIC = new Facility("結クリニック", "3410012345", null, null, null);
    static final Facility PHARMACY = new Facility("結薬局", null, null, null, null);
    static final Author DOCTOR = new Author("結 太郎", null, Author.Profession.DOCTOR, "内科", null);
    static final Content EMPTY = new Content("精査をお願いします", null, null, null, null, null, null, null, null, null,
            null, null, null);

    static Demographics patient(String insurance) {
        return new Demographics("P1", "結 花子", null, LocalDate.of(1950, 4, 1), "female", null, null, null, insurance);
    }

    static Letter letter(LetterKind kind, Facility sender, String number, Demographics patient) {
        return new Letter(kind, number, 1, Instant.parse("2026-11-20T01:00:00Z"), DOCTOR, sender,
                new Addressee(CLINIC, null, null, null), patient, EMPTY, null, null);
    }

    @Test
    void aNationalLetterNeedsTheSendersInstitutionCodeAndThePatientsInsuranceIdentifier() {
        assertThatThrownBy(() -> letter(LetterKind.REFERRAL, PHARMACY, "R-1", patient("06139999:あ:1:"))).hasMessageContaining("institution code");
        assertThatThrownBy(() -> letter(LetterKind.REFERRAL, CLINIC, "R-1", patient(null))).hasMessageContaining("insurance");
        assertThat(letter(LetterKind.REFERRAL, CLINIC, "R-1", patient("06139999:あ:1:")).kind().nationalCode()).isEqualTo("57133-1");
        assertThat(letter(LetterKind.TRACING_REPORT, PHARMACY, "T-1", patient(null)).kind().national()).isFalse();
    }

    @Test
    void codesAndNumbersHaveTheirNationalForm() {
        assertThatThrownBy(() -> new Facility("x", "341001234", null, null, null)).hasMessageContaining("10 digits");
        assertThatThrownBy(() -> patient("0613999:あ:1:05")).hasMessageContaining("insuranceMemberId");
        assertThatThrownBy(() -> patient("06139999:あ い:1:05")).as("no space in a part").hasMessageContaining("insuranceMemberId");
        assertThat(patient("06139999:::").insuranceMemberId()).as("absent parts are empty").isEqualTo("06139999:::");
        assertThatThrownBy(() -> letter(LetterKind.INFORMATION, CLINIC, "R^1", patient(null))).hasMessageContaining("letter.number");
        assertThatThrownBy(() -> letter(LetterKind.INFORMATION, CLINIC, "x".repeat(33), patient(null)))
                .hasMessageContaining("letter.number");
    }

    @Test
    void onlyAReferralEnclosesADischargeSummaryAndASummaryNeedsItsStay() {
        Letter info = letter(LetterKind.INFORMATION, CLINIC, "I-1", patient(null));
        assertThatThrownBy(() -> new Letter(LetterKind.REFERRAL, "R-2", 1, info.issued(), DOCTOR, CLINIC, info.addressee(),
                patient("06139999:::"), EMPTY, null, info)).hasMessageContaining("encloses");
        assertThatThrownBy(() -> letter(LetterKind.DISCHARGE_SUMMARY, CLINIC, "D-1", patient("06139999:::")))
                .hasMessageContaining("stay");
        assertThatThrownBy(() -> new Stay(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 1), "x", null, null,
                List.of(), null, null, null)).hasMessageContaining("discharged");
    }

    @Test
    void anAttachmentCarriesAWellFormedSha256() {
        assertThatThrownBy(() -> new Attachment("x", "application/pdf", 1, "ABC", new Attachment.Stored("Binary/1")))
                .hasMessageContaining("SHA-256");
        assertThat(new Attachment("x", "application/pdf", 1, "a".repeat(64), new Attachment.Uploaded("k")).source())
                .isInstanceOf(Attachment.Uploaded.class);
    }
}
