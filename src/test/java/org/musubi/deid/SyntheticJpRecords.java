package org.musubi.deid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic JP Core shaped persons for the de-identification tests and benchmark (issue 48, deid): a Patient with
 * kanji and kana names, facility patient id, insurance card and JP-CLINS insured-person number, phone, address,
 * photo and narrative, then Encounters, Observations, Conditions and MedicationRequests (one with a contained
 * Medication) that carry dates, notes and references. All made up; the same seed gives the same persons.
 */
final class SyntheticJpRecords {

    static final String[] FAMILY = {"山田", "佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "中村"};
    static final String[] FAMILY_KANA = {"ヤマダ", "サトウ", "スズキ", "タカハシ", "タナカ", "ワタナベ", "イトウ", "ナカムラ"};
    static final String[] GIVEN = {"太郎", "花子", "一郎", "美咲", "健太", "陽子", "大輔", "由美"};
    static final String[] CITIES = {"広島市", "呉市", "福山市", "尾道市", "三原市", "東広島市"};

    /** One person's resources and the identifying values that must not survive de-identification. */
    record Person(String key, List<String> resources, List<String> secrets, String birthDate) {
    }

    private SyntheticJpRecords() {
    }

    static Person person(int n, int resources, Random random) {
        String pid = "P" + (100000 + n);
        String family = FAMILY[random.nextInt(FAMILY.length)] + n;
        int f = random.nextInt(FAMILY_KANA.length);
        String familyKana = FAMILY_KANA[f] + "ー" + n;
        String given = GIVEN[random.nextInt(GIVEN.length)];
        LocalDate born = LocalDate.of(1930 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String phone = String.format("082-%03d-%04d", n % 1000, 1000 + n % 9000);
        String card = String.format("%08d", 31000000 + n);
        String member = String.format("JM%07d", n);
        String regional = String.format("R-%09d", 500000000 + n);
        String street = "中区大手町" + (1 + n % 9) + "丁目" + (n % 50 + 1) + "-" + (n % 20 + 1);
        String postal = String.format("73%d-%04d", n % 10, n % 10000);
        String city = CITIES[random.nextInt(CITIES.length)];
        String gender = random.nextBoolean() ? "male" : "female";
        List<String> out = new ArrayList<>();
        out.add("""
                {"resourceType":"Patient","id":"%1$s","meta":{"profile":["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient"],"source":"urn:facility:1311234567"},
                 "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">%2$s %3$s</div>"},
                 "extension":[{"url":"http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Patient_BirthPlace","valueAddress":{"text":"%8$s"}}],
                 "identifier":[{"system":"urn:oid:1.2.392.100495.20.3.51.11311234567","value":"%1$s"},
                  {"system":"http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID","value":"%5$s"},
                  {"system":"urn:oid:1.2.392.100495.20.3.61.1","value":"%4$s"},
                  {"system":"urn:musubi:regional-id","value":"%6$s"}],
                 "name":[{"use":"official","family":"%2$s","given":["%3$s"],"text":"%2$s %3$s"},
                  {"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation","valueCode":"SYL"}],"family":"%9$s","given":["タロウ"]}],
                 "telecom":[{"system":"phone","value":"%7$s"}],
                 "gender":"%10$s","birthDate":"%11$s",
                 "address":[{"text":"広島県%12$s%8$s","line":["%8$s"],"city":"%12$s","state":"広島県","postalCode":"%13$s","country":"JP"}],
                 "photo":[{"contentType":"image/jpeg","data":"/9j/4AAQSkZJRg=="}],
                 "contact":[{"name":{"family":"%2$s","given":["次郎"]},"telecom":[{"system":"phone","value":"%7$s"}]}]}
                """.formatted(pid, family, given, card, member, regional, phone, street, familyKana, gender, born,
                city, postal));
        LocalDate day = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));
        for (int i = 1; i < resources; i++) {
            String id = pid + "-" + i;
            String when = day.plusDays(i * 3L) + "T" + String.format("%02d:%02d:00+09:00", 8 + i % 10, i % 60);
            out.add(switch (i % 4) {
                case 0 -> """
                        {"resourceType":"Encounter","id":"%1$s","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                         "identifier":[{"system":"urn:oid:1.2.392.100495.20.3.81.11311234567","value":"V%1$s"}],
                         "subject":{"reference":"Patient/%2$s","display":"%3$s"},"period":{"start":"%4$s","end":"%4$s"}}
                        """.formatted(id, pid, family, when);
                case 1 -> """
                        {"resourceType":"Observation","id":"%1$s","status":"final","code":{"coding":[{"system":"http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationLabResultCode_CS","code":"3D010000001926101"}],"text":"HbA1c"},
                         "subject":{"reference":"Patient/%2$s"},"encounter":{"reference":"Encounter/%2$s-4"},"effectiveDateTime":"%4$s",
                         "issued":"%4$s","valueQuantity":{"value":6.%5$d,"unit":"%%","system":"http://unitsofmeasure.org","code":"%%"},
                         "performer":[{"reference":"Practitioner/D1","display":"医師 %3$s"}],"note":[{"text":"%3$sさんに電話 %6$s"}]}
                        """.formatted(id, pid, family, when, i % 10, phone);
                case 2 -> """
                        {"resourceType":"Condition","id":"%1$s","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                         "code":{"coding":[{"system":"http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MDCDX2","code":"8843881"}],"text":"2型糖尿病"},
                         "subject":{"reference":"Patient/%2$s"},"onsetDateTime":"%4$s","recordedDate":"%5$s",
                         "note":[{"text":"%3$s 住所 %6$s"}]}
                        """.formatted(id, pid, family, when, when.substring(0, 10), street);
                default -> """
                        {"resourceType":"MedicationRequest","id":"%1$s","status":"active","intent":"order",
                         "contained":[{"resourceType":"Medication","id":"med1","code":{"coding":[{"system":"urn:oid:1.2.392.200119.4.403.1","code":"620007325"}]}}],
                         "identifier":[{"system":"http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber","value":"1"}],
                         "medicationReference":{"reference":"#med1"},"subject":{"reference":"Patient/%2$s"},"authoredOn":"%4$s",
                         "requester":{"reference":"Practitioner/D1","display":"医師 %3$s"},
                         "dosageInstruction":[{"text":"%3$s様 朝食後","timing":{"repeat":{"boundsPeriod":{"start":"%5$s"}}}}]}
                        """.formatted(id, pid, family, when, when.substring(0, 10));
            });
        }
        return new Person("person-" + n, out,
                List.of(family, familyKana, given, pid, card, member, regional, phone, street, postal,
                        born.toString(), "/9j/4AAQSkZJRg=="),
                born.toString());
    }
}
