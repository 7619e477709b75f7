package org.musubi.imaging.stow;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.musubi.imaging.index.StudyDemographics;

/**
 * The few attributes of a DICOM Part 10 file Musubi checks before it stores an instance sent through STOW-RS: SOP class
 * and instance, PatientID, IssuerOfPatientID, StudyInstanceUID, and what the instance says of its patient (name, sex,
 * birth date: {@link StudyDemographics}). The name is read in the character set the instance declares (0008,0005):
 * none (ASCII), ISO_IR 192 (UTF-8) or ISO 2022 IR 87 (JIS X 0208 with its escapes); in any other it is not read, so
 * it is not compared. A reader of the file meta information and of the
 * data set's top-level elements up to the study's UID, in explicit or implicit VR little endian (every transfer syntax
 * but the deflated and the retired big-endian one keeps its data set so); sequences of undefined length are walked
 * over. Anything it cannot read is no instance ({@link #read} is empty): the instance is refused.
 */
public record DicomHeader(String sopClassUid, String sopInstanceUid, String patientId, String issuer, String studyUid,
                          StudyDemographics said) {

    private static final String IMPLICIT_LITTLE = "1.2.840.10008.1.2";
    private static final String EXPLICIT_BIG = "1.2.840.10008.1.2.2";
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    private static final int STUDY_UID = 0x0020000D;
    private static final int MOST_DEPTH = 16;

    /** The header of {@code file}, or empty when it is not a DICOM file Musubi can read. */
    public static Optional<DicomHeader> read(byte[] file) {
        try {
            return Optional.ofNullable(new Parse(file).header());
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static final class Parse {
        private final byte[] b;
        private boolean explicit = true;
        private String sopClass;
        private String sopInstance;
        private String patientId;
        private String issuer;
        private String study;
        private String characterSet;
        private int nameAt = -1;
        private int nameLength;
        private String sex;
        private String birthDate;

        Parse(byte[] b) {
            this.b = b;
        }

        DicomHeader header() {
            if (b.length < 132 || b[128] != 'D' || b[129] != 'I' || b[130] != 'C' || b[131] != 'M') {
                return null;
            }
            int pos = 132;
            String syntax = null;
            while (pos + 8 <= b.length && u16(pos) == 0x0002) {
                int tag = tag(pos);
                boolean long4 = LONG_VRS.contains(new String(b, pos + 4, 2, StandardCharsets.US_ASCII));
                int header = long4 ? 12 : 8;
                long length = long4 ? u32(pos + 8) : u16(pos + 6);
                String value = long4 ? null : text(pos + header, (int) length);
                if (tag == 0x00020002) {
                    sopClass = value;
                } else if (tag == 0x00020003) {
                    sopInstance = value;
                } else if (tag == 0x00020010) {
                    syntax = value;
                }
                pos = checked(pos + header + length);
            }
            if (syntax == null || syntax.equals(EXPLICIT_BIG) || syntax.equals(DEFLATED)) {
                return null;
            }
            explicit = !syntax.equals(IMPLICIT_LITTLE);
            elements(pos, b.length, true, 0);
            if (study == null || sopInstance == null) {
                return null;
            }
            return new DicomHeader(sopClass, sopInstance, patientId, issuer, study,
                    new StudyDemographics(name(), sex, birthDate));
        }

        /** Reads elements from {@code pos} to {@code end} (or an item's delimiter); returns where it stopped. */
        private int elements(int pos, int end, boolean top, int depth) {
            if (depth > MOST_DEPTH) {
                throw new IllegalStateException("nested too deeply");
            }
            while (pos + 8 <= end) {
                int tag = tag(pos);
                if (tag == 0xFFFEE00D) {
                    return pos + 8;
                }
                if (top && Integer.compareUnsigned(tag, STUDY_UID) > 0) {
                    return pos;
                }
                int header;
                long length;
                String vr = explicit ? new String(b, pos + 4, 2, StandardCharsets.US_ASCII) : null;
                if (explicit && LONG_VRS.contains(vr)) {
                    header = 12;
                    length = u32(pos + 8);
                } else if (explicit) {
                    header = 8;
                    length = u16(pos + 6);
                } else {
                    header = 8;
                    length = u32(pos + 4);
                }
                int value = pos + header;
                if (length == 0xFFFFFFFFL) {
                    pos = undefined(value, depth + 1);
                    continue;
                }
                if (top && tag == 0x00100010) {
                    checked((long) value + length);
                    nameAt = value;
                    nameLength = (int) length;
                } else if (top) {
                    keep(tag, text(value, (int) length));
                }
                pos = checked(value + length);
            }
            return pos;
        }

        /** Walks a sequence of undefined length from its first item; returns the position after its delimiter. */
        private int undefined(int pos, int depth) {
            while (pos + 8 <= b.length) {
                int tag = tag(pos);
                long length = u32(pos + 4);
                if (tag == 0xFFFEE0DD) {
                    return pos + 8;
                }
                if (tag != 0xFFFEE000) {
                    throw new IllegalStateException("not an item");
                }
                pos = length == 0xFFFFFFFFL ? elements(pos + 8, b.length, false, depth) : checked(pos + 8 + length);
            }
            throw new IllegalStateException("unterminated sequence");
        }

        private void keep(int tag, String value) {
            switch (tag) {
                case 0x00080016 -> sopClass = value;
                case 0x00080018 -> sopInstance = value;
                case 0x00100020 -> patientId = value;
                case 0x00100021 -> issuer = value;
                case 0x00080005 -> characterSet = value;
                case 0x00100040 -> sex = value;
                case 0x00100030 -> birthDate = value;
                case STUDY_UID -> study = value;
                default -> { }
            }
        }

        /** PatientName in the instance's character set, or null when absent or in a set this reader does not decode. */
        private String name() {
            if (nameAt < 0 || nameLength == 0 || nameLength > 1024) {
                return null;
            }
            String set = characterSet == null ? "" : characterSet.replace("\\", " ").strip();
            java.nio.charset.Charset charset;
            if (set.isEmpty() || set.equals("ISO_IR 6")) {
                for (int i = nameAt; i < nameAt + nameLength; i++) {
                    if (b[i] < 0) {
                        return null;
                    }
                }
                charset = StandardCharsets.US_ASCII;
            } else if (set.equals("ISO_IR 192")) {
                charset = StandardCharsets.UTF_8;
            } else if (set.equals("ISO 2022 IR 87") || set.equals("ISO 2022 IR 6 ISO 2022 IR 87")) {
                charset = java.nio.charset.Charset.forName("ISO-2022-JP");
            } else {
                return null;
            }
            String value = new String(b, nameAt, nameLength, charset).replace("\u0000", "").strip();
            return value.isEmpty() ? null : value;
        }

        private int checked(long next) {
            if (next > b.length || next < 0) {
                throw new IllegalStateException("past the end");
            }
            return (int) next;
        }

        private int tag(int pos) {
            return u16(pos) << 16 | u16(pos + 2);
        }

        private int u16(int pos) {
            return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
        }

        private long u32(int pos) {
            return (u16(pos) | (long) u16(pos + 2) << 16) & 0xFFFFFFFFL;
        }

        private String text(int pos, int length) {
            if (length > 1024) {
                return null;
            }
            checked((long) pos + length);
            String value = new String(b, pos, length, StandardCharsets.UTF_8);
            int end = value.length();
            while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == 0)) {
                end--;
            }
            String stripped = value.substring(0, end).strip();
            return stripped.isEmpty() ? null : stripped;
        }
    }

    private static final java.util.Set<String> LONG_VRS = java.util.Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ",
            "UC", "UR", "UT", "UN", "SV", "UV");
}
