package org.musubi.ingest.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded zip, kept whole on disk, checked before anything of it is unpacked: it must be a zip
 * (not some other body), complete (its central directory present and readable), hold no more entries
 * than allowed (every entry counts, empty files and folders too, so a flood of empty entries is
 * refused like any other), declare no more bytes than the upload may unpack to, and keep every entry
 * inside the folder. While unpacking, the bytes actually written, each entry's size and CRC are
 * checked again: a zip bomb or a damaged entry is refused as soon as it shows.
 */
final class UploadedZip {

    /** What one zip put in the folder. */
    record Unpacked(int entries, long bytes) {
    }

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_SIZE = 22;

    private UploadedZip() {
    }

    static Unpacked unpack(Path archive, Path folder, long maxBytes, int maxEntries) throws IOException {
        checkEnd(archive, maxEntries);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            if (entries.size() > maxEntries) {
                throw tooManyEntries(maxEntries);
            }
            List<Path> targets = new ArrayList<>(entries.size());
            long declared = 0;
            for (ZipEntry entry : entries) {
                targets.add(inside(folder, entry.getName()));
                declared += Math.max(0, entry.getSize());
            }
            if (declared > maxBytes) {
                throw tooLargeUnpacked(maxBytes);
            }
            long bytes = 0;
            for (int i = 0; i < entries.size(); i++) {
                bytes += write(zip, entries.get(i), targets.get(i), maxBytes - bytes);
            }
            return new Unpacked(entries.size(), bytes);
        } catch (ZipException | EOFException e) {
            throw damaged();
        } catch (FileAlreadyExistsException e) {
            throw clash();
        }
    }

    private static long write(ZipFile zip, ZipEntry entry, Path target, long budget) throws IOException {
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return 0;
        }
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(target)) {
            throw clash();
        }
        CRC32 crc = new CRC32();
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > budget) {
                    throw tooLargeUnpacked(budget);
                }
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if ((entry.getSize() >= 0 && entry.getSize() != written) || (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue())) {
            throw damaged();
        }
        return written;
    }

    /**
     * Reads the end of the archive before the JDK does: a body that does not start as a zip is not one;
     * a zip without its end record is truncated; one that announces more entries than allowed (or a
     * central directory larger than they could need) is refused before its directory is read into memory.
     */
    private static void checkEnd(Path archive, int maxEntries) throws IOException {
        try (FileChannel channel = FileChannel.open(archive)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(head, 0);
            int magic = size >= 4 ? head.getInt(0) : 0;
            if (magic != 0x04034b50 && magic != END_SIGNATURE) {
                throw new UploadSpool.BadArchive("not-a-zip", "zip 形式ではありません", "it is not a zip archive");
            }
            int tail = (int) Math.min(size, END_SIZE + 0xFFFF);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(end, size - tail);
            for (int at = tail - END_SIZE; at >= 0; at--) {
                if (end.getInt(at) == END_SIGNATURE) {
                    int total = Short.toUnsignedInt(end.getShort(at + 10));
                    long directory = Integer.toUnsignedLong(end.getInt(at + 12));
                    if ((total != 0xFFFF && total > maxEntries) || directory > Math.max(1 << 20, 1024L * maxEntries)) {
                        throw tooManyEntries(maxEntries);
                    }
                    return;
                }
            }
            throw damaged();
        }
    }

    private static Path inside(Path folder, String name) throws UploadSpool.BadArchive {
        try {
            Path target = folder.resolve(name).normalize();
            if (target.startsWith(folder) && !target.equals(folder)) {
                return target;
            }
        } catch (InvalidPathException e) {
            // refused below, like any other entry that does not name a place inside the folder
        }
        throw new UploadSpool.BadArchive("zip-path", "zip の項目がフォルダの外を指しています",
                "an entry of the zip points outside its folder");
    }

    private static UploadSpool.BadArchive clash() {
        return new UploadSpool.BadArchive("zip-path", "zip の項目どうしのパスが衝突しています",
                "entries of the zip have clashing paths");
    }

    private static UploadSpool.BadArchive damaged() {
        return new UploadSpool.BadArchive("damaged-zip", "zip が壊れているか、途中で切れています",
                "the zip archive is damaged or truncated");
    }

    private static UploadSpool.BadArchive tooManyEntries(int maxEntries) {
        return new UploadSpool.BadArchive("too-many-entries", "zip の項目が多すぎます（上限 " + maxEntries + "）",
                "the zip has more entries than the limit of " + maxEntries);
    }

    private static UploadSpool.BadArchive tooLargeUnpacked(long maxBytes) {
        return new UploadSpool.BadArchive("zip-too-large", "展開後の大きさが上限を超えます（上限 " + maxBytes + " バイト）",
                "unpacked, it would exceed the limit of " + maxBytes + " bytes");
    }
}
