package org.musubi.scan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.scan.Verdict;

/** The INSTREAM protocol against a stand-in for clamd on a loopback port: framing, replies, timeouts. */
class ClamdScannerTest {

    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void streamsTheFileInChunksOfAtMost64KiBEndedByAnEmptyOne() throws Exception {
        byte[] file = new byte[2 * ClamdScanner.CHUNK_BYTES + 5];
        new Random(43).nextBytes(file);
        CompletableFuture<Received> received = CompletableFuture.supplyAsync(() -> answer("stream: OK"));

        Verdict verdict = scanner(Duration.ofSeconds(5)).scan(new ByteArrayInputStream(file), file.length);

        assertThat(verdict).isEqualTo(Verdict.CLEAN);
        assertThat(received.get().command()).isEqualTo("zINSTREAM\0");
        assertThat(received.get().content()).isEqualTo(file);
        assertThat(received.get().chunks()).containsExactly(ClamdScanner.CHUNK_BYTES, ClamdScanner.CHUNK_BYTES, 5, 0);
    }

    @Test
    void namesTheSignatureFound() {
        CompletableFuture.runAsync(() -> answer("stream: Win.Test.EICAR_HDB-1 FOUND"));

        assertThat(scanner(Duration.ofSeconds(5)).scan(new ByteArrayInputStream(new byte[10]), 10))
                .isEqualTo(new Verdict.Infected("Win.Test.EICAR_HDB-1"));
    }

    @Test
    void readsClamdsReplies() {
        assertThat(ClamdScanner.verdict("stream: OK")).isEqualTo(Verdict.CLEAN);
        assertThat(ClamdScanner.verdict("stream: Eicar-Signature FOUND")).isEqualTo(new Verdict.Infected("Eicar-Signature"));
        assertThat(ClamdScanner.verdict("INSTREAM size limit exceeded. ERROR")).isEqualTo(Verdict.TOO_LARGE);
        assertThat(ClamdScanner.verdict("stream: Can't allocate memory ERROR"))
                .isEqualTo(new Verdict.Failed("clamd replied: stream: Can't allocate memory ERROR"));
        assertThat(ClamdScanner.verdict("UNKNOWN COMMAND")).isInstanceOf(Verdict.Failed.class);
    }

    @Test
    void failsWhenClamdDoesNotAnswerInTime() {
        CompletableFuture.runAsync(() -> answer(null));

        Verdict verdict = scanner(Duration.ofMillis(300)).scan(new ByteArrayInputStream(new byte[10]), 10);

        assertThat(verdict).isInstanceOf(Verdict.Failed.class);
        assertThat(((Verdict.Failed) verdict).reason()).contains("did not answer in time");
    }

    @Test
    void failsWhenNothingListens() throws IOException {
        int port = server.getLocalPort();
        server.close();

        Verdict verdict = new ClamdScanner("127.0.0.1", port, 1000, Duration.ofSeconds(2), Duration.ofSeconds(2))
                .scan(new ByteArrayInputStream(new byte[10]), 10);

        assertThat(verdict).isInstanceOf(Verdict.Failed.class);
        assertThat(((Verdict.Failed) verdict).reason()).startsWith("clamd at 127.0.0.1:" + port);
    }

    @Test
    void failsWhenTheFileCannotBeRead() {
        CompletableFuture.runAsync(() -> answer("stream: OK"));
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        Verdict verdict = scanner(Duration.ofSeconds(5)).scan(broken, 10);

        assertThat(verdict).isEqualTo(new Verdict.Failed("the file could not be read for scanning: java.io.IOException: disk gone"));
    }

    @Test
    void aFileLongerThanItsSizeSaidStopsAtTheLimit() {
        CompletableFuture.runAsync(() -> answer("stream: OK"));
        ClamdScanner scanner = new ClamdScanner("127.0.0.1", server.getLocalPort(), 100, Duration.ofSeconds(2),
                Duration.ofSeconds(2));

        assertThat(scanner.scan(new ByteArrayInputStream(new byte[101]), 50)).isEqualTo(Verdict.TOO_LARGE);
    }

    private ClamdScanner scanner(Duration readTimeout) {
        return new ClamdScanner("127.0.0.1", server.getLocalPort(), 1024 * 1024, Duration.ofSeconds(2), readTimeout);
    }

    record Received(String command, byte[] content, List<Integer> chunks) {
    }

    /** Accepts one scan, reads it to its empty chunk and replies (nothing when {@code reply} is null). */
    private Received answer(String reply) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String command = new String(in.readNBytes(10), StandardCharsets.US_ASCII);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            List<Integer> chunks = new ArrayList<>();
            int length;
            do {
                length = in.readInt();
                chunks.add(length);
                content.write(in.readNBytes(length));
            } while (length > 0);
            if (reply != null) {
                socket.getOutputStream().write((reply + "\0").getBytes(StandardCharsets.US_ASCII));
            } else {
                in.read();
            }
            return new Received(command, content.toByteArray(), chunks);
        } catch (IOException e) {
            return null;
        }
    }
}
