package org.musubi.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.lab.LabCsvReader;
import org.musubi.ingest.lab.LabHl7Reader;

/**
 * Parse-and-map speed of the lab-centre readers, without the database: a generated lab CSV (rows of
 * {@code --results} results per order) through {@link LabCsvReader}, and a generated HL7 batch of OUL^R22
 * messages ({@code --results} OBX each, ISO-2022-JP) through {@link LabHl7Reader} (decode, HAPI parse, map).
 * Prints rows/s and messages/s per round after {@code --warmup} rounds; {@code --threads} readers run
 * side by side, each on its own copy. With {@code --streamed=<rows>} it then streams a CSV of that many
 * rows, made while it is read ({@link LabCsvStream}; 7,000,000 rows is about 1 GB), and prints the
 * heap in use at the end. A {@code main}, never run by the build: {@code bench/lab.sh}.
 */
public final class LabParseBenchmark {

    static final Map<String, Long> DEFAULTS = new LinkedHashMap<>(Map.of(
            "rows", 200_000L, "messages", 20_000L, "results", 10L, "warmup", 2L, "rounds", 3L, "threads", 1L,
            "streamed", 0L));
    private static final MappingContext FACILITY = new MappingContext("3412345678", "ベンチ病院");

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, DEFAULTS);
        System.out.println("LabParseBenchmark " + options);
        int results = options.integer("results");
        byte[] csv = csv(options.integer("rows"), results);
        byte[] oul = oul(options.integer("messages"), results);
        System.out.printf("CSV %,d rows (%,d bytes), HL7 %,d OUL^R22 messages (%,d bytes)%n", options.get("rows"),
                csv.length, options.get("messages"), oul.length);
        Hl7Parsing parsing = new Hl7Parsing();
        measure("CSV rows", options, new LabCsvReader(), csv, options.get("rows"));
        measure("OUL messages", options, new LabHl7Reader(parsing), oul, options.get("messages"));
        if (options.get("streamed") > 0) {
            streamed(options.get("streamed"), results);
        }
    }

    private static void streamed(long rows, int perOrder) {
        LabCsvStream csv = new LabCsvStream(rows / perOrder, perOrder);
        AtomicLong records = new AtomicLong();
        long started = System.nanoTime();
        new LabCsvReader().read(new SourceFile("streamed.csv", -1, () -> csv), FACILITY, r -> records.incrementAndGet());
        double seconds = (System.nanoTime() - started) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("Streamed CSV: %,d bytes, %,d rows, %,d records in %.1f s (%,.0f rows/s); heap in use %,d MB of max %,d MB%n",
                csv.delivered(), rows, records.get(), seconds, rows / seconds,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    private static void measure(String what, BenchOptions options, SourceReader reader, byte[] file, long items)
            throws Exception {
        int threads = options.integer("threads");
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int round = 1; round <= options.get("warmup") + options.get("rounds"); round++) {
                AtomicLong resources = new AtomicLong();
                AtomicLong rejected = new AtomicLong();
                long started = System.nanoTime();
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    runs.add(pool.submit(() -> reader.read(SourceFile.of("bench", file), FACILITY, r -> {
                        if (r instanceof ParseResult.Parsed parsed) {
                            resources.addAndGet(parsed.resources().size());
                        } else {
                            rejected.incrementAndGet();
                        }
                    })));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%s round %d%s: %,.0f %s/s (%,d resources, %d rejected, %.2f s)%n", what, round,
                        round <= options.get("warmup") ? " (warm-up)" : "", items * threads / seconds, what,
                        resources.get(), rejected.get(), seconds);
            }
        }
    }

    static byte[] csv(int rows, int perOrder) {
        StringBuilder text = new StringBuilder("patient_id,name_kanji,name_kana,birth_date,sex,order_no,collected_at,"
                + "specimen_code,specimen_name,jlac10,test_name,value,unit,ref_low,ref_high,abnormal_flag,comment\r\n");
        for (int row = 0; row < rows; row++) {
            int order = row / perOrder;
            text.append('P').append(order % 50_000).append(",山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-").append(order)
                    .append(",2024-04-01 08:30,023,血清,3D0100000019261").append(10 + row % perOrder)
                    .append(",グルコース,").append(80 + row % 60).append(".5,mg/dL,70,109,").append(row % 7 == 0 ? "H" : "")
                    .append(",\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] oul(int messages, int perMessage) {
        StringBuilder text = new StringBuilder();
        for (int m = 0; m < messages; m++) {
            text.append("MSH|^~\\&|LAB|CENTRE|HIS|HOSP|20240401120000||OUL^R22^OUL_R22|").append(m)
                    .append("|P|2.5||||||~ISO IR87||ISO 2022-1994\r")
                    .append("PID|1||P").append(m % 50_000).append("^^^^PI||山田^太郎^^^^^L^I~ヤマダ^タロウ^^^^^L^P||19600101|M\r")
                    .append("SPM|1|S").append(m).append("||023^血清^JC10|||||||||||||202404010830\r")
                    .append("OBR|1|ORD-").append(m).append("|LAB-").append(m).append("|E001^生化学^99O03\r")
                    .append("ORC|SC|ORD-").append(m).append("|LAB-").append(m).append("\r");
            for (int o = 1; o <= perMessage; o++) {
                text.append("OBX|").append(o).append("|NM|3D0100000019261").append(10 + o).append("^検査").append(o)
                        .append("^JC10||").append(80 + (m + o) % 60).append(".5|mg/dL^mg/dL^ISO+|70-109|")
                        .append((m + o) % 7 == 0 ? "H" : "").append("|||F\r");
            }
        }
        return text.toString().getBytes(Hl7Text.ISO_2022_JP);
    }
}
