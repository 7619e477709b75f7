package org.musubi.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes an uploaded photo safe to keep: only JPEG and PNG (told by the file's first bytes, not its name or the type
 * the browser declared), at most {@code maxBytes} in and {@link #MAX_PIXELS} pixels (a small file can unpack into a
 * huge picture), turned upright by its EXIF orientation, at most {@link #MAX_SIDE} pixels on its longer side, and
 * encoded again in its own format through {@code javax.imageio}, so that only the pixels remain: no EXIF (location,
 * camera, time), XMP, comments or colour profile. Anything else is refused with a message key saying why
 * ({@link Refused}). Reusable wherever pictures are uploaded (residents' checkup results and emergency sheet, care teams' wound
 * photos).
 */
public final class PhotoSanitizer {

    /** The upload limit when none is configured: 10 MB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** The most pixels a picture may have (40 megapixels: any phone camera's photo). */
    public static final long MAX_PIXELS = 40_000_000L;
    /** The longer side of a kept picture, in pixels: larger pictures are scaled down (a page of A4 stays legible). */
    public static final int MAX_SIDE = 4096;
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    private static final float JPEG_QUALITY = 0.9f;

    /** The picture as kept: its new bytes, their media type, and its size in pixels (upright). */
    public record Sanitized(byte[] bytes, String mediaType, int width, int height) {
    }

    /**
     * A picture refused: {@code messageKey} (a message-bundle key, {@code phr.photo.*}) and its arguments say why, for the
     * form to show beside its photo field.
     */
    public static final class Refused extends RuntimeException {

        private final String messageKey;
        private final transient List<Object> args;

        Refused(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = List.of(args);
        }

        public String messageKey() {
            return messageKey;
        }

        public List<Object> args() {
            return args;
        }
    }

    /**
     * The picture in {@code bytes} (named {@code fileName} by the uploader, for messages only), made safe; refused when it
     * is empty, larger than {@code maxBytes}, neither JPEG nor PNG, unreadable, or larger than {@link #MAX_PIXELS}.
     */
    public Sanitized sanitize(String fileName, byte[] bytes, long maxBytes) {
        String name = fileName == null || fileName.isBlank() ? "" : fileName.strip();
        if (bytes == null || bytes.length == 0) {
            throw new Refused("phr.photo.empty");
        }
        if (bytes.length > maxBytes) {
            throw new Refused("phr.photo.tooLarge", Math.max(1, maxBytes / (1024 * 1024)));
        }
        String type = mediaType(bytes);
        if (type == null) {
            throw new Refused("phr.photo.notJpegOrPng", name);
        }
        BufferedImage read = read(bytes, type, name);
        int orientation = type.equals(JPEG) ? ExifOrientation.ofJpeg(bytes) : ExifOrientation.ofPng(bytes);
        BufferedImage upright = scaled(oriented(read, orientation, !type.equals(JPEG)));
        byte[] written = type.equals(JPEG) ? jpeg(upright) : png(upright);
        return new Sanitized(written, type, upright.getWidth(), upright.getHeight());
    }

    /** JPEG or PNG by the file's signature; null for anything else. */
    static String mediaType(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (bytes.length >= png.length) {
            for (int i = 0; i < png.length; i++) {
                if (bytes[i] != png[i]) {
                    return null;
                }
            }
            return PNG;
        }
        return null;
    }

    /** The picture, its size checked before its pixels are decoded; ImageIO's metadata is never read. */
    private static BufferedImage read(byte[] bytes, String type, String name) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new Refused("phr.photo.unreadable", name);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                throw new Refused("phr.photo.tooManyPixels", MAX_PIXELS / 1_000_000);
            }
            BufferedImage image = reader.read(0);
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                throw new Refused("phr.photo.unreadable", name);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            // a malformed or unsupported file (CMYK JPEG, truncated data …): ImageIO's own words say nothing to residents
            throw new Refused("phr.photo.unreadable", name);
        } finally {
            reader.dispose();
        }
    }

    /** The picture as it should be seen, drawn anew (EXIF orientation 1–8: mirrored and/or turned). */
    static BufferedImage oriented(BufferedImage image, int orientation, boolean keepAlpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        boolean swapped = orientation >= 5 && orientation <= 8;
        BufferedImage out = blank(swapped ? h : w, swapped ? w : h, keepAlpha && image.getColorModel().hasAlpha());
        Graphics2D g = out.createGraphics();
        try {
            if (out.getType() == BufferedImage.TYPE_INT_RGB) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, out.getWidth(), out.getHeight());
            }
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The picture at most {@link #MAX_SIDE} pixels on its longer side. */
    private static BufferedImage scaled(BufferedImage image) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= MAX_SIDE) {
            return image;
        }
        double factor = (double) MAX_SIDE / longer;
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = blank(w, h, image.getType() == BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage blank(int w, int h, boolean alpha) {
        return new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /** Baseline JPEG with only the writer's own JFIF header: no metadata is handed to it. */
    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(JPEG).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a picture in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(PNG).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a picture in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
