package org.musubi.ingest.uke;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The closing count for UKE: every value the team's test files send that Musubi stores — item codes and amounts,
 * comment codes and data (CO records and items' own fields), diagnosis codes, 修飾語, uncoded names and 補足コメント —
 * counted in, and found out in the FHIR resources of its receipt exactly as sent (a coding's code, an extension's value,
 * a note's text, or the sent text kept whole inside the words Musubi writes), or named by a warning on its line. A value
 * neither found nor warned of is changed silently: there must be none.
 */
class UkeValueCountTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ITEM_SYSTEMS = Set.of(FhirSystems.RECEIPT_MEDICATION, FhirSystems.RECEIPT_PROCEDURE,
            FhirSystems.RECEIPT_MATERIAL);

    @Test
    void everyValueSentIsStoredAsSentOrWarnedOfNoneChangedSilently() {
        Map<String, UkeFiles> files = new LinkedHashMap<>();
        files.put(UkeReaderTest.CLINIC + " clinic", UkeReaderTest.clinicApril());
        files.put(UkeReaderTest.CLINIC + " eye", ReceiptCommentsTest.eyeClinic());
        files.put(UkeReaderTest.CLINIC + " names", ReceiptNamesTest.receipt());
        files.put(UkeReaderTest.PHARMACY + " pharmacy", UkeReaderTest.pharmacyApril());
        Map<String, int[]> counts = new TreeMap<>(); // kind → {in, stored exactly, warned, changed silently}
        files.forEach((key, file) -> count(key.split(" ")[0], file, counts));

        StringBuilder table = new StringBuilder();
        counts.forEach((kind, c) -> table.append(String.format("%-14s in %3d  stored as sent %3d  warned %2d  changed silently %d%n",
                kind, c[0], c[1], c[2], c[3])));
        System.out.print(table);
        assertThat(counts.values().stream().mapToInt(c -> c[3]).sum()).as(table.toString()).isZero();
        assertThat(counts.values().stream().mapToInt(c -> c[0]).sum()).as("values counted in").isEqualTo(82);
        counts.values().forEach(c -> assertThat(c[1] + c[2]).isEqualTo(c[0]));
    }

    private static void count(String institution, UkeFiles file, Map<String, int[]> counts) {
        List<ParseResult> results = UkeReaderTest.read("count.UKE", file.bytes(), institution);
        String[] lines = file.text().split("\r\n");
        boolean pharmacy = lines[0].startsWith("YK");
        int receipt = -1;
        for (int n = 0; n < lines.length; n++) {
            String[] f = (lines[n] + ",").split(",", -1);
            if (f[0].equals("RE")) {
                receipt++;
            }
            if (receipt < 0 || f[0].equals("RE") || f[0].equals("GO")) {
                continue;
            }
            ParseResult.Parsed parsed = (ParseResult.Parsed) results.get(receipt);
            Out out = Out.of(parsed);
            int line = n + 1;
            boolean warned = parsed.warnings().stream().anyMatch(w -> w.where().line() == line);
            switch (f[0]) {
                case "SI", "IY", "TO" -> {
                    int code = pharmacy ? 2 : 3; // field 3 (調剤) or 4 (医科); f[0] is field 1
                    tally(counts, "item code", f[code], out.codings.contains(f[code]), warned);
                    tally(counts, "amount", f[code + 1], out.amounts.stream().anyMatch(a -> same(a, f[code + 1])), warned);
                    if (!pharmacy) {
                        int first = f[0].equals("TO") ? 11 : 7; // fields 12–17 (TO) or 8–13
                        for (int i = first; i < first + 6; i += 2) {
                            tally(counts, "comment code", f[i], out.commentCodes.contains(f[i]), warned);
                            tally(counts, "comment data", f[i + 1], out.comment(f[i + 1]), warned);
                        }
                    }
                }
                case "CO" -> {
                    int code = pharmacy ? 1 : 3; // field 2 (調剤) or 4 (医科)
                    tally(counts, "comment code", f[code], out.commentCodes.contains(f[code]), warned);
                    tally(counts, "comment data", f[code + 1], out.comment(f[code + 1]), warned);
                }
                case "SY" -> {
                    tally(counts, "disease code", f[1], out.codings.contains(f[1]), warned);
                    for (int i = 0; i + 4 <= f[4].length(); i += 4) {
                        String modifier = f[4].substring(i, i + 4);
                        tally(counts, "modifier", modifier, out.modifiers.contains(modifier), warned);
                    }
                    tally(counts, "disease name", f[5], out.texts.stream().anyMatch(t -> t.contains(f[5])), warned);
                    tally(counts, "supplement", f[7], out.texts.contains(f[7]), warned);
                }
                default -> {
                }
            }
        }
    }

    private static void tally(Map<String, int[]> counts, String kind, String value, boolean found, boolean warned) {
        if (value == null || value.isBlank()) {
            return;
        }
        int[] c = counts.computeIfAbsent(kind, k -> new int[4]);
        c[0]++;
        c[found ? 1 : warned ? 2 : 3]++;
    }

    private static boolean same(String stored, String sent) {
        return !sent.isBlank() && new BigDecimal(stored).compareTo(new BigDecimal(sent.strip())) == 0;
    }

    /** What a receipt's resources hold, collected from their JSON. */
    private record Out(Set<String> codings, List<String> amounts, Set<String> commentCodes, List<String> commentData,
                       Set<String> modifiers, List<String> texts) {

        static Out of(ParseResult.Parsed parsed) {
            Out out = new Out(new java.util.HashSet<>(), new ArrayList<>(), new java.util.HashSet<>(), new ArrayList<>(),
                    new java.util.HashSet<>(), new ArrayList<>());
            for (MappedResource r : parsed.resources()) {
                out.walk(JSON.readTree(FHIR.newJsonParser().encodeResourceToString(r.resource())));
            }
            return out;
        }

        boolean comment(String sent) {
            return sent != null && (commentData.contains(sent) || texts.contains(sent));
        }

        private void walk(JsonNode node) {
            if (node.isArray()) {
                node.forEach(this::walk);
                return;
            }
            if (!node.isObject()) {
                return;
            }
            String system = node.path("system").asString(null);
            if (system != null && node.has("code") && (ITEM_SYSTEMS.contains(system) || FhirSystems.RECEIPT_DISEASE.equals(system))) {
                codings.add(node.path("code").asString());
            }
            if (FhirSystems.RECEIPT_DISEASE_MODIFIER.equals(system)) {
                modifiers.add(node.path("code").asString());
            }
            String url = node.path("url").asString("");
            if (url.equals(UkeSystems.AMOUNT)) {
                amounts.add(node.path("valueDecimal").asString());
            } else if (url.equals(UkeSystems.RECEIPT_COMMENT)) {
                commentCodes.add(node.path("valueCode").asString());
            } else if (url.equals(UkeSystems.COMMENT_DATA)) {
                commentData.add(node.path("valueString").asString());
            }
            for (String field : List.of("text", "contentString")) {
                if (node.path(field).isString()) {
                    texts.add(node.path(field).asString());
                }
            }
            node.properties().forEach(e -> walk(e.getValue()));
        }
    }
}
