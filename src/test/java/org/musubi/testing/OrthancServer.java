package org.musubi.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A real Orthanc (Debian's {@code orthanc} with {@code orthanc-dicomweb}) started by a test on loopback ports with its
 * own storage in a temporary folder, HTTP basic sign-in and the DICOMweb plugin; a test that needs it calls {@link
 * #startOrSkip} (skipped with a message when the packages are not installed) and {@link #stop} when done. {@link
 * #restart} stops and starts it on the same ports and storage (what was stored stays, as with a real archive).
 */
public final class OrthancServer implements AutoCloseable {

    static final Path ORTHANC = Path.of("/usr/sbin/Orthanc");
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    public static final String USER = "musubi";
    public static final String AET = "MUSUBITEST";

    private final Path dir;
    private final int httpPort;
    private final int dicomPort;
    private final String password;
    private Process process;

    private OrthancServer(Path dir, int httpPort, int dicomPort, String password) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
        this.password = password;
    }

    /** Whether Orthanc and its DICOMweb plugin are installed here. */
    public static boolean installed() {
        return Files.isExecutable(ORTHANC) && Files.isRegularFile(DICOMWEB_PLUGIN);
    }

    private static OrthancServer shared;

    /**
     * The one Orthanc of this test JVM, started on first use and stopped when the JVM ends, or null when it is not
     * installed: the integration tests' Spring context is pointed at it ({@link TestArchive}), so that every imaging IT
     * shares one context. Its studies stay between tests: a test makes its own with new UIDs.
     */
    public static synchronized OrthancServer shared() {
        if (shared == null && installed()) {
            try {
                Path dir = Files.createTempDirectory("musubi-orthanc-shared");
                OrthancServer server = new OrthancServer(dir, ChildServers.freePort(), ChildServers.freePort(),
                        "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random())));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (IOException | InterruptedException e) {
                        // the JVM is ending
                    }
                }));
                shared = server;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** {@link #shared()}, or skips the test when Orthanc is not installed. */
    public static OrthancServer sharedOrSkip() {
        assumeTrue(installed(), "Orthanc or its DICOMweb plugin not installed (Debian: apt-get install orthanc "
                + "orthanc-dicomweb): imaging archive tests skipped");
        return shared();
    }

    /** Starts an Orthanc of the test's own, or skips the test when it is not installed. */
    public static OrthancServer startOrSkip() throws IOException, InterruptedException {
        assumeTrue(installed(), "Orthanc or its DICOMweb plugin not installed (Debian: apt-get install orthanc "
                + "orthanc-dicomweb): imaging archive tests skipped");
        Path dir = Files.createTempDirectory("musubi-orthanc");
        OrthancServer server = new OrthancServer(dir, ChildServers.freePort(), ChildServers.freePort(),
                "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random())));
        server.start();
        return server;
    }

    /** Orthanc's HTTP base URL. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String password() {
        return password;
    }

    public int dicomPort() {
        return dicomPort;
    }

    /** The settings that point Musubi at this archive ({@code --name=value}, for a child server or a property source). */
    public String[] musubiSettings() {
        return new String[] {"--musubi.imaging.orthanc-url=" + url(), "--musubi.imaging.username=" + USER,
                "--musubi.imaging.password=" + password};
    }

    /** GET {@code path} from Orthanc directly (signed in), for a test's own look at what the archive holds. */
    public HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", authorization()).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST a DICOM file to Orthanc's REST API directly ({@code /instances}), bypassing Musubi. */
    public void upload(Path dicomFile) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/instances"))
                .header("Authorization", authorization()).header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofFile(dicomFile)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("Orthanc refused " + dicomFile + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Stops Orthanc and starts it again on the same ports and storage. */
    public void restart() throws IOException, InterruptedException {
        stopProcess();
        start();
    }

    private void start() throws IOException, InterruptedException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path config = Files.writeString(dir.resolve("orthanc.json"), """
                {
                  "Name": "musubi-test",
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "HttpPort": %d,
                  "DicomPort": %d,
                  "DicomAet": "%s",
                  "DicomCheckCalledAet": false,
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": true,
                  "RegisteredUsers": { "%s": "%s" },
                  "StableAge": 1,
                  "Plugins": [ "%s" ],
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
                }
                """.formatted(storage, storage, httpPort, dicomPort, AET, USER, password, DICOMWEB_PLUGIN));
        process = new ProcessBuilder(ORTHANC.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("orthanc.log").toFile())).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc ended: " + Files.readString(dir.resolve("orthanc.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/system")).header("Authorization", authorization())
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        stopProcess();
        throw new IllegalStateException("Orthanc did not answer in time: " + Files.readString(dir.resolve("orthanc.log")));
    }

    private void stopProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Stops Orthanc and removes its storage. */
    public void stop() throws IOException, InterruptedException {
        stopProcess();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
