package org.musubi.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Synthetic DICOM studies made with Debian's dcmtk ({@code dump2dcm} writes each instance from a text dump, {@code
 * storescu} sends them by C-STORE): a study of {@code series} × {@code images} 12-bit MONOCHROME2 instances of a small
 * size, each frame drawn differently (a test tells frames apart by their pixels). Everything in them is made up.
 * {@link #requireTools} skips a test when dcmtk is not installed.
 *
 * @param patientId      PatientID (0010,0020): the sending facility's patient ID
 * @param issuer         IssuerOfPatientID (0010,0021), or null
 * @param patientName    PatientName (0010,0010), e.g. {@code YAMADA^TARO}
 * @param studyUid       StudyInstanceUID
 * @param accession      AccessionNumber, or null
 * @param modality       CT, MR, CR, DX, ES (endoscopy: sent as Secondary Capture) …
 * @param studyDate      StudyDate yyyyMMdd
 * @param studyTime      StudyTime HHmmss (a time in Japan, as a Japanese hospital's modality writes it)
 * @param series         how many series
 * @param images         instances per series
 * @param size           rows and columns
 * @param patientSex     PatientSex (0010,0040), or null to leave it out
 * @param patientBirthDate PatientBirthDate (0010,0030) yyyyMMdd, or null to leave it out
 */
public record DicomStudies(String patientId, String issuer, String patientName, String studyUid, String accession,
                           String modality, String studyDate, String studyTime, int series, int images, int size,
                           String patientSex, String patientBirthDate) {

    static final Path DUMP2DCM = Path.of("/usr/bin/dump2dcm");
    static final Path STORESCU = Path.of("/usr/bin/storescu");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One CT series of {@code images} 64×64 images for the patient, with a new study UID. */
    public static DicomStudies ct(String patientId, String issuer, int images) {
        return new DicomStudies(patientId, issuer, "TEST^TARO", uid(), "ACC" + RANDOM.nextInt(1_000_000), "CT",
                "20261120", "093000", 1, images, 64, null, null);
    }

    /** A new UID under the UUID-derived root 2.25 (ISO/IEC 9834-8). */
    public static String uid() {
        UUID u = UUID.randomUUID();
        BigInteger value = new BigInteger(1, ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    public static void requireTools() {
        assumeTrue(Files.isExecutable(DUMP2DCM) && Files.isExecutable(STORESCU),
                "dcmtk not installed (Debian: apt-get install dcmtk): DICOM test studies cannot be made, test skipped");
    }

    /**
     * The same study saying its patient is {@code name} (a DICOM PN; a name in kanji or kana is written in UTF-8,
     * SpecificCharacterSet ISO_IR 192), of {@code sex} (M, F, O) born on {@code birthDate} (yyyyMMdd); null leaves one
     * out.
     */
    public DicomStudies withPatient(String name, String sex, String birthDate) {
        return new DicomStudies(patientId, issuer, name, studyUid, accession, modality, studyDate, studyTime, series,
                images, size, sex, birthDate);
    }

    public DicomStudies withSeries(int count, int perSeries) {
        return new DicomStudies(patientId, issuer, patientName, studyUid, accession, modality,
                studyDate, studyTime, count, perSeries, size, patientSex, patientBirthDate);
    }

    /** The same study with images of {@code rows} × {@code rows} pixels. */
    public DicomStudies withSize(int rows) {
        return new DicomStudies(patientId, issuer, patientName, studyUid, accession, modality,
                studyDate, studyTime, series, images, rows, patientSex, patientBirthDate);
    }

    public DicomStudies withStudy(String uid, String accessionNumber) {
        return new DicomStudies(patientId, issuer, patientName, uid, accessionNumber, modality,
                studyDate, studyTime, series, images, size, patientSex, patientBirthDate);
    }

    public DicomStudies withModality(String code) {
        return new DicomStudies(patientId, issuer, patientName, studyUid, accession, code,
                studyDate, studyTime, series, images, size, patientSex, patientBirthDate);
    }

    /** The same study made on {@code date} (yyyyMMdd) at {@code time} (HHmmss), both Japan's. */
    public DicomStudies withStudyDateTime(String date, String time) {
        return new DicomStudies(patientId, issuer, patientName, studyUid, accession, modality,
                date, time, series, images, size, patientSex, patientBirthDate);
    }

    /** The series UID of series {@code s} (1-based): the study UID with {@code .s}. */
    public String seriesUid(int s) {
        return studyUid + "." + s;
    }

    /** The SOP instance UID of image {@code i} of series {@code s} (both 1-based). */
    public String instanceUid(int s, int i) {
        return studyUid + "." + s + "." + i;
    }

    /** Writes every instance into {@code dir} and returns the files. */
    public List<Path> write(Path dir) throws IOException, InterruptedException {
        requireTools();
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int s = 1; s <= series; s++) {
            for (int i = 1; i <= images; i++) {
                Path pixels = dir.resolve("px-" + s + "-" + i + ".raw");
                Files.write(pixels, pixels(s, i));
                Path dump = Files.writeString(dir.resolve("in-" + s + "-" + i + ".dump"), dump(s, i, pixels),
                        StandardCharsets.UTF_8);
                Path file = dir.resolve(s + "-" + i + ".dcm");
                run(List.of(DUMP2DCM.toString(), "--write-xfer-little", dump.toString(), file.toString()));
                Files.delete(dump);
                Files.delete(pixels);
                files.add(file);
            }
        }
        return files;
    }

    /** Sends {@code files} by C-STORE to {@code aet} at 127.0.0.1:{@code port} (as a PACS would). */
    public static void store(String aet, int port, List<Path> files) throws IOException, InterruptedException {
        requireTools();
        List<String> command = new ArrayList<>(List.of(STORESCU.toString(), "-aec", aet, "-aet", "PACS", "127.0.0.1",
                String.valueOf(port)));
        files.forEach(f -> command.add(f.toString()));
        run(command);
    }

    private String dump(int s, int i, Path pixels) {
        boolean ct = "CT".equals(modality);
        String sopClass = ct ? "1.2.840.10008.5.1.4.1.1.2" : "1.2.840.10008.5.1.4.1.1.7"; // CT Image / Secondary Capture
        StringBuilder out = new StringBuilder();
        if (patientName != null && !patientName.chars().allMatch(c -> c < 128)) {
            out.append("(0008,0005) CS [ISO_IR 192]\n");
        }
        out.append("(0008,0016) UI [").append(sopClass).append("]\n");
        out.append("(0008,0018) UI [").append(instanceUid(s, i)).append("]\n");
        out.append("(0008,0020) DA [").append(studyDate).append("]\n");
        out.append("(0008,0030) TM [").append(studyTime).append("]\n");
        if (accession != null) {
            out.append("(0008,0050) SH [").append(accession).append("]\n");
        }
        out.append("(0008,0060) CS [").append(modality).append("]\n");
        out.append("(0008,1030) LO [TEST STUDY]\n");
        out.append("(0008,103e) LO [SERIES ").append(s).append("]\n");
        out.append("(0010,0010) PN [").append(patientName).append("]\n");
        out.append("(0010,0020) LO [").append(patientId).append("]\n");
        if (issuer != null) {
            out.append("(0010,0021) LO [").append(issuer).append("]\n");
        }
        if (patientBirthDate != null) {
            out.append("(0010,0030) DA [").append(patientBirthDate).append("]\n");
        }
        if (patientSex != null) {
            out.append("(0010,0040) CS [").append(patientSex).append("]\n");
        }
        out.append("(0020,000d) UI [").append(studyUid).append("]\n");
        out.append("(0020,000e) UI [").append(seriesUid(s)).append("]\n");
        out.append("(0020,0011) IS [").append(s).append("]\n");
        out.append("(0020,0013) IS [").append(i).append("]\n");
        if (ct) {
            out.append("(0020,0032) DS [0\\0\\").append(i).append("]\n(0020,0037) DS [1\\0\\0\\0\\1\\0]\n");
            out.append("(0028,0030) DS [0.7\\0.7]\n(0018,0050) DS [1]\n");
            out.append("(0028,1052) DS [-1024]\n(0028,1053) DS [1]\n");
        }
        out.append("(0028,0002) US 1\n(0028,0004) CS [MONOCHROME2]\n");
        out.append("(0028,0010) US ").append(size).append("\n(0028,0011) US ").append(size).append('\n');
        out.append("(0028,0100) US 16\n(0028,0101) US 12\n(0028,0102) US 11\n(0028,0103) US 0\n");
        out.append("(0028,1050) DS [1024]\n(0028,1051) DS [2048]\n");
        out.append("(7fe0,0010) OW =").append(pixels).append('\n');
        return out.toString();
    }

    /** A frame whose pixels depend on its series and number: a bright square that moves with {@code i}. */
    private byte[] pixels(int s, int i) {
        ByteBuffer buffer = ByteBuffer.allocate(size * size * 2).order(ByteOrder.LITTLE_ENDIAN);
        int square = Math.max(2, size / 8);
        int at = (i * 3 + s * 5) % Math.max(1, size - square);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean inside = x >= at && x < at + square && y >= at && y < at + square;
                buffer.putShort((short) (inside ? 4000 : (x + y) * 1000 / (2 * size)));
            }
        }
        return buffer.array();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + output);
        }
    }
}
