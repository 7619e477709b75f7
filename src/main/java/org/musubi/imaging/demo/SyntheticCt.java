package org.musubi.imaging.demo;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A synthetic chest CT made up for the demo: one axial series of {@code slices} 128 × 128 images of a drawn phantom
 * (a body of water, two lungs of air that grow and shrink along the series, a spine of bone, stored as 12 bits with the
 * CT rescale −1024), written as DICOM Part 10 files in explicit VR little endian — the format a hospital's PACS sends.
 * Nothing in it comes from a real scan or a real person: the patient's name, ID, sex and birth date are the demo
 * patient's as the hospital registered them, and every UID is made from the hospital's patient ID under the UUID root
 * {@code 2.25} (the same patient always gets the same study, so sending it twice stores it once).
 *
 * @param patientId   PatientID (0010,0020): the hospital's local patient ID
 * @param issuer      IssuerOfPatientID (0010,0021): the hospital's patient-ID system (JP Core's OID and its code)
 * @param patientName PatientName (0010,0010) as a DICOM PN ({@code =漢字^名=かな^めい}, UTF-8)
 * @param sex         PatientSex: M, F or O
 * @param birthDate   PatientBirthDate yyyyMMdd, or empty
 * @param started     StudyDate and StudyTime, Japan's local time as a modality writes them
 * @param slices      how many images
 */
record SyntheticCt(String patientId, String issuer, String patientName, String sex, String birthDate,
                   LocalDateTime started, int slices) {

    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final int SIZE = 128;
    private static final String IMPLEMENTATION_CLASS = uid("musubi-demo-implementation");

    /** The study's UID. */
    String studyUid() {
        return uid("musubi-demo-study|" + issuer + "|" + patientId);
    }

    private String seriesUid() {
        return uid("musubi-demo-series|" + issuer + "|" + patientId);
    }

    private String instanceUid(int number) {
        return uid("musubi-demo-instance|" + issuer + "|" + patientId + "|" + number);
    }

    /** The instances, one DICOM Part 10 file each, in slice order. */
    List<byte[]> instances() {
        List<byte[]> files = new ArrayList<>();
        String frame = uid("musubi-demo-frame|" + issuer + "|" + patientId);
        for (int n = 1; n <= slices; n++) {
            files.add(instance(n, frame));
        }
        return files;
    }

    private byte[] instance(int number, String frameOfReference) {
        String instance = instanceUid(number);
        double z = -5.0 * (number - 1);
        Elements data = new Elements();
        data.text(0x0008, 0x0005, "CS", "ISO_IR 192");
        data.text(0x0008, 0x0008, "CS", "ORIGINAL\\PRIMARY\\AXIAL");
        data.text(0x0008, 0x0016, "UI", CT_IMAGE_STORAGE);
        data.text(0x0008, 0x0018, "UI", instance);
        data.text(0x0008, 0x0020, "DA", started.format(DateTimeFormatter.BASIC_ISO_DATE));
        data.text(0x0008, 0x0030, "TM", started.format(DateTimeFormatter.ofPattern("HHmmss")));
        data.text(0x0008, 0x0050, "SH", "DEMO" + patientId.substring(Math.max(0, patientId.length() - 8)));
        data.text(0x0008, 0x0060, "CS", "CT");
        data.text(0x0008, 0x0070, "LO", "Musubi demo (synthetic)");
        data.text(0x0008, 0x0090, "PN", "");
        data.text(0x0008, 0x1030, "LO", "胸部CT（デモ用の合成画像）");
        data.text(0x0008, 0x103E, "LO", "胸部 軸位 5mm（合成）");
        data.text(0x0010, 0x0010, "PN", patientName);
        data.text(0x0010, 0x0020, "LO", patientId);
        data.text(0x0010, 0x0021, "LO", issuer);
        data.text(0x0010, 0x0030, "DA", birthDate);
        data.text(0x0010, 0x0040, "CS", sex);
        data.text(0x0018, 0x0050, "DS", "5");
        data.text(0x0020, 0x000D, "UI", studyUid());
        data.text(0x0020, 0x000E, "UI", seriesUid());
        data.text(0x0020, 0x0010, "SH", "1");
        data.text(0x0020, 0x0011, "IS", "1");
        data.text(0x0020, 0x0013, "IS", Integer.toString(number));
        data.text(0x0020, 0x0032, "DS", "-160\\-160\\" + decimal(z));
        data.text(0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0");
        data.text(0x0020, 0x0052, "UI", frameOfReference);
        data.text(0x0020, 0x1041, "DS", decimal(z));
        data.unsigned(0x0028, 0x0002, 1);
        data.text(0x0028, 0x0004, "CS", "MONOCHROME2");
        data.unsigned(0x0028, 0x0010, SIZE);
        data.unsigned(0x0028, 0x0011, SIZE);
        data.text(0x0028, 0x0030, "DS", "2.5\\2.5");
        data.unsigned(0x0028, 0x0100, 16);
        data.unsigned(0x0028, 0x0101, 12);
        data.unsigned(0x0028, 0x0102, 11);
        data.unsigned(0x0028, 0x0103, 0);
        data.text(0x0028, 0x1050, "DS", "-600");
        data.text(0x0028, 0x1051, "DS", "1500");
        data.text(0x0028, 0x1052, "DS", "-1024");
        data.text(0x0028, 0x1053, "DS", "1");
        data.binary(0x7FE0, 0x0010, "OW", pixels(number));

        Elements meta = new Elements();
        meta.binary(0x0002, 0x0001, "OB", new byte[] {0, 1});
        meta.text(0x0002, 0x0002, "UI", CT_IMAGE_STORAGE);
        meta.text(0x0002, 0x0003, "UI", instance);
        meta.text(0x0002, 0x0010, "UI", EXPLICIT_LITTLE_ENDIAN);
        meta.text(0x0002, 0x0012, "UI", IMPLEMENTATION_CLASS);
        meta.text(0x0002, 0x0013, "SH", "MUSUBI_DEMO");
        byte[] metaBytes = meta.bytes();
        Elements length = new Elements();
        length.unsignedLong(0x0002, 0x0000, metaBytes.length);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(length.bytes());
        file.writeBytes(metaBytes);
        file.writeBytes(data.bytes());
        return file.toByteArray();
    }

    /**
     * Slice {@code number}'s pixels, stored values (HU + 1024): air outside, an elliptic body of soft tissue, two lungs
     * whose size follows the slice (largest in the middle of the series), a round spine behind them.
     */
    private byte[] pixels(int number) {
        double middle = (slices + 1) / 2.0;
        double lungScale = 0.6 + 0.4 * (1 - Math.abs(number - middle) / Math.max(1.0, middle));
        ByteBuffer buffer = ByteBuffer.allocate(SIZE * SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int hu = -1000;
                if (inside(x, y, 64, 66, 56, 42)) {
                    hu = 40;
                    if (inside(x, y, 42, 60, 16 * lungScale, 26 * lungScale)
                            || inside(x, y, 86, 60, 16 * lungScale, 26 * lungScale)) {
                        hu = -820;
                    } else if (inside(x, y, 64, 92, 9, 9)) {
                        hu = 700;
                    } else if (inside(x, y, 60, 70, 9, 8)) {
                        hu = 60;
                    }
                }
                buffer.putShort((short) (hu + 1024));
            }
        }
        return buffer.array();
    }

    private static boolean inside(int x, int y, double cx, double cy, double rx, double ry) {
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        return dx * dx + dy * dy <= 1;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A UID under {@code 2.25} from a name-based UUID of {@code name}. */
    static String uid(String name) {
        UUID u = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return "2.25." + new BigInteger(1, ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array());
    }

    /** Data elements in explicit VR little endian, written in the order given (the caller gives ascending tags). */
    private static final class Elements {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void text(int group, int element, String vr, String value) {
            byte[] bytes = value.getBytes("UI".equals(vr) || "DA".equals(vr) || "TM".equals(vr) || "CS".equals(vr)
                    || "DS".equals(vr) || "IS".equals(vr) ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
            if (bytes.length % 2 == 1) {
                byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 1);
                padded[bytes.length] = "UI".equals(vr) ? 0 : (byte) ' ';
                bytes = padded;
            }
            header(group, element, vr, bytes.length);
            out.writeBytes(bytes);
        }

        void unsigned(int group, int element, int value) {
            header(group, element, "US", 2);
            out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
        }

        void unsignedLong(int group, int element, int value) {
            header(group, element, "UL", 4);
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        }

        void binary(int group, int element, String vr, byte[] value) {
            header(group, element, vr, value.length);
            out.writeBytes(value);
        }

        private void header(int group, int element, String vr, int length) {
            boolean longForm = "OB".equals(vr) || "OW".equals(vr);
            ByteBuffer header = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
            header.putShort((short) group).putShort((short) element);
            header.put(vr.getBytes(StandardCharsets.US_ASCII));
            if (longForm) {
                header.putShort((short) 0).putInt(length);
            } else {
                header.putShort((short) length);
            }
            out.writeBytes(header.array());
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
