package org.musubi.imaging.viewer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.proxy.ViewerStudies;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The viewer's benchmark (issue 47, closing note), run by {@code bench/viewer.sh}, never by {@code verify} (its name
 * ends neither in Test nor IT): a 200-image CT series on the shared Orthanc on loopback; (1) first image on screen —
 * Chromium opens the viewer page {@code musubi.bench.opens} times, each time measuring from navigation start to the
 * first frame drawn on the canvas (performance.now()); (2) throughput — every frame of the series read
 * {@code musubi.bench.rounds} times through the proxy (signed in, with the study's pass) and straight from Orthanc,
 * frames per second each, first one frame at a time, then {@code musubi.bench.parallel} (4) at a time as a viewer's
 * loader fetches them. Prints the figures; asserts nothing.
 */
@MusubiIntegrationTest
class ViewerBenchmark extends NetworkFixtures {

    /** The page's navigation and resource timings, one line each: what the first image waited for. */
    private static final String TIMINGS = "const n = performance.getEntriesByType('navigation')[0];"
            + " return ['\\n  page ' + Math.round(n.requestStart) + ' ' + Math.round(n.responseEnd)"
            + " + ' (dom interactive ' + Math.round(n.domInteractive) + ')']"
            + ".concat(performance.getEntriesByType('resource').map(r => '\\n  '"
            + " + r.name.replace(location.origin, '').replace(/[0-9.]{20,}/g, 'UID') + ' ' + Math.round(r.startTime)"
            + " + ' ' + Math.round(r.responseEnd) + (r.transferSize === 0 ? ' (cached)' : ''))).join('');";
    private static final String FRAME = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";

    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;

    @Test
    void firstImageAndThroughput() throws Exception {
        int images = Integer.getInteger("musubi.bench.images", 200);
        int opens = Integer.getInteger("musubi.bench.opens", 20);
        int rounds = Integer.getInteger("musubi.bench.rounds", 3);
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"),
                hospital, localId, FhirRecords.uniqueKana());
        int size = Integer.getInteger("musubi.bench.size", 64);
        ViewerStudies.Made study = ViewerStudies.ctOfSize(clients, port, identities, index, hospital, localId, patient,
                images, size);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);

        // on screen: the earlier of the archive's rendering (the preview the page asks at once) and the viewer's own
        // drawing; interactive: the viewer's own drawing of the first frame (window/level, measurements from then on)
        List<Long> first = new ArrayList<>();
        List<Long> interactive = new ArrayList<>();
        try (Chromium browser = browserAs(doctor)) {
            for (int i = 0; i < opens + 2; i++) {
                browser.open("/imaging/viewer/studies/" + study.uid());
                try {
                    browser.await().until(d -> browser.find("#viewer-canvas").getDomAttribute("data-first-drawn-ms")
                            != null);
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError("first frame not drawn; status '" + browser.find("#viewer-status").getText()
                            + "', console " + browser.driver().manage().logs()
                            .get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
                }
                long ms = Long.parseLong(browser.find("#viewer-canvas").getDomAttribute("data-first-drawn-ms"));
                String preview = browser.find("#viewer-canvas").getDomAttribute("data-preview-drawn-ms");
                long shown = preview == null ? ms : Math.min(ms, Long.parseLong(preview));
                if (i >= 2) {
                    first.add(shown);
                    interactive.add(ms);
                }
                if (i == opens + 1) {
                    System.out.println("VIEWER BENCH: the last open's requests (ms from navigation start: start, end):"
                            + browser.script(TIMINGS) + " preview drawn " + preview + ", first frame drawn " + ms);
                }
            }
        }
        Collections.sort(first);
        Collections.sort(interactive);

        WebSession web = accounts.signedIn(port, doctor);
        web.get("/imaging/viewer/studies/" + study.uid());
        String series = study.dicom().seriesUid(1);
        // as Musubi's own client to the archive: HTTP/1.1, connections kept alive (no h2c upgrade offered to Orthanc)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        web.withHeader("Accept", FRAME);
        java.util.function.IntFunction<byte[]> viaProxy = i -> web.getBytes("/imaging/dicomweb/studies/" + study.uid()
                + "/series/" + series + "/instances/" + study.dicom().instanceUid(1, i) + "/frames/1").body();
        java.util.function.IntFunction<byte[]> straight = i -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(orthanc.url() + "/dicom-web/studies/" + study.uid()
                                + "/series/" + series + "/instances/" + study.dicom().instanceUid(1, i) + "/frames/1"))
                        .header("Authorization", orthanc.authorization()).header("Accept", FRAME).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (int parallel : new int[] {1, Integer.getInteger("musubi.bench.parallel", 4)}) {
            double proxy = 0;
            double direct = 0;
            for (int round = 0; round < rounds + 1; round++) {
                double p = framesPerSecond(viaProxy, images, parallel);
                double d = framesPerSecond(straight, images, parallel);
                if (round > 0) {
                    proxy += p / rounds;
                    direct += d / rounds;
                }
                System.out.printf("round %d, %d at a time: proxy %.1f frames/s, Orthanc %.1f frames/s%n", round,
                        parallel, p, d);
            }
            System.out.printf("VIEWER BENCH: frames/s through the proxy %.1f, straight from Orthanc %.1f, %d at a time:"
                    + " %.0f %% (target >= 80 %%)%n", proxy, direct, parallel, 100 * proxy / direct);
        }
        long statements = org.musubi.testing.StatementCounter.count();
        for (int i = 1; i <= 20; i++) {
            viaProxy.apply(i);
        }
        long sent = org.musubi.testing.StatementCounter.count() - statements;
        System.out.printf("VIEWER BENCH: SQL statements per proxied frame %.2f; the last 4:%s%n", sent / 20.0,
                org.musubi.testing.StatementCounter.last(Math.min(sent, 4)));
        System.out.printf("VIEWER BENCH: %d images of %d x %d; first image on screen over %d opens: p50 %d ms, p95 %d ms,"
                        + " max %d ms (target p95 <= 1000 ms)%n", images, size, size, first.size(),
                first.get(first.size() / 2), first.get((int) Math.ceil(first.size() * 0.95) - 1), first.getLast());
        System.out.printf("VIEWER BENCH: the viewer's own first frame (interactive) over %d opens: p50 %d ms, p95 %d ms,"
                        + " max %d ms%n", interactive.size(), interactive.get(interactive.size() / 2),
                interactive.get((int) Math.ceil(interactive.size() * 0.95) - 1), interactive.getLast());
    }

    /** Every frame 1…{@code images} read once by {@code parallel} readers at a time; frames per second. */
    private static double framesPerSecond(java.util.function.IntFunction<byte[]> read, int images, int parallel)
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(1);
        long t0 = System.nanoTime();
        try (var readers = java.util.concurrent.Executors.newFixedThreadPool(parallel)) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int r = 0; r < parallel; r++) {
                done.add(readers.submit(() -> {
                    for (int i = next.getAndIncrement(); i <= images; i = next.getAndIncrement()) {
                        if (read.apply(i).length == 0) {
                            throw new IllegalStateException("frame " + i + " empty");
                        }
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        }
        return images / ((System.nanoTime() - t0) / 1e9);
    }
}
