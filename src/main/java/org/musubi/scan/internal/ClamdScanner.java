package org.musubi.scan.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.musubi.scan.Scanner;
import org.musubi.scan.Verdict;

/**
 * ClamAV's daemon (Debian's {@code clamav-daemon}) over TCP, by its INSTREAM command: {@code zINSTREAM\0}, then the
 * content in chunks, each a 4-byte big-endian length and that many bytes, ended by a chunk of length zero; clamd replies
 * one line ended by {@code \0}: {@code stream: OK}, {@code stream: <signature> FOUND}, or an error such as
 * {@code INSTREAM size limit exceeded. ERROR} (its {@code StreamMaxLength}, 100 MB by default, at most 4 GB). One
 * connection a scan; only a chunk's worth of the file is in memory at a time.
 */
public final class ClamdScanner implements Scanner {

    static final int CHUNK_BYTES = 64 * 1024;
    private static final byte[] COMMAND = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_REPLY_BYTES = 1024;

    private final String host;
    private final int port;
    private final long maxBytes;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param host           clamd's host name or address
     * @param port           clamd's {@code TCPSocket}
     * @param maxBytes       the largest file sent to clamd; keep it at most clamd's {@code StreamMaxLength}
     * @param connectTimeout how long to wait for the connection
     * @param readTimeout    how long to wait for clamd's verdict once the file is sent (a large archive takes a while)
     */
    public ClamdScanner(String host, int port, long maxBytes, Duration connectTimeout, Duration readTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535 || maxBytes < 1) {
            throw new IllegalArgumentException("clamd port must be 1-65535 and the size limit positive: " + port + ", " + maxBytes);
        }
        this.port = port;
        this.maxBytes = maxBytes;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    @Override
    public Verdict scan(InputStream content, long size) {
        if (size > maxBytes) {
            return Verdict.TOO_LARGE;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis(connectTimeout));
            socket.setSoTimeout(millis(readTimeout));
            return exchange(content, socket);
        } catch (SocketTimeoutException e) {
            return new Verdict.Failed(where() + " did not answer in time: " + e.getMessage());
        } catch (IOException e) {
            return new Verdict.Failed(where() + ": " + e);
        } catch (UncheckedIOException e) {
            return new Verdict.Failed("the file could not be read for scanning: " + e.getCause());
        }
    }

    private Verdict exchange(InputStream content, Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        try {
            out.write(COMMAND);
            if (!send(content, out)) {
                return Verdict.TOO_LARGE;
            }
        } catch (IOException e) {
            // clamd answers and closes the connection when a stream passes its StreamMaxLength: read why
            return replyAfter(e, in);
        }
        return verdict(reply(in).orElseThrow(() -> new IOException("clamd closed the connection without a reply")));
    }

    /** Sends the content as chunks and the closing empty chunk; {@code false} if it turned out longer than the limit. */
    private boolean send(InputStream content, OutputStream out) throws IOException {
        byte[] chunk = new byte[4 + CHUNK_BYTES];
        long sent = 0;
        int read;
        while ((read = readFile(content, chunk)) > 0) {
            sent += read;
            if (sent > maxBytes) {
                return false;
            }
            lengthInto(chunk, read);
            out.write(chunk, 0, 4 + read);
        }
        lengthInto(chunk, 0);
        out.write(chunk, 0, 4);
        out.flush();
        return true;
    }

    /** Fills the chunk after its length field as far as the content allows; 0 at its end. */
    private static int readFile(InputStream content, byte[] chunk) {
        try {
            int filled = 0;
            int read;
            while (filled < CHUNK_BYTES && (read = content.read(chunk, 4 + filled, CHUNK_BYTES - filled)) >= 0) {
                filled += read;
            }
            return filled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lengthInto(byte[] chunk, int length) {
        chunk[0] = (byte) (length >>> 24);
        chunk[1] = (byte) (length >>> 16);
        chunk[2] = (byte) (length >>> 8);
        chunk[3] = (byte) length;
    }

    /** The verdict clamd gave before it closed the connection, if it gave one; otherwise the failure to send. */
    private static Verdict replyAfter(IOException sending, InputStream in) throws IOException {
        try {
            return verdict(reply(in).orElseThrow(() -> sending));
        } catch (IOException noReply) {
            throw sending;
        }
    }

    /** clamd's reply up to its closing {@code \0} (or the end of the connection), if there is one. */
    private static Optional<String> reply(InputStream in) throws IOException {
        byte[] reply = new byte[MAX_REPLY_BYTES];
        int length = 0;
        int b;
        while (length < reply.length && (b = in.read()) > 0) {
            reply[length++] = (byte) b;
        }
        String text = new String(reply, 0, length, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The verdict a reply of clamd means. */
    static Verdict verdict(String reply) {
        if (reply.equals("stream: OK")) {
            return Verdict.CLEAN;
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            return new Verdict.Infected(reply.substring("stream: ".length(), reply.length() - " FOUND".length()).strip());
        }
        if (reply.contains("size limit exceeded")) {
            return Verdict.TOO_LARGE;
        }
        return new Verdict.Failed("clamd replied: " + reply);
    }

    private String where() {
        return "clamd at " + host + ":" + port;
    }

    private static int millis(Duration timeout) {
        return (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public String toString() {
        return "ClamdScanner[" + host + ":" + port + ", maxBytes=" + maxBytes + "]";
    }
}
