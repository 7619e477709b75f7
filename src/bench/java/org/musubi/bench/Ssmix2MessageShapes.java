package org.musubi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Text;

/**
 * SS-MIX2 files for {@link Ssmix2ParseBenchmark}, generated in memory as a hospital writes them
 * (ISO-2022-JP, CR segment ends, placed in their storage folders): ADT-00 patient information with
 * height, weight, blood type and an allergy, ADT-22 admissions, ADT-52 discharges, and PPR-01
 * diagnosis lists of 1 to 5 diagnoses, in equal shares, each for its own patient.
 */
final class Ssmix2MessageShapes {

    static final String[] TYPES = {"ADT-00", "ADT-22", "ADT-52", "PPR-01"};
    private static final String[] FAMILY = {"山田^ヤマダ", "佐藤^サトウ", "鈴木^スズキ", "高橋^タカハシ", "田中^タナカ"};
    private static final String[] GIVEN = {"太郎^タロウ", "花子^ハナコ", "一郎^イチロウ", "美咲^ミサキ", "健^ケン"};

    private Ssmix2MessageShapes() {
    }

    static List<SourceFile> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SourceFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "%010d".formatted(1_000_000 + i);
            String type = TYPES[i % TYPES.length];
            String date = type.equals("ADT-22") ? "20240401" : type.equals("ADT-52") ? "20240415" : "-";
            String name = id + "_" + date + "_" + type + "_999999999999999_20240415100000" + "%03d".formatted(i % 1000) + "_01_1";
            String path = id.substring(0, 3) + "/" + id.substring(3, 6) + "/" + id + "/" + date + "/" + type + "/" + name;
            files.add(SourceFile.of(path, message(type, pid(id, random), random).getBytes(Hl7Text.ISO_2022_JP)));
        }
        return files;
    }

    private static String message(String type, String pid, SplittableRandom random) {
        return switch (type) {
            case "ADT-00" -> join(msh("ADT^A08^ADT_A01"), "EVN||202404010900", pid, "PV1|0001|O",
                    "OBX|1|NM|9N001000000000001^身長^JC10||" + (150 + random.nextInt(40)) + ".2|cm^cm^ISO+|||||F",
                    "OBX|2|NM|9N006000000000001^体重^JC10||" + (45 + random.nextInt(50)) + ".5|kg^kg^ISO+|||||F",
                    "OBX|3|CWE|5H010000009199911^血液型-ABO式^JC10||A^A^JSHR002||||||F",
                    "AL1|1|DA^薬剤アレルギー^HL70127|1^ペニシリン^99XYZ");
            case "ADT-22" -> join(msh("ADT^A01^ADT_A01"), "EVN||202404011000", pid,
                    "PV1|0001|I|5^501^2^^^N||||D01^医師^一郎^^^^^^^L^^^^^I|||01|||||||D01^医師^一郎" + "|".repeat(27) + "202404011030");
            case "ADT-52" -> join(msh("ADT^A03^ADT_A03"), "EVN||202404151000||||202404151000", pid,
                    "PV1|0001|I|5^501^2^^^N||||D01^医師^一郎^^^^^^^L^^^^^I|||01" + "|".repeat(34) + "20240401|202404151000");
            default -> diagnoses(pid, 1 + random.nextInt(5));
        };
    }

    private static String diagnoses(String pid, int count) {
        List<String> segments = new ArrayList<>(List.of(msh("PPR^ZD1^PPR_ZD1"), pid));
        for (int i = 0; i < count; i++) {
            segments.add("PRB|AD|20240301|2005417" + i + "^胃炎^MDCDX2|P000" + i + "|||20240210|||K297^^I10^O^外来時^JHSD0004"
                    + "||||N^回復せず^HL70241||20240201|胃炎|" + (i == 0 ? "1^主診断^JHSD0007" : ""));
            segments.add("ZPR||2005417" + i + "^胃炎^MDCDX2|||TSQF^胃炎^MDCDX2");
            segments.add("ORC|NW|123456789012345||||||||||D01^医師^一郎|||||01^内科^MML028");
        }
        return join(segments.toArray(String[]::new));
    }

    private static String pid(String id, SplittableRandom random) {
        String[] family = FAMILY[random.nextInt(FAMILY.length)].split("\\^");
        String[] given = GIVEN[random.nextInt(GIVEN.length)].split("\\^");
        return "PID|0001||" + id + "^^^^PI||" + family[0] + "^" + given[0] + "^^^^^L^I~" + family[1] + "^" + given[1]
                + "^^^^^L^P||19" + (40 + random.nextInt(60)) + "0405|" + (random.nextBoolean() ? "M" : "F")
                + "|||^^^^422-8033^JPN^H^静岡県静岡市登呂１−３−５||^PRN^PH^^^^^^^^^054-000-0000";
    }

    private static String msh(String type) {
        return "MSH|^~\\&|HIS|SEND|GW|RCV|20240415100000||" + type + "|1|P|2.5||||||~ISO IR87||ISO 2022-1994";
    }

    private static String join(String... segments) {
        return String.join("\r", segments) + "\r";
    }
}
