package org.musubi.ingest.orca;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.record.fhir.FhirSystems;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The closing count for ORCA: the fixture patient 00101 (src/test/resources/orca/00101, ORCA's documented answer shapes)
 * pulled over HTTP from {@link OrcaStandIn} and read, and every element of every answer as it came accounted for. Each
 * value of the patient's record — patientgetv2's patient, contraindicated drugs, allergies and infections,
 * diseasegetv2's diseases, medicalgetv2's visits (class=01) and every item of every 剤 (class=02) — is counted in and
 * must be found in the FHIR resources of its record as sent (a code, a date, a name, a number, a text holding the sent
 * words whole; or through one of the documented one-to-one rules in {@link #RULES}), or be named by a warning of its
 * record. A value neither found nor warned of is changed silently: there must be none.
 *
 * <p>Not counted, each listed here by element name so that an element nobody classified fails the test: the answers'
 * envelope ({@code Api_Result} …) and their echo of the request and of the patient; the billing and administrative
 * parts (insurance, points, money, 伝票番号, 世帯主, 勤務先, 減免 …), which are outside the record by design
 * (docs/no-ehr.md); and the {@code Medication_Number} 1 ORCA writes on items that hold no quantity (用法, 部位, コメント,
 * ORCA's own markers) — a number other than 1 there is warned of.
 */
class OrcaValueCountTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The envelope of every answer, and what echoes the request or the patient (the patient's record has it). */
    private static final Set<String> ENVELOPE = Set.of("Information_Date", "Information_Time", "Api_Result",
            "Api_Result_Message", "Reskey", "Information_Overflow", "Base_Date", "Target_Patient_Count",
            "TestPatient_Flag");
    private static final Set<String> ECHOES = Set.of("Disease_Infores", "Patient_Information@medicalget01res",
            "Patient_Information@medicalget02res", "Perform_Date@medicalget02res", "Department_Code@medicalget02res",
            "Department_Name@medicalget02res", "Sequential_Number@medicalget02res");
    /** Billing and administrative elements: outside the record by design, with why. */
    private static final Map<String, String> OUTSIDE = Map.ofEntries(
            Map.entry("HealthInsurance_Information", "insurance"), Map.entry("Insurance_Combination_Number", "insurance"),
            Map.entry("Invoice_Number", "伝票番号"), Map.entry("HouseHolder_WholeName", "世帯主"),
            Map.entry("Relationship", "続柄"), Map.entry("WorkPlace_Information", "勤務先"),
            Map.entry("Reduction_Reason", "減免"), Map.entry("Reduction_Reason_Name", "減免"), Map.entry("Discount", "割引"),
            Map.entry("Discount_Name", "割引"), Map.entry("Ic_Code", "入金方法"), Map.entry("Ic_Code_Name", "入金方法"),
            Map.entry("Community_Cid_Agree", "地域連携ID"), Map.entry("FirstVisit_Date", "来院日"),
            Map.entry("LastVisit_Date", "来院日"), Map.entry("Disease_InOut", "入外区分 of the receipt"),
            Map.entry("Insurance_Disease", "保険病名 flag of the receipt"), Map.entry("Disease_Class", "疾患区分 (算定)"),
            Map.entry("Medical_Class_Point", "点数"), Map.entry("Medical_Class_Money", "金額"),
            Map.entry("Medical_Class_code", "算定"), Map.entry("Medical_Inclusion_Class", "包括 (算定)"),
            Map.entry("Medication_Point_Class", "点数"), Map.entry("Medication_Point", "点数"));
    /** The documented one-to-one rules by which a value is stored other than as a copy of its text. */
    private static final Map<String, String> RULES = Map.of(
            "Sex", "1 male, 2 female", "Death_Flag", "1 deceased",
            "Disease_Category", "PD JP-CLINS principal diagnosis",
            "Disease_Single_Code", "ZZZ + 修飾語コード → the 修飾語コード under masterZ",
            "WholeName", "family and given name, the space between them half-width",
            "WholeName_inKana", "family and given name, the space between them half-width",
            "Disease_Name", "the trailing の疑い the 修飾語 8002 says kept in the modifier extension",
            "Sequential_Number", "the visit's record key (:2 after a second visit of the day; 1 is the day's first)");

    @Test
    void everyValueOrcaSendsIsStoredAsSentOrWarnedOfNoneChangedSilently() throws Exception {
        try (OrcaStandIn orca = new OrcaStandIn("ormaster", "pw", TODAY)) {
            orca.addFixture("00101", TODAY.minusDays(1));
            List<IncomingFile> files = OrcaPull.window(new OrcaClient(OrcaStandIn.http(), orca.baseUrl(), "ormaster", "pw"),
                    TODAY.minusDays(3), TODAY);
            assertThat(files).hasSize(1);
            List<ParseResult> results = OrcaPullTest.read(files);
            Map<String, ParseResult.Parsed> records = new LinkedHashMap<>();
            results.forEach(r -> records.put(((ParseResult.Parsed) r).recordKey(), (ParseResult.Parsed) r));

            Count count = new Count(records);
            count.pulled(OrcaXml.parse(files.getFirst().file().bytes()));

            StringBuilder table = new StringBuilder();
            count.kinds.forEach((kind, c) -> table.append(String.format(
                    "%-28s in %3d  stored as sent %3d (by a rule %2d)  warned %2d  changed silently %d%n", kind, c[0], c[1],
                    c[4], c[2], c[3])));
            int[] total = new int[5];
            count.kinds.values().forEach(c -> {
                for (int i = 0; i < 5; i++) {
                    total[i] += c[i];
                }
            });
            table.append(String.format("%-28s in %3d  stored as sent %3d (by a rule %2d)  warned %2d  changed silently %d%n",
                    "ORCA, all values", total[0], total[1], total[4], total[2], total[3]));
            table.append(String.format("not counted: envelope and echoes %d, billing and administrative %d, placeholder"
                    + " quantities %d%n", count.envelope, count.outside, count.placeholders));
            System.out.print(table);

            assertThat(count.unclassified).as("every element ORCA sent is classified").isEmpty();
            assertThat(count.silent).as(table.toString()).isEmpty();
            assertThat(total[3]).isZero();
            assertThat(total[0]).as("values counted in").isEqualTo(total[1] + total[2]).isEqualTo(188);
            assertThat(total[2]).as("warned of").isEqualTo(1);
            assertThat(count.outside).as("billing and administrative values").isEqualTo(66);
        }
    }

    /** The count, element by element, of one pulled file. */
    private static final class Count {

        final Map<String, ParseResult.Parsed> records;
        /** kind → {in, stored as sent, warned, changed silently, of the stored: by a rule}. */
        final Map<String, int[]> kinds = new TreeMap<>();
        final List<String> unclassified = new ArrayList<>();
        final List<String> silent = new ArrayList<>();
        final Map<String, Out> outs = new HashMap<>();
        int envelope;
        int outside;
        int placeholders;
        private String patientId;

        Count(Map<String, ParseResult.Parsed> records) {
            this.records = records;
        }

        void pulled(Element root) {
            patientId = root.getAttribute("patient");
            for (Element answer : children(OrcaXml.child(root, "patient"))) {
                walk(answer, answer, "orca:patient:" + patientId, "patient", List.of());
            }
            for (Element answer : children(OrcaXml.child(root, "diseases"))) {
                int n = 0;
                for (Element child : children(answer)) {
                    if (!child.getTagName().equals("Disease_Information")) {
                        walk(child, answer, "orca:diseases:" + patientId, "disease", List.of());
                        continue;
                    }
                    for (Element d : children(child)) {
                        n++;
                        walk(d, answer, "orca:diseases:" + patientId, "disease", List.of("Disease_Information[" + n + "]"));
                    }
                }
            }
            for (Element answer : children(OrcaXml.child(root, "visits"))) {
                for (Element child : children(answer)) {
                    if (!child.getTagName().equals("Medical_List_Information")) {
                        walk(child, answer, null, "visit", List.of());
                        continue;
                    }
                    for (Element row : children(child)) {
                        walk(row, answer, visitRecord(row), "visit", List.of());
                    }
                }
            }
            Map<String, Integer> groups = new HashMap<>();
            for (Element answer : children(OrcaXml.child(root, "acts"))) {
                String record = visitRecord(answer);
                for (Element child : children(answer)) {
                    if (!child.getTagName().equals("Medical_List_Information")) {
                        walk(child, answer, record, "act", List.of());
                        continue;
                    }
                    for (Element insurance : children(child)) {
                        for (Element part : children(insurance)) {
                            if (!part.getTagName().equals("Medical_Information")) {
                                walk(part, answer, record, "act", List.of());
                                continue;
                            }
                            for (Element group : children(part)) {
                                if (OrcaXml.text(group, "Medical_Class") == null
                                        && OrcaXml.array(group, "Medication_info").isEmpty()) {
                                    continue;
                                }
                                int r = groups.merge(record, 1, Integer::sum);
                                group(group, answer, record, "剤[" + r + "]");
                            }
                        }
                    }
                }
            }
        }

        private void group(Element group, Element answer, String record, String where) {
            int i = 0;
            for (Element part : children(group)) {
                if (!part.getTagName().equals("Medication_info")) {
                    walk(part, answer, record, "act", List.of(where));
                    continue;
                }
                for (Element item : children(part)) {
                    String code = OrcaXml.text(item, "Medication_Code");
                    if (code == null && OrcaXml.text(item, "Medication_Name") == null) {
                        continue;
                    }
                    i++;
                    OrcaVisits.Item kind = code == null ? OrcaVisits.Item.COMMENT : OrcaVisits.Item.of(code);
                    boolean quantified = kind == OrcaVisits.Item.DRUG || kind == OrcaVisits.Item.PROCEDURE
                            || kind == OrcaVisits.Item.MATERIAL;
                    for (Element leaf : children(item)) {
                        if (!quantified && leaf.getTagName().equals("Medication_Number")
                                && "1".equals(leaf.getTextContent().strip())) {
                            placeholders++;
                            continue;
                        }
                        walk(leaf, answer, record, "act", List.of(where, "Medication_info[" + i + "]"));
                    }
                }
            }
        }

        private void walk(Element e, Element answer, String record, String api, List<String> path) {
            String name = e.getTagName();
            if (ENVELOPE.contains(name) || ECHOES.contains(name) || ECHOES.contains(name + "@" + answer.getTagName())
                    && e.getParentNode() == answer) {
                envelope += leaves(e);
                return;
            }
            if (OUTSIDE.containsKey(name)) {
                outside += leaves(e);
                return;
            }
            List<Element> children = children(e);
            if (!children.isEmpty()) {
                for (Element child : children) {
                    List<String> deeper = new ArrayList<>(path);
                    if (name.endsWith("_child")) {
                        String array = ((Element) e.getParentNode()).getTagName();
                        deeper.add(array + "[" + (children(e.getParentNode()).indexOf(e) + 1) + "]");
                    }
                    walk(child, answer, record, api, name.endsWith("_child") ? deeper : path);
                }
                return;
            }
            String value = e.getTextContent().strip();
            if (value.isEmpty()) {
                return;
            }
            if (!KINDS.containsKey(name) || record == null) {
                unclassified.add(api + " " + name + "=" + value);
                return;
            }
            ParseResult.Parsed parsed = records.get(record);
            assertThat(parsed).as(record).isNotNull();
            Out out = outs.computeIfAbsent(record, k -> Out.of(parsed));
            boolean found = found(KINDS.get(name), name, value, out, parsed);
            boolean warned = !found && warned(parsed.warnings(), path, name);
            int[] c = kinds.computeIfAbsent(api + " " + name, k -> new int[5]);
            c[0]++;
            c[found ? 1 : warned ? 2 : 3]++;
            if (found && RULES.containsKey(name) && !out.strings.contains(value)) {
                c[4]++;
            }
            if (!found && !warned) {
                silent.add(record + " " + String.join(".", path) + " " + name + "=" + value);
            }
        }

        private String visitRecord(Element e) {
            String day = OrcaXml.text(e, "Perform_Date");
            String department = OrcaXml.text(e, "Department_Code");
            String sequence = OrcaXml.text(e, "Sequential_Number");
            return "orca:visit:" + patientId + ":" + day + ":" + department
                    + (sequence == null || sequence.equals("1") ? "" : ":" + sequence);
        }
    }

    /** How a value is looked for in its record's resources. */
    private enum Match { EXACT, WORDS, NUMBER, NAME, DISEASE_NAME, TABLE, MODIFIER_OR_CODE, KEY, NOT_STORED }

    private static final Map<String, Match> KINDS = kinds();

    private static Map<String, Match> kinds() {
        Map<String, Match> kinds = new HashMap<>();
        for (String name : List.of("Patient_ID", "BirthDate", "Address_ZipCode", "PhoneNumber1", "PhoneNumber2",
                "CellularNumber", "EmailAddress", "NickName", "Contraindication1", "Contraindication2", "Allergy1",
                "Allergy2", "Infection1", "Infection2", "Medication_Code", "Medication_EndDate", "Contra_StartDate",
                "Department_Code", "Department_Name", "Disease_Single_Name", "Disease_StartDate", "Disease_EndDate",
                "Disease_OutCome", "Disease_SuspectedFlag", "Disease_Supplement_Single_Code",
                "Disease_Supplement_Single_Name", "Perform_Date", "Medical_Class", "Medical_Class_Name", "Unit_Code",
                "Unit_Code_Name")) {
            kinds.put(name, Match.EXACT);
        }
        for (String name : List.of("WholeAddress1", "WholeAddress2", "Medication_Name", "Medication_Name_Input_Value",
                "Medication_Input_Code", "Disease_Supplement_Name", "Disease_Karte_Name")) {
            kinds.put(name, Match.WORDS);
        }
        kinds.put("Medication_Number", Match.NUMBER);
        kinds.put("Medical_Class_Number", Match.NUMBER);
        kinds.put("WholeName", Match.NAME);
        kinds.put("WholeName_inKana", Match.NAME);
        kinds.put("Disease_Name", Match.DISEASE_NAME);
        kinds.put("Sex", Match.TABLE);
        kinds.put("Death_Flag", Match.TABLE);
        kinds.put("Disease_Category", Match.TABLE);
        kinds.put("Disease_Single_Code", Match.MODIFIER_OR_CODE);
        kinds.put("Sequential_Number", Match.KEY);
        for (String name : List.of("Comment1", "Comment2", "Pregnant_Class", "Disease_Single_Condition")) {
            kinds.put(name, Match.NOT_STORED);
        }
        return kinds;
    }

    private static boolean found(Match match, String name, String value, Out out, ParseResult.Parsed parsed) {
        return switch (match) {
            case EXACT -> out.strings.contains(value);
            case WORDS -> out.strings.stream().anyMatch(s -> s.contains(value));
            case NUMBER -> out.strings.contains(value) || out.numbers.stream().anyMatch(n -> same(n, value));
            case NAME -> out.names.contains(value.replace('\u3000', ' '));
            case DISEASE_NAME -> out.strings.contains(value) || out.suspectedNames.contains(value);
            case TABLE -> switch (name) {
                case "Sex" -> out.strings.contains(Map.of("1", "male", "2", "female").getOrDefault(value, "unknown"));
                case "Death_Flag" -> value.equals("1") == out.deceased;
                default -> value.equals("PD") && out.principal;
            };
            case MODIFIER_OR_CODE -> value.startsWith("ZZZ") ? out.modifiers.contains(value.substring(3))
                    : out.diseaseCodes.contains(value);
            case KEY -> value.equals("1") ? !parsed.recordKey().matches(".*:[0-9]{4}-[0-9]{2}-[0-9]{2}:[^:]*:[0-9]+")
                    : parsed.recordKey().endsWith(":" + value);
            case NOT_STORED -> false;
        };
    }

    /** Whether a warning of the record names the value: its element, and the disease, 剤 and item it is in. */
    private static boolean warned(List<Problem> warnings, List<String> path, String name) {
        return warnings.stream().map(w -> w.where().field()).anyMatch(field -> field != null
                && (field.equals(name) || field.endsWith("." + name)) && path.stream().allMatch(field::contains));
    }

    private static boolean same(BigDecimal stored, String sent) {
        return sent.matches("[0-9]+(\\.[0-9]+)?") && stored.compareTo(new BigDecimal(sent)) == 0;
    }

    private static int leaves(Element e) {
        List<Element> children = children(e);
        if (children.isEmpty()) {
            return e.getTextContent().isBlank() ? 0 : 1;
        }
        return children.stream().mapToInt(OrcaValueCountTest::leaves).sum();
    }

    private static List<Element> children(Node parent) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    /** What a record's resources hold, collected from their JSON. */
    private record Out(Set<String> strings, List<BigDecimal> numbers, Set<String> names, Set<String> suspectedNames,
                       Set<String> modifiers, Set<String> diseaseCodes, boolean deceased, boolean principal) {

        static Out of(ParseResult.Parsed parsed) {
            Out out = new Out(new java.util.HashSet<>(), new ArrayList<>(), new java.util.HashSet<>(),
                    new java.util.HashSet<>(), new java.util.HashSet<>(), new java.util.HashSet<>(),
                    parsed.authoritative() && parsed.patientResource().hasDeceasedBooleanType()
                            && parsed.patientResource().getDeceasedBooleanType().booleanValue(),
                    parsed.resources().stream().map(MappedResource::resource).anyMatch(r -> r instanceof
                            org.hl7.fhir.r4.model.Condition c && c.hasExtension(FhirSystems.DIAGNOSIS_TYPE)));
            if (parsed.authoritative()) {
                out.walk(JSON.readTree(FHIR.newJsonParser().encodeResourceToString(parsed.patientResource())));
            }
            for (MappedResource r : parsed.resources()) {
                JsonNode json = JSON.readTree(FHIR.newJsonParser().encodeResourceToString(r.resource()));
                out.walk(json);
                out.suspicion(json);
            }
            return out;
        }

        /** A diagnosis whose text leaves out the の疑い its 修飾語 8002 keeps: the name as ORCA composed it. */
        private void suspicion(JsonNode resource) {
            JsonNode code = resource.path("code");
            for (JsonNode extension : code.path("extension")) {
                JsonNode modifier = extension.path("valueCodeableConcept").path("coding").path(0);
                if (extension.path("url").asString("").equals(FhirSystems.DISEASE_POSTFIX_MODIFIER)
                        && modifier.path("code").asString("").equals("8002") && code.path("text").isString()) {
                    suspectedNames.add(code.path("text").asString() + modifier.path("display").asString(""));
                }
            }
        }

        private void walk(JsonNode node) {
            if (node.isString()) {
                strings.add(node.asString());
                return;
            }
            if (node.isNumber()) {
                numbers.add(node.decimalValue());
                return;
            }
            if (node.isArray()) {
                node.forEach(this::walk);
                return;
            }
            if (!node.isObject()) {
                return;
            }
            String system = node.path("system").asString(null);
            if (FhirSystems.RECEIPT_DISEASE_MODIFIER.equals(system)) {
                modifiers.add(node.path("code").asString());
            }
            if (FhirSystems.RECEIPT_DISEASE.equals(system)) {
                diseaseCodes.add(node.path("code").asString());
            }
            if (node.has("family")) {
                String family = node.path("family").asString();
                JsonNode given = node.path("given").path(0);
                names.add(given.isString() ? family + " " + given.asString() : family);
            }
            node.properties().forEach(e -> walk(e.getValue()));
        }
    }
}
