package org.musubi.bench;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.jahis.JahisReader;

/**
 * JAHIS e-medication notebook parse + map throughput: generates notebooks in memory (half UTF-8 LF,
 * half Shift_JIS CRLF; each a patient, a note and {@code --perFile} dispensing blocks of two or three
 * RPs with notes), reads a warm-up share, then times reading all of them with {@link JahisReader}
 * (decoding, checks, keys and FHIR resources) and prints dispensing records per second. A
 * {@code main}, not a test: {@code bench/run.sh org.musubi.bench.JahisParseBenchmark --blocks=200000}.
 */
public final class JahisParseBenchmark {

    static final Map<String, Long> DEFAULTS = defaults();
    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final String[][] DRUGS = {
            {"アムロジピン錠５ｍｇ「サワイ」", "4", "2171022F1039", "1", "錠"}, {"ノルバスク錠２．５ｍｇ", "2", "612170709", "1", "錠"},
            {"ロキソニン錠６０ｍｇ", "2", "610406001", "3", "錠"}, {"ムコダイン錠２５０ｍｇ", "6", "103835401", "3", "錠"},
            {"タケキャブ錠２０ｍｇ", "4", "2329030F1020", "1", "錠"}, {"カロナール錠２００", "6", "110626901", "2", "錠"},
            {"ヒルドイドソフト軟膏０．３％", "1", "", "25", "g"}, {"メトホルミン塩酸塩錠２５０ｍｇＭＴ「トーワ」", "4", "3962002F1160", "4", "錠"}};
    private static final String[] FAMILY = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村"};
    private static final String[] GIVEN = {"太郎", "花子", "一郎", "美咲", "健", "陽子", "翔", "さくら"};

    private JahisParseBenchmark() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args, DEFAULTS);
        SplittableRandom random = new SplittableRandom(options.get("seed"));
        int perFile = options.integer("perFile");
        List<SourceFile> warmup = notebooks(options.integer("warmup") / perFile, perFile, random);
        List<SourceFile> files = notebooks(options.integer("blocks") / perFile, perFile, random);
        long bytes = files.stream().mapToLong(SourceFile::size).sum();
        JahisReader reader = new JahisReader();
        MappingContext context = new MappingContext("1341234567", "ベンチ薬局");
        read(reader, context, warmup);
        long start = System.nanoTime();
        long[] counts = read(reader, context, files);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("JahisParseBenchmark %s%n", options);
        System.out.printf("files %,d (%,.1f MB), dispensing records %,d, other records %,d, rejected %d, resources %,d%n",
                files.size(), bytes / 1e6, counts[0], counts[1], counts[2], counts[3]);
        System.out.printf("parse+map %.2f s: %,.0f dispensing records/s, %,.0f files/s, %,.1f MB/s%n", seconds,
                counts[0] / seconds, files.size() / seconds, bytes / 1e6 / seconds);
    }

    /** Dispensing records, other parsed records, rejections, resources. */
    private static long[] read(JahisReader reader, MappingContext context, List<SourceFile> files) {
        long[] counts = new long[4];
        for (SourceFile file : files) {
            reader.read(file, context, result -> {
                if (result instanceof ParseResult.Parsed parsed) {
                    counts[parsed.recordKey().startsWith("jahis:dispense:") ? 0 : 1]++;
                    counts[3] += parsed.resources().size();
                } else {
                    counts[2]++;
                }
            });
        }
        return counts;
    }

    static List<SourceFile> notebooks(int count, int perFile, SplittableRandom random) {
        List<SourceFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = notebook(perFile, random);
            boolean sjis = i % 2 == 1;
            byte[] bytes = sjis ? text.replace("\n", "\r\n").getBytes(SHIFT_JIS) : text.getBytes(StandardCharsets.UTF_8);
            files.add(SourceFile.of("notebook-" + i + ".txt", bytes));
        }
        return files;
    }

    private static String notebook(int blocks, SplittableRandom random) {
        String family = FAMILY[random.nextInt(FAMILY.length)];
        String given = GIVEN[random.nextInt(GIVEN.length)];
        StringBuilder text = new StringBuilder("JAHISTC08,1\n");
        text.append("1,").append(family).append(' ').append(given).append(',').append(1 + random.nextInt(2)).append(',')
                .append(19300101 + random.nextInt(80) * 10000 + random.nextInt(12) * 100 + random.nextInt(28))
                .append(",105-0004,東京都港区新橋1-2-").append(random.nextInt(50)).append(",03-1234-5678\n");
        text.append("2,1,ペニシリン系,1\n");
        LocalDate date = LocalDate.of(2026, 3, 31);
        for (int b = 0; b < blocks; b++) {
            date = date.minusDays(1 + random.nextInt(30));
            block(text, date, random);
        }
        return text.toString();
    }

    private static void block(StringBuilder text, LocalDate date, SplittableRandom random) {
        int pharmacy = random.nextInt(200);
        text.append("5,").append(date.toString().replace("-", "")).append(",1\n")
                .append("11,みなと薬局 ").append(pharmacy).append("号店,13,4,").append(1000000 + pharmacy).append(",,,03-0000-0000,1\n")
                .append("15,薬剤師 一郎,03-0000-0000,1\n51,みなと内科クリニック,13,1,7654321,1\n55,内科 太郎,内科,1\n");
        int rps = 2 + random.nextInt(2);
        for (int rp = 1; rp <= rps; rp++) {
            String[] drug = DRUGS[random.nextInt(DRUGS.length)];
            text.append("201,").append(rp).append(',').append(drug[0]).append(',').append(drug[3]).append(',').append(drug[4])
                    .append(',').append(drug[1]).append(',').append(drug[2]).append(",1\n");
            text.append("281,").append(rp).append(",朝夕１錠ずつ,1\n");
            text.append("301,").append(rp).append(",毎食後服用,").append(7 + random.nextInt(28)).append(",日分,1,1,,1\n");
        }
        text.append("401,他の薬と一緒に飲むときは相談してください,1\n501,次回は２週間後,1\n");
    }

    private static Map<String, Long> defaults() {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("blocks", 200_000L);
        defaults.put("perFile", 5L);
        defaults.put("warmup", 50_000L);
        defaults.put("seed", 1L);
        return defaults;
    }
}
