package org.musubi.bench;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;

/**
 * Issue 6's clinician pages over HTTP, as a doctor of the viewing facility signed in with password
 * and TOTP: the integrated viewer (timeline), the medication list with its duplicate checks, and the
 * lab table, for the measured persons (5,000 resources across 5 facilities each). Latency is from
 * sending the request to the last byte of the rendered page.
 */
final class PortalRun {

    private final WebSession web;

    PortalRun(RecordBenchServer server, Facility viewer) {
        TestAccounts accounts = server.bean(TestAccounts.class);
        this.web = new WebSession(server.port());
        accounts.logIn(web, accounts.memberOf(viewer, Profession.DOCTOR));
    }

    /** The pages measured: name → the path for a person id. */
    static Map<String, LongFunction<String>> pages() {
        Map<String, LongFunction<String>> pages = new LinkedHashMap<>();
        pages.put("portal: patient view (timeline)", p -> "/portal/patients/" + p);
        pages.put("portal: medications (duplicate checks)", p -> "/portal/patients/" + p + "/medications");
        pages.put("portal: lab table", p -> "/portal/patients/" + p + "/labs");
        return pages;
    }

    ReadRun.Timing measure(String name, LongFunction<String> path, long[] persons, int count) {
        Distribution[] timed = ReadRun.timed(path, persons, count, this::time);
        String page = web.get(path.apply(persons[0])).body();
        ReadRun.Timing timing = new ReadRun.Timing(name, timed[0], timed[1],
                count(page, "<details"), page.length() / 1024);
        System.out.printf(Locale.ROOT, "  %-45s p50 %6.1f  p95 %6.1f  p99 %6.1f ms  (first calls p50 %.1f, max %.1f ms;"
                        + " %d details elements, %d KiB)%n", name, ReadRun.ms(timing.latency(), 50),
                ReadRun.ms(timing.latency(), 95), ReadRun.ms(timing.latency(), 99), ReadRun.ms(timing.first(), 50),
                timing.first().max() / 1e6, timing.entries(), timing.total());
        return timing;
    }

    private long time(String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = web.get(path);
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return nanos;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
