package org.musubi.bench;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.clins.ClinsDocuments;
import org.musubi.letters.render.FormLetters;
import org.musubi.letters.render.LetterRendering;
import org.musubi.letters.render.TestRendering;

/**
 * Compose and render one letter with 5 attachments (issue 42, closing note: p95 ≤ 500 ms): the letter made from its
 * parts, its JP-CLINS document Bundle built and encoded as JSON (what is signed and sent), its A4 PDF printed with the
 * Japanese font (what the author signs and the addressee opens). One thread, in memory, no database; {@code --warmup}
 * rounds first. A {@code main}, never run by the build: {@code bench/letters.sh}.
 */
public final class LetterRenderBenchmark {

    static final Map<String, Long> DEFAULTS = new LinkedHashMap<>(Map.of("warmup", 30L, "letters", 200L,
            "attachments", 5L));

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args, DEFAULTS);
        System.out.println("LetterRenderBenchmark " + options + " on " + System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        LetterRendering rendering = TestRendering.rendering();
        if (!rendering.canPrint()) {
            throw new IllegalStateException("no Japanese font installed (Debian: fonts-ipafont-gothic)");
        }
        FhirContext fhir = FhirContext.forR4Cached();
        int attachments = options.integer("attachments");
        long bytes = 0;
        for (int i = 0; i < options.integer("warmup"); i++) {
            bytes = once(rendering, fhir, attachments);
        }
        int letters = options.integer("letters");
        long[] nanos = new long[letters];
        for (int i = 0; i < letters; i++) {
            long started = System.nanoTime();
            bytes = once(rendering, fhir, attachments);
            nanos[i] = System.nanoTime() - started;
        }
        Distribution all = new Distribution(nanos);
        System.out.printf("compose + render a referral with %d attachments (%,d bytes of PDF and Bundle): p50 %.1f ms · p95 %.1f ms · "
                + "p99 %.1f ms · max %.1f ms — target p95 ≤ 500 ms: %s%n", attachments, bytes, all.percentile(50) / 1e6,
                all.percentile(95) / 1e6, all.percentile(99) / 1e6, all.max() / 1e6,
                all.percentile(95) <= 500_000_000L ? "PASS" : "MISS");
    }

    private static long once(LetterRendering rendering, FhirContext fhir, int attachments) {
        Letter letter = FormLetters.of(LetterKind.REFERRAL, "食事療法とメトホルミンで加療中。\n2か月前より労作時の胸部圧迫感あり。",
                attachments);
        String bundle = fhir.newJsonParser().encodeResourceToString(ClinsDocuments.document(letter));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        rendering.pdf(letter, pdf);
        return pdf.size() + (long) bundle.length();
    }
}
