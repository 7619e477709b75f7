package org.musubi.record.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.musubi.record.fhir.observation.VitalSignCodes;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading a stored resource's JSON without building HAPI's model: a primitive's text, what a CodeableConcept
 * says, a code of a given system, dates as instants, quantities, whether it was entered in error and the
 * resource without insured-person numbers (an allergy's statuses: {@code record.fhir.allergy.AllergyStatus}; what a
 * reference points to: {@code record.fhir.reference.FhirReference}). Shared by the viewer and by the modules that read stored resources into their own values (the
 * medication list, {@code medication.fhir}).
 */
public final class FhirJson {

    /** Where a date without a time zone is a day: Japan. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private FhirJson() {
    }

    /** Reads and writes JSON keeping every other member as it was written (decimals keep their digits: 6.80). */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /**
     * A stored resource's JSON without the identifiers in JP-CLINS's insured-person system ({@link
     * FhirSystems#INSURANCE_MEMBER_ID}), wherever they are in it: a Patient's {@code identifier}, a reference's {@code
     * identifier} (a JP-CLINS Condition names its patient so), a Bundle's entries, contained resources, an extension's
     * {@code valueIdentifier}. The number is as sensitive as a card number: it is stored as the facility sent it, and
     * {@code record.ReadRecords} shows it only to that facility (docs/no-ehr.md). An object left empty by the removal
     * (a reference that named its patient only by the number) and a list left empty go too. JSON without the system's
     * URL is returned as it is, without being parsed.
     */
    public static String withoutInsuredNumbers(String json) {
        if (json == null || !json.contains(FhirSystems.INSURANCE_MEMBER_ID)) {
            return json;
        }
        JsonNode root = MAPPER.readTree(json);
        return root instanceof ObjectNode && stripInsured(root) != Stripped.KEPT ? MAPPER.writeValueAsString(root) : json;
    }

    /** What {@link #stripInsured} did to a value: nothing, removed something inside it, or the value goes. */
    private enum Stripped { KEPT, CHANGED, GONE }

    private static Stripped stripInsured(JsonNode value) {
        String system = value instanceof ObjectNode identifier ? text(identifier.path("system")) : null;
        if (system != null && FhirSystems.INSURANCE_MEMBER_ID.equals(system.strip())) {
            return Stripped.GONE;
        }
        boolean changed = false;
        if (value instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                Stripped inner = stripInsured(object.get(name));
                if (inner == Stripped.GONE) {
                    object.remove(name);
                }
                changed |= inner != Stripped.KEPT;
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                Stripped inner = stripInsured(array.get(i));
                if (inner == Stripped.GONE) {
                    array.remove(i);
                }
                changed |= inner != Stripped.KEPT;
            }
        }
        return !changed ? Stripped.KEPT : value.isEmpty() ? Stripped.GONE : Stripped.CHANGED;
    }

    /**
     * Whether a stored resource was entered in error: its {@code status} says so, or (a Condition, an
     * AllergyIntolerance) its verification status. Shown nowhere and counted nowhere.
     */
    public static boolean enteredInError(JsonNode resource) {
        return "entered-in-error".equals(text(resource.path("status")))
                || "entered-in-error".equals(text(resource.path("verificationStatus").path("coding").path(0).path("code")));
    }

    /** A primitive's value as text; {@code null} when absent or not a primitive. */
    public static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || !node.isValueNode() ? null : node.asString();
    }

    /**
     * What a CodeableConcept says: its text, else the first coding's display (a vital sign's LOINC code with only the
     * English display Musubi writes beside it: the measure's Japanese name, {@link VitalSignCodes#shownName}), else its code
     * — a receipt master's code ({@link FhirSystems#RECEIPT_MASTERS}) marked as one whose name is unknown ({@link
     * #unnamed}): the receipt import names every code its masters know, so a bare one is a code they lacked.
     */
    public static String concept(JsonNode concept) {
        String text = text(concept.path("text"));
        if (text != null) {
            return text;
        }
        for (JsonNode coding : concept.path("coding")) {
            String display = text(coding.path("display"));
            if (display != null) {
                // a vital sign Musubi coded with LOINC's English display alone reads by its Japanese name
                return VitalSignCodes.shownName(text(coding.path("system")), text(coding.path("code")), display)
                        .orElse(display);
            }
        }
        for (JsonNode coding : concept.path("coding")) {
            String code = text(coding.path("code"));
            if (code != null) {
                return FhirSystems.RECEIPT_MASTERS.contains(text(coding.path("system"))) ? unnamed(code) : code;
            }
        }
        return null;
    }

    /**
     * A receipt master's code whose name Musubi does not know, as every page, document and answer shows it: the code
     * and a mark in Japanese and English ({@code 620098801（名称不明 / name unknown）}).
     */
    public static String unnamed(String code) {
        return code + "（名称不明 / name unknown）";
    }

    /** The code of the concept's first coding whose system is one of {@code systems}. */
    public static String code(JsonNode concept, String... systems) {
        for (JsonNode coding : concept.path("coding")) {
            String system = text(coding.path("system"));
            for (String wanted : systems) {
                if (wanted.equals(system)) {
                    return text(coding.path("code"));
                }
            }
        }
        return null;
    }

    /** The first code of a concept's codings, whatever the system. */
    public static String anyCode(JsonNode concept) {
        for (JsonNode coding : concept.path("coding")) {
            String code = text(coding.path("code"));
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** A FHIR date, dateTime or instant as an instant (a date alone: its start in Japan); {@code null} when unreadable. */
    public static Instant instant(JsonNode node) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        try {
            return switch (value.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1).atStartOfDay(JAPAN).toInstant();
                case 7 -> YearMonth.parse(value).atDay(1).atStartOfDay(JAPAN).toInstant();
                case 10 -> LocalDate.parse(value).atStartOfDay(JAPAN).toInstant();
                default -> OffsetDateTime.parse(value).toInstant();
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** The first of several date elements that is present. */
    public static Instant firstInstant(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            Instant at = instant(node);
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    /** A Quantity as text for a screen: comparator, value and unit for people ({@code < 0.5 mg/dl}, {@link UnitText}). */
    public static String quantity(JsonNode quantity) {
        String value = text(quantity.path("value"));
        if (value == null) {
            return null;
        }
        String comparator = text(quantity.path("comparator"));
        String unit = text(quantity.path("unit"));
        if (unit == null) {
            unit = text(quantity.path("code"));
        }
        return (comparator == null ? "" : comparator + " ") + value + (unit == null ? "" : " " + UnitText.forPeople(unit));
    }
}
