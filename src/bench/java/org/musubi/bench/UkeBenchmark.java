package org.musubi.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.LinkedHashMap;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.uke.UkeFiles;
import org.musubi.ingest.uke.UkeReader;

/**
 * Parse-and-map speed of the UKE reader, without the database: a year of a clinic's monthly receipt files for
 * {@code --patients} patients (each month a receipt per patient: two diagnoses, a visit or two with 再診, a test and
 * a prescription, a comment; about 9 records), made in Shift_JIS by {@link UkeFiles#clinicMonth}, read by {@link UkeReader}
 * ({@code --rounds} times after {@code --warmup}). Prints records (lines) per second, receipts per second and the heap
 * in use after a round. A {@code main}, never run by the build: {@code bench/uke.sh}.
 */
public final class UkeBenchmark {

    static final Map<String, Long> DEFAULTS = new LinkedHashMap<>(Map.of("patients", 5_000L, "months", 12L,
            "warmup", 1L, "rounds", 3L));
    private static final String CLINIC = "3410000001";
    private static final MappingContext FACILITY = new MappingContext(CLINIC, "ベンチ診療所");

    private UkeBenchmark() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args, DEFAULTS);
        System.out.println("UkeBenchmark " + options);
        int patients = options.integer("patients");
        int months = options.integer("months");
        byte[][] files = new byte[months][];
        long lines = 0;
        long bytes = 0;
        for (int m = 0; m < months; m++) {
            files[m] = UkeFiles.clinicMonth(CLINIC, patients, 2024 + m / 12, 1 + m % 12);
            bytes += files[m].length;
            lines += new String(files[m], UkeFiles.SHIFT_JIS).lines().count();
        }
        System.out.printf("%d monthly files, %,d receipts, %,d records (lines), %,d bytes%n", months,
                (long) patients * months, lines, bytes);
        Runtime runtime = Runtime.getRuntime();
        for (int round = 1; round <= options.get("warmup") + options.get("rounds"); round++) {
            AtomicLong receipts = new AtomicLong();
            AtomicLong resources = new AtomicLong();
            AtomicLong rejected = new AtomicLong();
            long started = System.nanoTime();
            for (int m = 0; m < months; m++) {
                new UkeReader(org.musubi.receiptmaster.DemoMasters.master()).read(SourceFile.of("month-" + m + ".UKE", files[m]), FACILITY, r -> {
                    if (r instanceof ParseResult.Parsed parsed) {
                        receipts.incrementAndGet();
                        resources.addAndGet(parsed.resources().size());
                    } else {
                        rejected.incrementAndGet();
                    }
                });
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.gc();
            System.out.printf("round %d%s: %,.0f records/s, %,.0f receipts/s (%,d receipts, %,d resources, %d rejected,"
                            + " %.2f s); heap in use %,d MB of max %,d MB%n", round,
                    round <= options.get("warmup") ? " (warm-up)" : "", lines / seconds, receipts.get() / seconds,
                    receipts.get(), resources.get(), rejected.get(), seconds,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        }
    }
}
