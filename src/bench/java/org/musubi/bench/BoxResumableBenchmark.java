package org.musubi.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.ChildServers;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.FhirClients;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.TusUploads;

/**
 * A large Box upload through the resumable protocol (issue 43: 6 GB, interrupted and resumed, the server's heap below
 * 256 MB, the stored bytes equal to the sent bytes): the real server runs in a child JVM capped at {@code --heap-mb}
 * (192 by default: below 256 MB with room to spare) against this benchmark's database and blob directory; a system's tus upload of {@code --mb} bytes
 * (generated as they are sent, never held) is cut off after {@code --cut-percent} of them, resumed from the offset the
 * server tells (HEAD), sent as a Box file to a nurse, and downloaded again; the SHA-256 of the bytes sent, of the file
 * as stored (the server's own hash) and of the download must be one. The child's heap in use is sampled every 200 ms
 * (its own Prometheus metrics). Not a test: {@code bench/box-resumable.sh} ({@code --mb=6144}).
 */
public final class BoxResumableBenchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, Map.of("mb", 6144L, "heap-mb", 192L, "cut-percent", 40L));
        long bytes = options.get("mb") * 1024 * 1024;
        long cut = bytes * options.get("cut-percent") / 100;
        SuiteFigures figures = new SuiteFigures("box-resumable");
        try (BenchDatabase database = BenchDatabase.start()) {
            TestAccounts accounts = database.bean(TestAccounts.class);
            Facility clinic = accounts.newHospital();
            Facility hospital = accounts.newHospital();
            User nurse = accounts.memberOf(hospital, Profession.NURSE);
            FhirClients clients = database.bean(FhirClients.class);
            var client = clients.register(clinic, "system/*.read", "system/*.write");

            int port = ChildServers.freePort();
            Path dir = database.directory();
            Path log = dir.resolve("server.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + options.get("heap-mb") + "m", "-cp", System.getProperty("java.class.path"),
                    "org.musubi.Musubi", "serve", "--server.port=" + port,
                    "--musubi.security.secret-key-file=" + dir.resolve("secret.key"),
                    "--musubi.blob.directory=" + dir.resolve("blobs"), "--musubi.demo.enabled=false",
                    "--musubi.ingest.watch=false", "--musubi.box.file-max-size=" + (options.get("mb") + 1) + "MB",
                    "--musubi.box.quota=" + (options.get("mb") + 1) + "MB", "--logging.structured.format.console=");
            HikariDataSource pool = database.bean(DataSource.class).unwrap(HikariDataSource.class);
            builder.environment().put("MUSUBI_DB_URL", pool.getJdbcUrl());
            builder.environment().put("MUSUBI_DB_USER", pool.getUsername());
            builder.environment().put("MUSUBI_DB_PASSWORD", pool.getPassword());
            builder.environment().put("MUSUBI_DB_OWNER_USER", "postgres");
            builder.environment().put("MUSUBI_DB_OWNER_PASSWORD", EmbeddedClusters.password(dir.resolve("postgres"), "postgres"));
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            Process server = ChildServers.start(builder, port, log, Duration.ofMinutes(3));
            HeapOf heap = new HeapOf(port);
            try {
                String token = clients.token(port, client);
                TusUploads tus = new TusUploads("http://localhost:" + port, "Bearer " + token);
                heap.start();
                long t0 = System.nanoTime();
                HttpResponse<String> created = tus.create("/api/box/uploads", bytes, "large.bin", "application/octet-stream");
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("creation refused: " + created.statusCode() + " " + created.body());
                }
                String upload = TusUploads.path(created);
                MessageDigest sent = MessageDigest.getInstance("SHA-256");
                boolean dropped = tus.patchDropped(upload, 0, () -> new GeneratedBytes(bytes, 43, 0), cut);
                long offset = tus.offset(upload);
                double first = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                HttpResponse<String> rest = tus.patch(upload, offset, () -> new GeneratedBytes(bytes, 43, offset));
                double second = (System.nanoTime() - t1) / 1e9;
                if (!dropped || rest.statusCode() != 204 || tus.offset(upload) != bytes) {
                    throw new IllegalStateException("the resumed upload did not complete: dropped=" + dropped + ", "
                            + rest.statusCode() + " " + rest.body());
                }
                try (InputStream all = new DigestInputStream(new GeneratedBytes(bytes, 43, 0), sent)) {
                    all.transferTo(java.io.OutputStream.nullOutputStream());
                }
                String sentSha = HexFormat.of().formatHex(sent.digest());
                long t2 = System.nanoTime();
                String id = upload.substring(upload.lastIndexOf('/') + 1);
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/box/files?upload=" + id + "&user=" + nurse.id())).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                double send = (System.nanoTime() - t2) / 1e9;
                if (file.statusCode() != 201 || !file.body().contains("\"sha256\":\"" + sentSha + "\"")) {
                    throw new IllegalStateException("the file stored is not the bytes sent: " + file.statusCode() + " "
                            + file.body() + " (sent " + sentSha + ")");
                }
                heap.stopSampling();
                double mb = bytes / 1024.0 / 1024.0;
                System.out.printf(Locale.ROOT, "tus upload %.0f MB: cut off after %.0f MB, the server held %.0f MB; "
                        + "%.1f s before the cut, %.1f s to resume; %.0f MB/s overall%n", mb, cut / 1048576.0,
                        offset / 1048576.0, first, second, mb / (first + second));
                System.out.printf(Locale.ROOT, "sent as a Box file (parts copied into the file, hashed, scanned): %.1f s%n",
                        send);
                System.out.printf(Locale.ROOT, "SHA-256 of the bytes sent = of the file stored: %s%n", sentSha);
                System.out.printf(Locale.ROOT, "server heap (-Xmx%dm) in use: max %.0f MB over %d samples%n",
                        options.get("heap-mb"), heap.maxBytes() / 1048576.0, heap.samples());
                figures.percentiles("tus upload throughput (MB/s), " + Math.round(mb) + " MB resumed", "MB/s",
                        mb / (first + second), mb / (first + second), mb / (first + second), mb / (first + second),
                        mb / (first + second), 1);
                figures.percentiles("server heap in use (MB)", "MB", heap.maxBytes() / 1048576.0,
                        heap.maxBytes() / 1048576.0, heap.maxBytes() / 1048576.0, heap.maxBytes() / 1048576.0,
                        heap.maxBytes() / 1048576.0, 1);
                if (heap.maxBytes() >= 256L * 1024 * 1024) {
                    throw new IllegalStateException("the server's heap reached 256 MB");
                }
            } finally {
                heap.stopSampling();
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
        figures.writeIfAsked();
    }

    /**
     * The child's heap in use: the sum of its {@code jvm_memory_used_bytes{area="heap"}} pools, read from its own
     * {@code /actuator/prometheus} (served to the loopback address) every 250 ms.
     */
    private static final class HeapOf extends Thread {
        private final URI metrics;
        private final HttpClient http = HttpClient.newHttpClient();
        private volatile boolean running = true;
        private volatile long max;
        private volatile int samples;

        HeapOf(int port) {
            this.metrics = URI.create("http://localhost:" + port + "/actuator/prometheus");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    double used = 0;
                    for (String line : body.split("\n")) {
                        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                            used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        }
                    }
                    if (used > 0) {
                        max = Math.max(max, (long) used);
                        samples++;
                    }
                    Thread.sleep(250);
                } catch (IOException | NumberFormatException e) {
                    // a sample missed; the next one is taken
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        long maxBytes() {
            return max;
        }

        int samples() {
            return samples;
        }
    }

    private BoxResumableBenchmark() {
    }
}
