package org.musubi.scan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.scan.Verdict;

/**
 * The clamd adapter against a real clamd (Debian's {@code clamav-daemon}), started here on a loopback port with a
 * temporary configuration. ClamAV's public signatures cannot be downloaded, so the test makes its own database: an MD5
 * signature of the EICAR test file made by {@code sigtool}, as ClamAV documents for custom databases. The EICAR file is
 * not in the repository; it is put together here from its documented parts. Skipped when clamd or sigtool is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClamdScannerIT {

    static final Path CLAMD = Path.of("/usr/sbin/clamd");
    static final Path SIGTOOL = Path.of("/usr/bin/sigtool");
    /** The name the test database gives its EICAR signature; clamd adds {@code .UNOFFICIAL} to names of own databases. */
    static final String SIGNATURE = "Musubi-Test-EICAR";
    /** clamd's StreamMaxLength in this test: small, so that the limit is reached quickly. */
    static final int STREAM_MAX_LENGTH = 1024 * 1024;

    @TempDir
    static Path dir;
    static Process clamd;
    static int port;

    @BeforeAll
    static void startClamd() throws Exception {
        assumeTrue(Files.isExecutable(CLAMD) && Files.isExecutable(SIGTOOL),
                "clamd or sigtool not installed (Debian: apt-get install clamav-daemon clamav): clamd tests skipped");
        Path database = Files.createDirectories(dir.resolve("db"));
        Path eicar = Files.write(dir.resolve("eicar.com"), eicar());
        String md5 = run(SIGTOOL.toString(), "--md5", eicar.toString()).strip();
        // sigtool writes md5:size:name; the name becomes the signature's
        Files.writeString(database.resolve("musubi-test.hdb"), md5.substring(0, md5.lastIndexOf(':') + 1) + SIGNATURE + "\n");
        port = freePort();
        Path config = Files.writeString(dir.resolve("clamd.conf"), String.join("\n",
                "DatabaseDirectory " + database,
                "Foreground yes",
                "TCPSocket " + port,
                "TCPAddr 127.0.0.1",
                "StreamMaxLength " + STREAM_MAX_LENGTH,
                "TemporaryDirectory " + Files.createDirectories(dir.resolve("tmp")),
                "PidFile " + dir.resolve("clamd.pid"),
                "SelfCheck 0",
                "") );
        clamd = new ProcessBuilder(CLAMD.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("clamd.log").toFile()).start();
        awaitPong(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopClamd() throws InterruptedException {
        if (clamd != null) {
            clamd.destroy();
            if (!clamd.waitFor(10, TimeUnit.SECONDS)) {
                clamd.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    @Order(1)
    void findsTheEicarTestFile() {
        byte[] eicar = eicar();

        assertThat(scanner(100 * 1024 * 1024).scan(new ByteArrayInputStream(eicar), eicar.length))
                .isEqualTo(new Verdict.Infected(SIGNATURE + ".UNOFFICIAL"));
    }

    @Test
    @Order(2)
    void passesACleanFileOfManyChunks() {
        byte[] clean = new byte[3 * ClamdScanner.CHUNK_BYTES + 123];
        Arrays.fill(clean, (byte) 'a');

        assertThat(scanner(100 * 1024 * 1024).scan(new ByteArrayInputStream(clean), clean.length)).isEqualTo(Verdict.CLEAN);
    }

    @Test
    @Order(3)
    void aFileOverClamdsStreamMaxLengthIsTooLarge() {
        // clamd answers and closes the connection at its limit, while the rest is still being sent
        for (int times : new int[] {2, 16}) {
            byte[] large = new byte[times * STREAM_MAX_LENGTH];

            assertThat(scanner(100 * 1024 * 1024).scan(new ByteArrayInputStream(large), large.length))
                    .as("%d times clamd's own limit, lower than the scanner's", times).isEqualTo(Verdict.TOO_LARGE);
        }
    }

    @Test
    @Order(4)
    void aFileOverTheScannersLimitIsTooLargeWithoutBeingSent() {
        byte[] eicar = eicar();

        assertThat(scanner(eicar.length - 1).scan(new ByteArrayInputStream(eicar), eicar.length)).isEqualTo(Verdict.TOO_LARGE);
    }

    @Test
    @Order(5)
    void failsWhenClamdIsStopped() throws InterruptedException {
        stopClamd();
        byte[] eicar = eicar();

        Verdict verdict = scanner(100 * 1024 * 1024).scan(new ByteArrayInputStream(eicar), eicar.length);

        assertThat(verdict).isInstanceOf(Verdict.Failed.class);
        assertThat(((Verdict.Failed) verdict).reason()).contains("clamd at 127.0.0.1:" + port);
    }

    private static ClamdScanner scanner(long maxBytes) {
        return new ClamdScanner("127.0.0.1", port, maxBytes, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** The EICAR anti-virus test file (68 bytes), from the parts EICAR documents. */
    static byte[] eicar() {
        String file = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS" + "-TEST-FILE!$H+H*";
        assertThat(file).hasSize(68);
        return file.getBytes(StandardCharsets.US_ASCII);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until clamd answers {@code PING}, or fails with its log if it stopped or took too long. */
    private static void awaitPong(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!clamd.isAlive()) {
                throw new AssertionError("clamd stopped: " + Files.readString(dir.resolve("clamd.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(2000);
                socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                if (new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("clamd did not answer PING within " + timeout + ": " + Files.readString(dir.resolve("clamd.log")));
    }
}
