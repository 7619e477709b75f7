package org.musubi.imaging.archive;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DICOM archive Musubi runs itself when nobody configured one: where Debian's {@code orthanc} and {@code
 * orthanc-dicomweb} are installed ({@value #ORTHANC_PATH} and the plugin's {@code .so}), {@code
 * musubi.imaging.orthanc-url} is empty and {@code musubi.imaging.managed.enabled} is not false, Musubi starts one Orthanc
 * process on a free loopback port after it is ready (in the background: Musubi's start does not wait for it) and stops
 * it when it stops, as it does for LibreOffice and the embedded PostgreSQL. Its configuration is written afresh at every
 * start into the managed directory ({@code orthanc.json}, readable by its owner only), with a new generated password
 * for the one user {@value #USER}; its images and index stay in {@code storage/} there across restarts. It takes no
 * request from another host ({@code RemoteAccessAllowed} false) and opens no DICOM port (a hospital's PACS sends to an
 * archive the operators run themselves, docs/imaging.md); DICOMweb is on; its default encoding is UTF-8. An Orthanc left running by a Musubi that was
 * killed is found by its process id ({@code orthanc.pid}) and stopped before the new one starts.
 */
public final class ManagedOrthanc implements AutoCloseable {

    static final String ORTHANC_PATH = "/usr/sbin/Orthanc";
    static final Path ORTHANC = Path.of(ORTHANC_PATH);
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    /** The one Orthanc user, Musubi. */
    public static final String USER = "musubi";
    /** Seconds without a new instance before Orthanc calls a study stable (and Musubi's index takes it). */
    static final int STABLE_AGE = 5;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ManagedOrthanc.class);

    private final Path directory;
    private final int port;
    private final String password;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean failed;
    private volatile boolean closed;
    private Process process;

    private ManagedOrthanc(Path directory, int port, String password) {
        this.directory = directory;
        this.port = port;
        this.password = password;
    }

    /** Whether Debian's Orthanc and its DICOMweb plugin are installed here. */
    public static boolean installed() {
        return Files.isExecutable(ORTHANC) && Files.isRegularFile(DICOMWEB_PLUGIN);
    }

    /**
     * Musubi's own archive for these settings, not yet started; empty when an Orthanc URL is configured (the operator's
     * archive wins), when it is turned off, or when Orthanc or its plugin is not installed.
     */
    static Optional<ManagedOrthanc> plan(ArchiveProperties configured, ManagedArchiveProperties managed) {
        if (configured.configured() || !managed.enabled()) {
            return Optional.empty();
        }
        if (!installed()) {
            LOG.info("Imaging is off: no musubi.imaging.orthanc-url, and Debian's orthanc and orthanc-dicomweb are not "
                    + "installed (with them, Musubi runs its own archive)");
            return Optional.empty();
        }
        try {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            return Optional.of(new ManagedOrthanc(managed.directory().toAbsolutePath().normalize(), freePort(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
        } catch (IOException e) {
            LOG.warn("Imaging is off: no free loopback port for Musubi's own Orthanc ({})", e.getMessage());
            return Optional.empty();
        }
    }

    /** The settings by which Musubi talks to this archive (the timeout and DICOMweb root as configured). */
    ArchiveProperties settings(ArchiveProperties configured) {
        return new ArchiveProperties(url(), USER, password, "/dicom-web/", configured.timeout());
    }

    /** Its HTTP base URL on loopback. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where it keeps its storage, configuration and log. */
    public Path directory() {
        return directory;
    }

    /** Starts Orthanc on a thread of its own; {@link #awaitReady} tells when it answers. */
    void startInBackground() {
        Thread.ofVirtual().name("managed-orthanc").start(() -> {
            try {
                start();
            } catch (IOException | RuntimeException e) {
                failed = true;
                LOG.warn("Musubi's own Orthanc did not start (imaging pages will say the archive cannot be reached): {}",
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits up to {@code timeout} for Orthanc to answer; false when it did not (or failed to start). */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && !failed;
    }

    private synchronized void start() throws IOException, InterruptedException {
        if (closed) {
            return;
        }
        Files.createDirectories(directory);
        stopLeftOver();
        Path storage = Files.createDirectories(directory.resolve("storage"));
        Path config = directory.resolve("orthanc.json");
        Files.deleteIfExists(config);
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(config, configuration(storage), StandardCharsets.UTF_8);
        Path log = directory.resolve("orthanc.log");
        process = new ProcessBuilder(ORTHANC.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Files.writeString(directory.resolve("orthanc.pid"), Long.toString(process.pid()));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            while (Instant.now().isBefore(deadline) && !closed) {
                if (!process.isAlive()) {
                    throw new IOException("Orthanc ended at start with status " + process.exitValue() + "; see " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(url() + "/system"))
                            .header("Authorization", authorization).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        LOG.info("Musubi's own Orthanc started on 127.0.0.1:{} with its storage in {}", port, storage);
                        ready.countDown();
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
        } finally {
            http.close();
        }
        stopProcess();
        throw new IOException("Orthanc did not answer within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** Orthanc's configuration: loopback HTTP with one user, DICOMweb, no DICOM port, storage under the directory. */
    private String configuration(Path storage) {
        ObjectNode root = JsonMapper.builder().build().createObjectNode();
        root.put("Name", "musubi");
        root.put("StorageDirectory", storage.toString());
        root.put("IndexDirectory", storage.toString());
        root.put("HttpPort", port);
        root.put("RemoteAccessAllowed", false);
        root.put("AuthenticationEnabled", true);
        root.putObject("RegisteredUsers").put(USER, password);
        root.put("DicomServerEnabled", false);
        root.put("StableAge", STABLE_AGE);
        // what Orthanc answers in (its DICOMweb JSON included) for instances without a character set: UTF-8, so that
        // a Japanese name or description is never cut to Latin-1
        root.put("DefaultEncoding", "Utf8");
        root.putArray("Plugins").add(DICOMWEB_PLUGIN.toString());
        root.putObject("DicomWeb").put("Enable", true).put("Root", "/dicom-web/");
        return root.toPrettyString();
    }

    /** Stops an Orthanc a killed Musubi left running on this directory (only if that process is Orthanc). */
    private void stopLeftOver() throws InterruptedException {
        Path pidFile = directory.resolve("orthanc.pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException none) {
            return;
        }
        Optional<ProcessHandle> left = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.equals(ORTHANC_PATH)).orElse(false));
        if (left.isPresent()) {
            LOG.warn("Stopping the Orthanc (pid {}) a previous Musubi left running on {}", pid, directory);
            left.get().destroy();
            try {
                left.get().onExit().get(15, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                left.get().destroyForcibly();
            }
        }
    }

    private void stopProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops Orthanc (Spring calls it when Musubi stops); its storage stays. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            try {
                boolean running = process != null;
                stopProcess();
                Files.deleteIfExists(directory.resolve("orthanc.pid"));
                if (running) {
                    LOG.info("Musubi's own Orthanc stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", directory.resolve("orthanc.pid"), e.getMessage());
            }
        }
    }
}
