package org.musubi.photos;

/**
 * The EXIF orientation (tag 0x0112 of IFD0, 1–8) a photo's file carries: a JPEG's APP1 {@code Exif} segment or a PNG's
 * {@code eXIf} chunk. Read by walking the file's own structure with every offset checked: anything unexpected, missing
 * or out of range is orientation 1 (as stored), never an error.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;

    private ExifOrientation() {
    }

    /** The orientation of a JPEG file's EXIF, 1 when it has none. */
    static int ofJpeg(byte[] file) {
        int at = 2;
        while (at + 4 <= file.length) {
            if ((file[at] & 0xFF) != 0xFF) {
                return NORMAL;
            }
            int marker = file[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return NORMAL;
            }
            int length = u16(file, at + 2, false);
            if (length < 2 || at + 2 + length > file.length) {
                return NORMAL;
            }
            int data = at + 4;
            if (marker == 0xE1 && length >= 8 && startsWith(file, data, "Exif\0\0")) {
                return ofTiff(file, data + 6, at + 2 + length);
            }
            at += 2 + length;
        }
        return NORMAL;
    }

    /** The orientation of a PNG file's {@code eXIf} chunk, 1 when it has none before the image data. */
    static int ofPng(byte[] file) {
        int at = 8;
        while (at + 12 <= file.length) {
            long length = u32(file, at, false);
            if (length > file.length - at - 12L) {
                return NORMAL;
            }
            int data = at + 8;
            if (startsWith(file, at + 4, "eXIf")) {
                return ofTiff(file, data, data + (int) length);
            }
            if (startsWith(file, at + 4, "IDAT") || startsWith(file, at + 4, "IEND")) {
                return NORMAL;
            }
            at = data + (int) length + 4;
        }
        return NORMAL;
    }

    /** The orientation in the TIFF structure at {@code [start, end)} of {@code file}. */
    private static int ofTiff(byte[] file, int start, int end) {
        if (end - start < 8 || end > file.length) {
            return NORMAL;
        }
        boolean little;
        if (file[start] == 'I' && file[start + 1] == 'I') {
            little = true;
        } else if (file[start] == 'M' && file[start + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        if (u16(file, start + 2, little) != 42) {
            return NORMAL;
        }
        long ifd = u32(file, start + 4, little);
        if (ifd < 8 || ifd > end - start - 2L) {
            return NORMAL;
        }
        int at = start + (int) ifd;
        int entries = u16(file, at, little);
        for (int i = 0; i < entries; i++) {
            int entry = at + 2 + 12 * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(file, entry, little) == ORIENTATION_TAG) {
                int value = u16(file, entry + 8, little);
                return u16(file, entry + 2, little) == SHORT && value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static boolean startsWith(byte[] file, int at, String ascii) {
        if (at + ascii.length() > file.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (file[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? second << 8 | first : first << 8 | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | (b[little ? at + 3 - i : at + i] & 0xFF);
        }
        return value;
    }
}
