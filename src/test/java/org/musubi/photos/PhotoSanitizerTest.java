package org.musubi.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoSanitizerTest {

    private final PhotoSanitizer sanitizer = new PhotoSanitizer();

    @Test
    void removesTheExifBlockWithItsGpsPositionAndTurnsThePhotoUpright() throws IOException {
        byte[] taken = TestPictures.jpegWithExif(40, 20, 6);
        assertThat(TestPictures.indexOf(taken, TestPictures.GPS_MARK)).as("the test photo carries its GPS block").isPositive();
        assertThat(ExifOrientation.ofJpeg(taken)).isEqualTo(6);

        PhotoSanitizer.Sanitized kept = sanitizer.sanitize("IMG_0001.JPG", taken, PhotoSanitizer.DEFAULT_MAX_BYTES);

        assertThat(kept.mediaType()).isEqualTo("image/jpeg");
        assertThat(TestPictures.indexOf(kept.bytes(), TestPictures.GPS_MARK)).as("no GPS position").isNegative();
        assertThat(TestPictures.indexOf(kept.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII))).as("no EXIF block").isNegative();
        assertThat(segments(kept.bytes())).as("no APP1 (EXIF/XMP) segment").doesNotContain(0xE1);
        assertThat(ExifOrientation.ofJpeg(kept.bytes())).isEqualTo(1);
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(kept.bytes()));
        assertThat(new int[] {kept.width(), kept.height(), upright.getWidth(), upright.getHeight()})
                .as("orientation 6: turned a quarter clockwise").containsExactly(20, 40, 20, 40);
        assertThat(reddish(upright.getRGB(10, 5))).as("the left (red) half is now on top").isTrue();
        assertThat(reddish(upright.getRGB(10, 35))).isFalse();
    }

    @Test
    void eachOrientationEndsWithTheRedHalfWhereTheCameraSawIt() {
        BufferedImage image = TestPictures.halves(4, 2);
        // where the top-left stored pixel (red) shows after turning, and the picture's size
        int[][] expected = {{0, 0, 4, 2}, {3, 0, 4, 2}, {3, 1, 4, 2}, {0, 1, 4, 2}, {0, 0, 2, 4}, {1, 0, 2, 4},
                {1, 3, 2, 4}, {0, 3, 2, 4}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage out = PhotoSanitizer.oriented(image, orientation, false);
            int[] e = expected[orientation - 1];
            assertThat(new int[] {out.getWidth(), out.getHeight()}).as("size, orientation " + orientation)
                    .containsExactly(e[2], e[3]);
            assertThat(out.getRGB(e[0], e[1])).as("red corner, orientation " + orientation).isEqualTo(Color.RED.getRGB());
        }
    }

    @Test
    void keepsAPngAsPngWithoutItsTextChunks() throws IOException {
        byte[] png = TestPictures.png(30, 10);

        PhotoSanitizer.Sanitized kept = sanitizer.sanitize("scan.png", png, PhotoSanitizer.DEFAULT_MAX_BYTES);

        assertThat(kept.mediaType()).isEqualTo("image/png");
        assertThat(new int[] {kept.width(), kept.height()}).containsExactly(30, 10);
        assertThat(ImageIO.read(new ByteArrayInputStream(kept.bytes())).getRGB(25, 5)).isEqualTo(Color.BLUE.getRGB());
    }

    @Test
    void scalesAVeryLargePictureDownToTheLongestSideKept() {
        byte[] big = TestPictures.png(PhotoSanitizer.MAX_SIDE * 2, 100);

        PhotoSanitizer.Sanitized kept = sanitizer.sanitize("big.png", big, 50L * 1024 * 1024);

        assertThat(new int[] {kept.width(), kept.height()}).containsExactly(PhotoSanitizer.MAX_SIDE, 50);
    }

    @Test
    void refusesWhatIsNoJpegOrPngSaysWhyAndNamesTheFile() throws IOException {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(TestPictures.halves(4, 4), "gif", gif);

        assertThatThrownBy(() -> sanitizer.sanitize("anim.gif", gif.toByteArray(), PhotoSanitizer.DEFAULT_MAX_BYTES))
                .isInstanceOfSatisfying(PhotoSanitizer.Refused.class, r -> {
                    assertThat(r.messageKey()).isEqualTo("phr.photo.notJpegOrPng");
                    assertThat(r.args()).containsExactly("anim.gif");
                });
        assertThatThrownBy(() -> sanitizer.sanitize("page.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 1000))
                .hasMessage("phr.photo.notJpegOrPng");
        assertThatThrownBy(() -> sanitizer.sanitize("empty.jpg", new byte[0], 1000)).hasMessage("phr.photo.empty");
    }

    @Test
    void refusesATooLargeFileATruncatedOneAndOneThatUnpacksIntoTooManyPixels() {
        byte[] jpeg = TestPictures.jpeg(64, 64);
        assertThatThrownBy(() -> sanitizer.sanitize("a.jpg", jpeg, jpeg.length - 1L))
                .isInstanceOfSatisfying(PhotoSanitizer.Refused.class,
                        r -> assertThat(r.messageKey()).isEqualTo("phr.photo.tooLarge"));
        byte[] truncated = Arrays.copyOf(jpeg, 20);
        assertThatThrownBy(() -> sanitizer.sanitize("cut.jpg", truncated, 1000)).hasMessage("phr.photo.unreadable");
        byte[] bomb = TestPictures.pngClaiming(20_000, 20_000);
        assertThatThrownBy(() -> sanitizer.sanitize("bomb.png", bomb, 1000)).hasMessage("phr.photo.tooManyPixels");
    }

    @Test
    void readsNoOrientationFromBrokenExif() {
        byte[] exif = TestPictures.jpegWithExif(8, 8, 6);
        byte[] broken = exif.clone();
        broken[10] = 'X';
        assertThat(ExifOrientation.ofJpeg(broken)).isEqualTo(1);
        assertThat(ExifOrientation.ofJpeg(Arrays.copyOf(exif, 30))).isEqualTo(1);
        assertThat(ExifOrientation.ofPng(TestPictures.png(2, 2))).isEqualTo(1);
    }

    private static boolean reddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getBlue() < 60;
    }

    /** The markers of a JPEG's segments before the image data. */
    private static List<Integer> segments(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }
}
