package org.musubi.photos;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Pictures for tests of uploaded photos: a plain JPEG or PNG drawn here (left half red, right half blue), a JPEG with an
 * EXIF block carrying an orientation and a GPS position (the block a phone camera writes, built byte by byte from the
 * EXIF/TIFF layout), and a PNG whose header claims a huge size.
 */
public final class TestPictures {

    /** The GPS latitude written into the EXIF block: 34° 23' 45.67" N (a made-up place). */
    public static final byte[] GPS_MARK = "GPS-N-34-23".getBytes(StandardCharsets.US_ASCII);

    private TestPictures() {
    }

    /** A {@code width}×{@code height} picture, its left half red and its right half blue. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, x < width / 2 ? Color.RED.getRGB() : Color.BLUE.getRGB());
            }
        }
        return image;
    }

    /** Where {@code needle} first stands in {@code haystack}, or -1 (to look for the GPS block in a kept picture). */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(halves(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(halves(width, height), "png");
    }

    /**
     * A JPEG whose APP1 segment (right after SOI) holds EXIF: IFD0 with the orientation and a pointer to a GPS IFD
     * (latitude and longitude with their references), and an ASCII tag (ImageDescription) holding {@link #GPS_MARK}
     * so that a test can search the bytes for it.
     */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] tiff = tiff(orientation);
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        ByteBuffer out = ByteBuffer.allocate(plain.length + app1.capacity());
        out.put(plain, 0, 2).put(app1.array()).put(plain, 2, plain.length - 2);
        return out.array();
    }

    /** A PNG of 1×1 pixel whose header says {@code width}×{@code height} (its CRC made right). */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = png(2, 2);
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    /** Big-endian TIFF: IFD0 (orientation, description, GPS pointer) then the GPS IFD and its rationals. */
    private static byte[] tiff(int orientation) {
        ByteBuffer t = ByteBuffer.allocate(200);
        t.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        int ifd0Entries = 3;
        int ifd0End = 8 + 2 + 12 * ifd0Entries + 4;
        int description = ifd0End;
        int gps = description + 12;
        int gpsEntries = 4;
        int rationals = gps + 2 + 12 * gpsEntries + 4;
        t.putShort((short) ifd0Entries);
        entry(t, 0x010E, 2, 12, description);
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(t, 0x8825, 4, 1, gps);
        t.putInt(0);
        t.put(GPS_MARK).put((byte) 0);
        t.putShort((short) gpsEntries);
        t.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(t, 2, 5, 3, rationals);
        t.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        entry(t, 4, 5, 3, rationals + 24);
        t.putInt(0);
        t.putInt(34).putInt(1).putInt(23).putInt(1).putInt(4567).putInt(100);
        t.putInt(132).putInt(1).putInt(27).putInt(1).putInt(1234).putInt(100);
        byte[] bytes = new byte[t.position()];
        t.flip().get(bytes);
        return bytes;
    }

    private static void entry(ByteBuffer t, int tag, int type, int count, int value) {
        t.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
