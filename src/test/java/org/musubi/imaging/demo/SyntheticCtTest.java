package org.musubi.imaging.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.imaging.stow.DicomHeader;

/** The demo's CT as Musubi's own DICOM reader (the STOW-RS door's) reads it: its patient, its study, one per slice. */
class SyntheticCtTest {

    private static final String ISSUER = "1.2.392.100495.20.3.51.11310000017";
    private static final SyntheticCt CT = new SyntheticCt("000123", ISSUER, "=青木^勇=アオキ^イサム", "M", "19480305",
            LocalDateTime.of(2026, 11, 25, 10, 30), 12);

    @Test
    void everyImageNamesTheHospitalsPatientAndOneStudy() {
        List<byte[]> files = CT.instances();
        assertThat(files).hasSize(12);
        SourcePatient aoki = new SourcePatient(1, 2, "000123", "青木", "勇", "アオキ", "イサム", Sex.MALE,
                LocalDate.of(1948, 3, 5), null, null, null);
        SourcePatient other = new SourcePatient(3, 2, "000123", "山田", "花子", "ヤマダ", "ハナコ", Sex.FEMALE,
                LocalDate.of(1950, 1, 1), null, null, null);
        for (byte[] file : files) {
            assertThat(new String(file, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
            DicomHeader header = DicomHeader.read(file).orElseThrow();
            assertThat(header.patientId()).isEqualTo("000123");
            assertThat(header.issuer()).isEqualTo(ISSUER);
            assertThat(header.studyUid()).isEqualTo(CT.studyUid());
            assertThat(header.sopClassUid()).isEqualTo(SyntheticCt.CT_IMAGE_STORAGE);
            assertThat(header.said().contradictions(aoki)).as("the patient as the hospital registered him").isEmpty();
            assertThat(header.said().contradictions(other)).isNotEmpty();
        }
        assertThat(files.stream().map(f -> DicomHeader.read(f).orElseThrow().sopInstanceUid()).distinct())
                .as("one instance UID per image").hasSize(12);
        assertThat(files.get(0)).as("128 × 128 16-bit pixels in each").hasSizeGreaterThan(128 * 128 * 2);
    }

    @Test
    void theSamePatientAlwaysGetsTheSameStudyAndAnotherPatientAnother() {
        SyntheticCt again = new SyntheticCt("000123", ISSUER, "=青木^勇=アオキ^イサム", "M", "19480305",
                LocalDateTime.of(2026, 12, 1, 10, 30), 12);
        SyntheticCt other = new SyntheticCt("000124", ISSUER, "", "F", "", LocalDateTime.of(2026, 11, 25, 10, 30), 12);
        assertThat(again.studyUid()).isEqualTo(CT.studyUid()).startsWith("2.25.");
        assertThat(other.studyUid()).isNotEqualTo(CT.studyUid());
        assertThat(CT.studyUid().length()).isLessThanOrEqualTo(64);
        assertThat(DicomHeader.read(again.instances().get(0)).orElseThrow().sopInstanceUid())
                .isEqualTo(DicomHeader.read(CT.instances().get(0)).orElseThrow().sopInstanceUid());
    }
}
