package org.musubi.medication.notebook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.record.fhir.FhirSystems;

/**
 * 201 薬品コード種別 ↔ FHIR code systems, both ways. Systems (JP Core {@code guide-urlmap.md}; JP-CLINS
 * clinical-core update history, OID table of the MHLW 処方箋CDA 記述仕様):
 * 2 レセプト電算コード {@code urn:oid:1.2.392.100495.20.2.71} (no URL form yet: "関係者調整中");
 * 3 厚労省コード (薬価基準収載医薬品コード) {@code urn:oid:1.2.392.100495.20.2.72} (likewise);
 * 4 YJ {@code http://capstandard.jp/iyaku.info/CodeSystem/YJ-code} (= urn:oid:1.2.392.100495.20.2.73);
 * 6 HOT by length: 7 {@code master-HOT7}, 9 {@code master-HOT9} (= urn:oid:1.2.392.200119.4.403.1, also
 * known as …20.2.74), 13 {@code master-HOT13}; a HOT code of another length keeps a Musubi URN.
 * The generic name (一般名, type 2) is {@code MedicationGeneralOrderCode} (= urn:oid:1.2.392.100495.20.2.81);
 * a generic name without a code is a coding with only a display.
 */
public final class DrugCodes {

    public static final String RECEIPT = "urn:oid:1.2.392.100495.20.2.71";

    /** JAHIS code type by system, OID aliases included (for resources other adapters wrote). */
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry(RECEIPT, "2"), Map.entry(FhirSystems.PRICE_CODE, "3"),
            Map.entry(FhirSystems.PRICE_CODE_ALIAS, "3"), Map.entry(FhirSystems.YJ, "4"),
            Map.entry(FhirSystems.YJ_OID, "4"), Map.entry(FhirSystems.YJ_OID_ALIAS, "4"),
            Map.entry(FhirSystems.HOT7, "6"), Map.entry(FhirSystems.HOT9, "6"), Map.entry(FhirSystems.HOT13, "6"),
            Map.entry(FhirSystems.JAHIS_OTHER_HOT, "6"),
            Map.entry("urn:oid:1.2.392.200119.4.403.2", "6"), Map.entry("urn:oid:1.2.392.200119.4.403.1", "6"),
            Map.entry("urn:oid:1.2.392.100495.20.2.74", "6"), Map.entry("urn:oid:1.2.392.200119.4.402.1", "6"));
    private static final List<String> GENERIC_SYSTEMS = List.of(FhirSystems.GENERIC_NAME, "urn:oid:1.2.392.100495.20.2.81",
            "urn:oid:1.2.392.100495.20.1.81");

    /** A code as JAHIS writes it: 薬品コード種別 and 薬品コード. */
    public record TypedCode(String type, String code) {
    }

    private DrugCodes() {
    }

    /** The code system of a drug code of JAHIS code type {@code type}. */
    public static String system(String type, String code) {
        return switch (type) {
            case "2" -> RECEIPT;
            case "3" -> FhirSystems.PRICE_CODE;
            case "4" -> FhirSystems.YJ;
            default -> switch (code.length()) {
                case 7 -> FhirSystems.HOT7;
                case 9 -> FhirSystems.HOT9;
                case 13 -> FhirSystems.HOT13;
                default -> FhirSystems.JAHIS_OTHER_HOT;
            };
        };
    }

    /** The first coding JAHIS has a code type for. */
    public static Optional<TypedCode> drugCode(CodeableConcept concept) {
        return concept.getCoding().stream().filter(c -> c.hasCode() && c.hasSystem() && TYPES.containsKey(c.getSystem()))
                .findFirst()
                .map(c -> new TypedCode(TYPES.get(c.getSystem()), c.getCode()));
    }

    /** The generic-name coding: one of the generic-name systems, or a coding with only a display. */
    public static Optional<Coding> generic(CodeableConcept concept) {
        return concept.getCoding().stream()
                .filter(c -> c.hasSystem() ? GENERIC_SYSTEMS.contains(c.getSystem()) : !c.hasCode() && c.hasDisplay())
                .findFirst();
    }
}
