package org.musubi.imaging.stow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.testing.DicomStudies;

/** The STOW-RS check reads the patient and study of a dcmtk-made instance, and nothing from what is not one. */
class DicomHeaderTest {

    @Test
    void readsThePatientAndStudyOfAnInstance(@TempDir Path dir) throws Exception {
        DicomStudies study = DicomStudies.ct("P-123", "1.2.392.100495.20.3.51.13410000001", 1);
        byte[] file = Files.readAllBytes(study.write(dir).getFirst());

        DicomHeader header = DicomHeader.read(file).orElseThrow();

        assertThat(header.patientId()).isEqualTo("P-123");
        assertThat(header.issuer()).isEqualTo("1.2.392.100495.20.3.51.13410000001");
        assertThat(header.studyUid()).isEqualTo(study.studyUid());
        assertThat(header.sopInstanceUid()).isEqualTo(study.instanceUid(1, 1));
        assertThat(header.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
    }

    @Test
    void readsWhatTheInstanceSaysOfItsPatientInItsCharacterSet(@TempDir Path dir) throws Exception {
        DicomStudies study = DicomStudies.ct("P-5", null, 1).withPatient("ﾔﾏﾀﾞ^ﾊﾅｺ=山田^花子=やまだ^はなこ", "F", "19500401");
        DicomHeader header = DicomHeader.read(Files.readAllBytes(study.write(dir).getFirst())).orElseThrow();
        assertThat(header.said()).isEqualTo(new org.musubi.imaging.index.StudyDemographics(
                "ﾔﾏﾀﾞ^ﾊﾅｺ=山田^花子=やまだ^はなこ", "F", "19500401"));

        DicomStudies latin = DicomStudies.ct("P-6", null, 1).withPatient("YAMADA^HANAKO", null, null);
        DicomHeader plain = DicomHeader.read(Files.readAllBytes(latin.write(dir.resolve("latin")).getFirst()))
                .orElseThrow();
        assertThat(plain.said()).isEqualTo(new org.musubi.imaging.index.StudyDemographics("YAMADA^HANAKO", null, null));
    }

    @Test
    void anInstanceWithoutIssuerHasNone(@TempDir Path dir) throws Exception {
        DicomStudies study = DicomStudies.ct("P-9", null, 1).withModality("ES");
        DicomHeader header = DicomHeader.read(Files.readAllBytes(study.write(dir).getFirst())).orElseThrow();
        assertThat(header.issuer()).isNull();
        assertThat(header.patientId()).isEqualTo("P-9");
    }

    @Test
    void whatIsNoDicomFileOrIsCutShortIsNoInstance(@TempDir Path dir) throws Exception {
        assertThat(DicomHeader.read(new byte[0])).isEmpty();
        assertThat(DicomHeader.read("not a DICOM file at all".repeat(20).getBytes())).isEmpty();
        byte[] file = Files.readAllBytes(DicomStudies.ct("P-1", null, 1).write(dir).getFirst());
        assertThat(DicomHeader.read(Arrays.copyOf(file, 200))).isEmpty();
    }
}
