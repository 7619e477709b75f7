package org.musubi.ingest.checkup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.record.fhir.FhirSystems;

/**
 * Every item of the 特定健診 form (第4期) as the MHLW's item table defines it (issue 38, finding 7): the table typed
 * from the spec ({@code checkup/spec/tokutei-items-v4.tsv}: 項目コード, 項目名, data type, unit, result-code table, a
 * sample value and reference range) is written as one 特定健診情報ファイル per item group, the way centres' software
 * writes them (item codes and coded values without {@code displayName}, as 日医特定健診システム writes coded values;
 * {@code interpretationCode} without a code system), read with the real reader, and each item must land with its code
 * and the spec's name, its value (a coded value with its code, table and the table's display), its unit as sent and as
 * UCUM, and the reference range the document gives, without a warning: the reader tolerates nothing in these files.
 */
class CheckupSpecItemsTest {

    static final String TABLE = "/checkup/spec/tokutei-items-v4.tsv";
    /** The LOINC code Musubi adds to a vital sign's item code; no other item gets one. */
    static final Map<String, String> LOINC = Map.ofEntries(Map.entry("9N001000000000001", "8302-2"),
            Map.entry("9N006000000000001", "29463-7"), Map.entry("9N011000000000001", "39156-5"),
            Map.entry("9N016160100000001", "8280-0"), Map.entry("9N016160200000001", "8280-0"),
            Map.entry("9A755000000000001", "8480-6"), Map.entry("9A752000000000001", "8480-6"),
            Map.entry("9A751000000000001", "8480-6"), Map.entry("9A765000000000001", "8462-4"),
            Map.entry("9A762000000000001", "8462-4"), Map.entry("9A761000000000001", "8462-4"));

    /** One row of the spec's item table and the sample a generated document carries for it. */
    record Item(String group, String code, String name, String type, String unit, String ucum, String table,
                String value, String display, String low, String high) {

        boolean ranged() {
            return !low.isEmpty() || !high.isEmpty();
        }
    }

    @Test
    void theTableHoldsEachItemOfTheFormOnce() {
        List<Item> items = items();

        assertThat(items).hasSize(90);
        assertThat(items).extracting(Item::code).doesNotHaveDuplicates().allMatch(CheckupCodes::isItemCode);
        assertThat(items).extracting(Item::type).allMatch(t -> List.of("PQ", "CD", "CO", "ST").contains(t));
    }

    @TestFactory
    Stream<DynamicTest> eachItemLandsWithItsCodeValueUnitAndRange() {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        items().forEach(i -> groups.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i));
        return groups.entrySet().stream().map(g -> DynamicTest.dynamicTest(g.getKey(), () -> check(g.getKey(), g.getValue())));
    }

    private static void check(String group, List<Item> items) {
        String file = "h-spec-" + group + ".xml";
        List<ParseResult> results = CheckupSamples.read(file, document(items));

        assertThat(results).as(group + ": one record, nothing rejected").hasSize(1).first().isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Parsed parsed = (ParseResult.Parsed) results.getFirst();
        assertThat(parsed.warnings()).as(group + ": warnings").extracting(Problem::code).isEmpty();
        SoftAssertions soft = new SoftAssertions();
        for (Item item : items) {
            Observation observation = observation(parsed, item.code());
            String what = item.code() + " " + item.name();
            Coding code = observation.getCode().getCodingFirstRep();
            soft.assertThat(code.getSystem()).as(what + ": code system").isEqualTo(FhirSystems.CHECKUP_ITEM);
            soft.assertThat(code.getCode()).as(what + ": code").isEqualTo(item.code());
            soft.assertThat(code.getDisplay()).as(what + ": the spec's name").isEqualTo(item.name());
            soft.assertThat(observation.getCode().getText()).as(what + ": text").isEqualTo(item.name());
            soft.assertThat(observation.getCode().getCoding().stream().filter(c -> FhirSystems.LOINC.equals(c.getSystem()))
                    .map(Coding::getCode).toList()).as(what + ": LOINC").isEqualTo(LOINC.containsKey(item.code())
                    ? List.of(LOINC.get(item.code())) : List.of());
            switch (item.type()) {
                case "PQ" -> quantity(soft, what, item, observation);
                case "CD", "CO" -> {
                    Coding value = observation.getValueCodeableConcept().getCodingFirstRep();
                    soft.assertThat(value.getSystem()).as(what + ": value's table").isEqualTo("urn:oid:" + item.table());
                    soft.assertThat(value.getCode()).as(what + ": value's code").isEqualTo(item.value());
                    soft.assertThat(value.getDisplay()).as(what + ": value's display").isEqualTo(item.display());
                    soft.assertThat(observation.getValueCodeableConcept().getText()).as(what + ": value's text")
                            .isEqualTo(item.display());
                }
                default -> soft.assertThat(observation.getValueStringType().getValue()).as(what + ": text value")
                        .isEqualTo(item.value());
            }
            if (!item.ranged()) {
                soft.assertThat(observation.getReferenceRange()).as(what + ": no reference range").isEmpty();
            }
        }
        soft.assertAll();
    }

    private static void quantity(SoftAssertions soft, String what, Item item, Observation observation) {
        Quantity value = observation.getValueQuantity();
        soft.assertThat(value.getValue()).as(what + ": value").isEqualByComparingTo(item.value());
        soft.assertThat(value.getUnit()).as(what + ": unit as sent").isEqualTo(item.unit());
        soft.assertThat(value.getSystem()).as(what + ": unit system").isEqualTo(FhirSystems.UCUM);
        soft.assertThat(value.getCode()).as(what + ": UCUM").isEqualTo(item.ucum());
        if (!item.ranged()) {
            return;
        }
        Observation.ObservationReferenceRangeComponent range = observation.getReferenceRangeFirstRep();
        bound(soft, what + ": low", item.low(), range.hasLow() ? range.getLow() : null, item.ucum());
        bound(soft, what + ": high", item.high(), range.hasHigh() ? range.getHigh() : null, item.ucum());
        soft.assertThat(observation.getInterpretationFirstRep().getCodingFirstRep().getCode()).as(what + ": interpretation")
                .isEqualTo(interpretation(item));
    }

    private static void bound(SoftAssertions soft, String what, String expected, Quantity actual, String ucum) {
        if (expected.isEmpty()) {
            soft.assertThat(actual).as(what + " absent").isNull();
            return;
        }
        soft.assertThat(actual).as(what).isNotNull();
        if (actual != null) {
            soft.assertThat(actual.getValue()).as(what).isEqualByComparingTo(expected);
            soft.assertThat(actual.getCode()).as(what + " UCUM").isEqualTo(ucum);
        }
    }

    /** H, L or N as the centre's software computes it from the value and the range it sends. */
    private static String interpretation(Item item) {
        BigDecimal value = new BigDecimal(item.value());
        if (!item.low().isEmpty() && value.compareTo(new BigDecimal(item.low())) < 0) {
            return "L";
        }
        return !item.high().isEmpty() && value.compareTo(new BigDecimal(item.high())) > 0 ? "H" : "N";
    }

    /** A 特定健診情報ファイル with one result per item, in the layout of the form (section 01010). */
    static String document(List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
                  <id nullFlavor="NI"/>
                  <code code="10" codeSystem="1.2.392.200119.6.1001"/>
                  <effectiveTime value="20250905"/>
                  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
                  <recordTarget>
                    <patientRole>
                      <id root="1.2.392.200119.6.101" extension="06349901"/>
                      <id root="1.2.392.200119.6.204" extension="ケンシ３４"/>
                      <id root="1.2.392.200119.6.205" extension="５６７８"/>
                      <patient>
                        <name>ケンシン　ミツコ</name>
                        <administrativeGenderCode code="2" codeSystem="1.2.392.200119.6.1104"/>
                        <birthTime value="19620215"/>
                      </patient>
                    </patientRole>
                  </recordTarget>
                  <documentationOf>
                    <serviceEvent>
                      <code code="010" codeSystem="1.2.392.200119.6.1002"/>
                      <effectiveTime value="20250901"/>
                      <performer typeCode="PRF">
                        <assignedEntity>
                          <id nullFlavor="NI"/>
                          <representedOrganization>
                            <id root="1.2.392.200119.6.102" extension="3420000099"/>
                            <name>むすび健診センター</name>
                          </representedOrganization>
                        </assignedEntity>
                      </performer>
                    </serviceEvent>
                  </documentationOf>
                  <component>
                    <structuredBody>
                      <component>
                        <section>
                          <code code="01010" codeSystem="1.2.392.200119.6.1010"/>
                          <text/>
                """);
        for (Item item : items) {
            xml.append("          <entry>\n            <observation classCode=\"OBS\" moodCode=\"EVN\">\n")
                    .append("              <code code=\"").append(item.code()).append("\" codeSystem=\"")
                    .append(CheckupCodes.ITEM).append("\"/>\n");
            switch (item.type()) {
                case "PQ" -> {
                    xml.append("              <value xsi:type=\"PQ\" value=\"").append(item.value()).append("\" unit=\"")
                            .append(item.unit()).append("\"/>\n");
                    if (item.ranged()) {
                        xml.append("              <interpretationCode code=\"").append(interpretation(item)).append("\"/>\n")
                                .append("              <referenceRange>\n                <observationRange classCode=\"OBS\""
                                        + " moodCode=\"EVN.CRT\">\n                  <value xsi:type=\"IVL_PQ\">");
                        if (!item.low().isEmpty()) {
                            xml.append("<low value=\"").append(item.low()).append("\" unit=\"").append(item.unit()).append("\"/>");
                        }
                        if (!item.high().isEmpty()) {
                            xml.append("<high value=\"").append(item.high()).append("\" unit=\"").append(item.unit())
                                    .append("\"/>");
                        }
                        xml.append("</value>\n                </observationRange>\n              </referenceRange>\n");
                    }
                }
                case "CD", "CO" -> xml.append("              <value xsi:type=\"").append(item.type()).append("\" code=\"")
                        .append(item.value()).append("\" codeSystem=\"").append(item.table()).append("\"/>\n");
                default -> xml.append("              <value xsi:type=\"ST\">").append(item.value()).append("</value>\n");
            }
            xml.append("            </observation>\n          </entry>\n");
        }
        return xml.append("""
                        </section>
                      </component>
                    </structuredBody>
                  </component>
                </ClinicalDocument>
                """).toString();
    }

    static List<Item> items() {
        try (InputStream in = CheckupSpecItemsTest.class.getResourceAsStream(TABLE)) {
            List<Item> items = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                items.add(new Item(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Observation observation(ParseResult.Parsed parsed, String item) {
        return parsed.resources().stream().filter(r -> r.sourceKey().equals(parsed.recordKey() + "/obs/" + item))
                .map(r -> (Observation) r.resource()).findFirst()
                .orElseThrow(() -> new AssertionError("no observation of " + item));
    }
}
