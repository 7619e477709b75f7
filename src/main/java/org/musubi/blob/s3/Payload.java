package org.musubi.blob.s3;

import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A request body with its length known before it is sent (S3 wants {@code Content-Length}) and its
 * SHA-256, which the signature covers, so that S3 refuses a body changed on the way. File content is
 * read from the disk while it is sent; only small XML bodies are ever in memory.
 */
record Payload(BodyPublisher publisher, long length, String sha256) {

    static final Payload EMPTY = new Payload(BodyPublishers.noBody(), 0, SignatureV4.EMPTY_SHA256);

    static Payload text(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new Payload(BodyPublishers.ofByteArray(bytes), bytes.length, SignatureV4.sha256Hex(xml));
    }

    /** A whole file whose hash is already known (the spooled upload). */
    static Payload file(Path file, long length, String sha256) throws IOException {
        return new Payload(BodyPublishers.ofFile(file), length, sha256);
    }

    /** A stretch of a file (one part of a multipart upload); read once here for its hash, once more as it is sent. */
    static Payload slice(Path file, long offset, long length) throws IOException {
        MessageDigest digest = SignatureV4.newSha256();
        try (InputStream in = new DigestInputStream(open(file, offset, length), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        BodyPublisher publisher = BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
            try {
                return open(file, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), length);
        return new Payload(publisher, length, HexFormat.of().formatHex(digest.digest()));
    }

    private static InputStream open(Path file, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file).position(offset);
        return new Limited(Channels.newInputStream(channel), length);
    }

    /** At most so many bytes of a stream: one part of the file and no more. */
    private static final class Limited extends FilterInputStream {

        private long left;

        Limited(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }
    }
}
