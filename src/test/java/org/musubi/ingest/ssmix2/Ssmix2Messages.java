package org.musubi.ingest.ssmix2;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Text;

/** Small SS-MIX2 messages written for these tests (not the NHO samples), and reading them. */
public final class Ssmix2Messages {

    public static final MappingContext FACILITY = new MappingContext("1312345678", "テスト病院");
    public static final Hl7Parsing PARSING = new Hl7Parsing();

    public static final String PID = "PID|0001||0001000052^^^^PI||山田^花子^^^^^L^I~ヤマダ^ハナコ^^^^^L^P||19700405|F|||"
            + "^^^^100-0001^JPN^H^東京都千代田区千代田１−１||^PRN^PH^^^^^^^^^03-0000-0000";

    private Ssmix2Messages() {
    }

    public static String msh(String type) {
        return "MSH|^~\\&|HIS|SEND|GW|RCV|20240401093000||" + type + "|1|P|2.5||||||~ISO IR87||ISO 2022-1994";
    }

    public static String message(String... segments) {
        return String.join("\r", segments) + "\r";
    }

    public static String patientRecord() {
        return message(msh("ADT^A08^ADT_A01"), "EVN||202404010900", PID, "PV1|0001|O",
                "OBX|1|NM|9N001000000000001^身長^JC10||158.2|cm^cm^ISO+|||||F",
                "OBX|2|NM|9N006000000000001^体重^JC10||51|kg^kg^ISO+|||||F|||20240315",
                "OBX|3|CWE|5H010000009199911^血液型-ABO式^JC10||O^O^JSHR002||||||F",
                "AL1|1|FA^食物アレルギー^HL70127|J001^卵^99ALG|SV^重度^HL70128|じんましん|20200101");
    }

    public static String admission(String admitted) {
        return message(msh("ADT^A01^ADT_A01"), "EVN||202404010900", PID,
                "PV1|0001|I|5^501^2^^^N||||D01^医師^一郎^^^^^^^L^^^^^I|||01|||||||D01^医師^一郎" + "|".repeat(27) + admitted);
    }

    public static String discharge(String discharged) {
        return discharge(discharged, "");
    }

    /** A discharge with visit number (PV1-19) and discharge time (PV1-45, EVN-6), without admission time. */
    public static String discharge(String discharged, String visit) {
        return message(msh("ADT^A03^ADT_A03"), "EVN||202404150900||||" + discharged, PID,
                "PV1|0001|I|5^501^2^^^N||||D01^医師^一郎^^^^^^^L^^^^^I|||01" + "|".repeat(9) + visit + "|".repeat(17) + "01"
                        + "|".repeat(9) + discharged);
    }

    public static String diagnoses() {
        return message(msh("PPR^ZD1^PPR_ZD1"), PID,
                "PRB|AD|20240301|20056573^２型糖尿病^MDCDX2|P0001|||20240210|||E119^^I10^O^外来時^JHSD0004||||||20240201|"
                        + "２型糖尿病|1^主診断^JHSD0007",
                "ZPR||20056573^２型糖尿病^MDCDX2|||DNL6^２型糖尿病^MDCDX2",
                "ORC|NW|123456789012345||||||||||D01^医師^一郎|||||01^内科^MML028",
                "PRB|AD|20240301|20059542^胃潰瘍^MDCDX2|P0002|||20240301||20240325|K259^^I10|||1|F^完全に回復した^HL70241|"
                        + "20240325|20240228",
                "PRB|DE|20240301|20050000^取消病名^MDCDX2|P0003");
    }

    public static String allergies() {
        return message(msh("ADT^A60^ADT_A60"), "EVN||202404010900", PID,
                "IAM|1|LA^花粉アレルギー^HL70127|5A1002216023023^スギ^JC10|MI^軽度^HL70128|鼻水|A^追加^HL70323|A-1||AL||199601",
                "IAM|2|DA^薬剤アレルギー^HL70127|106824501^アリナミン^HOT9|SV^重度^HL70128|発疹|U^更新^HL70323|A-2"
                        + "||||20070710||20240401||||C",
                "IAM|3|FA^食物アレルギー^HL70127|J002^そば^99ALG|MO^中等度^HL70128||D^削除^HL70323|A-3");
    }

    public static SourceFile file(String path, String message) {
        return file(path, message, Hl7Text.ISO_2022_JP);
    }

    public static SourceFile file(String path, String message, Charset charset) {
        return SourceFile.of(path, message.getBytes(charset));
    }

    public static Ssmix2Reader reader() {
        return new Ssmix2Reader(PARSING, Map.of());
    }

    public static List<ParseResult> read(Ssmix2Reader reader, SourceFile file) {
        List<ParseResult> results = new ArrayList<>();
        reader.read(file, FACILITY, results::add);
        return results;
    }

    public static ParseResult only(Ssmix2Reader reader, SourceFile file) {
        List<ParseResult> results = read(reader, file);
        if (results.size() != 1) {
            throw new AssertionError("expected one result, got " + results);
        }
        return results.getFirst();
    }

    public static ParseResult.Parsed parsed(String path, String message) {
        ParseResult result = only(reader(), file(path, message));
        if (result instanceof ParseResult.Parsed parsed) {
            return parsed;
        }
        throw new AssertionError("expected Parsed, got " + result);
    }

    public static ParseResult.Rejected rejected(ParseResult result) {
        if (result instanceof ParseResult.Rejected rejected) {
            return rejected;
        }
        throw new AssertionError("expected Rejected, got " + result);
    }
}
