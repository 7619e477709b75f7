package org.musubi.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a {@link DeidConfig} to FHIR resources as Jackson trees (issue 48, deid). A walker over the JSON: each
 * element's path ({@code Observation.component.valueString}, array positions left out) and its data type (inferred
 * from the element's name and shape: FHIR JSON carries no types) are matched against the rules in order; the first
 * rule that selects it decides, and the walk does not go below a rule's element. Resources inside resources
 * ({@code contained}, Bundle entries) are walked as resources of their own type. Measured against HAPI's FHIRPath
 * engine in docs/deidentification.md: the walker does one pass over the tree instead of one evaluation per rule.
 * Thread-safe; the report is the caller's.
 */
public final class DeidEngine {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> NOT_DATES = Set.of("id", "reference", "system", "code", "value", "version", "url",
            "div", "display", "text");
    private static final Set<String> DATE_NAMES = Set.of("birthDate", "date", "issued", "recorded", "authoredOn",
            "start", "end", "lastUpdated", "valueDate", "valueDateTime", "deceasedDateTime", "onsetDateTime",
            "abatementDateTime", "effectiveDateTime", "occurrenceDateTime", "recordedDate", "performedDateTime");

    private final DeidConfig config;
    private final DeidKeys keys;
    private final List<Compiled> rules;

    public DeidEngine(DeidConfig config, DeidKeys keys) {
        this.config = config;
        this.keys = keys;
        List<Compiled> compiled = new ArrayList<>();
        for (DeidRule rule : config.rules()) {
            compiled.add(Compiled.of(rule));
        }
        this.rules = List.copyOf(compiled);
    }

    public DeidConfig config() {
        return config;
    }

    /** The person's date shift in days (the same for all of the person's resources). */
    public int shiftDays(String personKey) {
        return keys.shiftDays(personKey, config.dateShiftRange());
    }

    /** The hashed id a resource {@code type/id} gets, and references to it. */
    public String hashedId(String type, String id) {
        return keys.hash(type + "/" + id);
    }

    /** De-identifies one resource in place (for the person whose shift is {@code shiftDays}). */
    public void apply(ObjectNode resource, int shiftDays, DeidReport report) {
        new Walk(shiftDays, report).resource(resource, false);
    }

    private record Compiled(DeidRule rule, int form, String text) {
        static final int TYPE = 0;
        static final int EXACT = 1;
        static final int ANY_TYPE = 2;
        static final int DEEP = 3;

        static Compiled of(DeidRule rule) {
            String s = rule.selector();
            if (rule.byType()) {
                return new Compiled(rule, TYPE, rule.typeName());
            }
            if (s.startsWith("**.")) {
                return new Compiled(rule, DEEP, s.substring(2));
            }
            if (s.startsWith("*.")) {
                return new Compiled(rule, ANY_TYPE, s.substring(1));
            }
            return new Compiled(rule, EXACT, s);
        }

        boolean matches(String path, String rest, String type, String stringValue) {
            return switch (form) {
                case TYPE -> type != null && (text.equals(type)
                        || text.equals("dateTime") && (type.equals("date") || type.equals("instant"))
                        || text.equals("instant") && type.equals("dateTime") && stringValue != null
                                && stringValue.length() > 10);
                case EXACT -> text.equals(path);
                case ANY_TYPE -> text.equals(rest);
                default -> rest.endsWith(text);
            };
        }
    }

    private final class Walk {
        private final int shift;
        private final DeidReport report;

        Walk(int shift, DeidReport report) {
            this.shift = shift;
            this.report = report;
        }

        void resource(ObjectNode resource, boolean contained) {
            String type = resource.path("resourceType").asString("Resource");
            object(resource, type, "", true, contained);
        }

        /** {@code rest} is the path below the resource type, "" at the root, ".name.given" below. */
        private void object(ObjectNode object, String type, String rest, boolean root, boolean contained) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value == null || name.equals("resourceType")) {
                    continue;
                }
                boolean primitiveExtension = name.startsWith("_");
                String element = primitiveExtension ? name.substring(1) : name;
                String childRest = rest + "." + element;
                if (root && contained && name.equals("id")) {
                    continue; // a contained resource's id is local to its container ("#id" references stay)
                }
                if (name.equals("contained") || value.isObject() && value.has("resourceType")) {
                    eachObject(value, o -> resource(o, name.equals("contained")));
                    continue;
                }
                String stringValue = value.isString() ? value.asString() : null;
                String dataType = primitiveExtension ? null : dataType(element, value, stringValue, root);
                Compiled match = null;
                for (Compiled rule : rules) {
                    if (rule.matches(type + childRest, childRest, dataType, stringValue)) {
                        match = rule;
                        break;
                    }
                }
                if (match == null) {
                    descend(value, type, childRest);
                    continue;
                }
                if (primitiveExtension) {
                    if (match.rule().method() == RuleMethod.REDACT) {
                        object.remove(name);
                    } else {
                        descend(value, type, childRest);
                    }
                    continue;
                }
                act(object, name, value, match.rule(), dataType, root && !contained, type);
            }
        }

        private void descend(JsonNode value, String type, String rest) {
            eachObject(value, o -> object(o, type, rest, false, false));
        }

        private void act(ObjectNode parent, String name, JsonNode value, DeidRule rule, String dataType,
                boolean resourceId, String resourceType) {
            report.ruleApplied(rule);
            switch (rule.method()) {
                case KEEP -> {
                }
                case REDACT -> {
                    parent.remove(name);
                    parent.remove("_" + name);
                    report.removed(dataType != null && !dataType.startsWith("date") ? dataType : name);
                }
                case DATESHIFT -> parent.set(name, mapStrings(value, s -> FhirDates.shift(s, shift)));
                case CRYPTOHASH -> parent.set(name, hash(name, value, resourceId, resourceType));
                case GENERALIZE -> parent.set(name, generalize(value, rule.param()));
                case SUBSTITUTE -> parent.set(name, value.isArray()
                        ? mapAll((ArrayNode) value, v -> NODES.stringNode(rule.param()))
                        : NODES.stringNode(rule.param()));
            }
        }

        private JsonNode hash(String name, JsonNode value, boolean resourceId, String resourceType) {
            if (value.isArray()) {
                return mapAll((ArrayNode) value, v -> hash(name, v, false, resourceType));
            }
            if (value.isObject()) {
                ObjectNode reference = (ObjectNode) value;
                JsonNode ref = reference.get("reference");
                if (ref != null && ref.isString()) {
                    reference.put("reference", hashReference(ref.asString()));
                }
                reference.remove("display");
                reference.remove("_display");
                reference.remove("identifier");
                for (String child : new ArrayList<>(reference.propertyNames())) {
                    JsonNode v = reference.get(child);
                    if (v.isObject() || v.isArray()) {
                        reference.set(child, hash(child, v, false, resourceType));
                    }
                }
                return reference;
            }
            if (!value.isValueNode()) {
                return value;
            }
            String s = value.asString();
            if (resourceId && name.equals("id")) {
                return NODES.stringNode(hashedId(resourceType, s));
            }
            if (name.equals("reference")) {
                return NODES.stringNode(hashReference(s));
            }
            return NODES.stringNode(keys.hash(s));
        }

        private String hashReference(String reference) {
            if (reference.startsWith("#")) {
                return reference;
            }
            String[] parts = reference.split("/");
            int n = parts.length;
            // Type/id, Type/id/_history/v and absolute URLs ending so: the same hash as the resource's id
            if (n >= 4 && parts[n - 2].equals("_history")) {
                return parts[n - 4] + "/" + hashedId(parts[n - 4], parts[n - 3]);
            }
            if (n >= 2 && !parts[n - 2].isEmpty() && Character.isUpperCase(parts[n - 2].charAt(0))) {
                return parts[n - 2] + "/" + hashedId(parts[n - 2], parts[n - 1]);
            }
            return keys.hash(reference);
        }

        private JsonNode generalize(JsonNode value, String to) {
            int band = DeidConfig.ageBand(to);
            if (band > 0) {
                return mapNumbers(value, band);
            }
            return switch (to) {
                case "year", "year-month" -> mapStrings(value, s -> FhirDates.truncate(s, to));
                case "postcode3" -> value.isObject() || value.isArray()
                        ? mapPostcodes(value) : postcode(value);
                default -> mapAddresses(value, to.equals("municipality"));
            };
        }

        private JsonNode mapNumbers(JsonNode value, int band) {
            if (value.isNumber()) {
                int n = value.asInt();
                return NODES.numberNode(n - Math.floorMod(n, band));
            }
            if (value.isObject() && value.has("value")) {
                ((ObjectNode) value).set("value", mapNumbers(value.get("value"), band));
            }
            if (value.isArray()) {
                return mapAll((ArrayNode) value, v -> mapNumbers(v, band));
            }
            return value;
        }

        private JsonNode postcode(JsonNode value) {
            String digits = value.asString().replaceAll("[^0-9]", "");
            return NODES.stringNode(digits.length() >= 3 ? digits.substring(0, 3) : "");
        }

        private JsonNode mapPostcodes(JsonNode value) {
            eachObject(value, o -> {
                if (o.has("postalCode")) {
                    o.set("postalCode", postcode(o.get("postalCode")));
                }
            });
            return value;
        }

        /** An Address kept as its prefecture (state) and, if asked, municipality (city): nothing else survives. */
        private JsonNode mapAddresses(JsonNode value, boolean municipality) {
            if (value.isArray()) {
                return mapAll((ArrayNode) value, v -> mapAddresses(v, municipality));
            }
            if (!value.isObject()) {
                return value;
            }
            ObjectNode out = NODES.objectNode();
            if (value.path("state").isString()) {
                out.put("state", value.get("state").asString());
            }
            if (municipality && value.path("city").isString()) {
                out.put("city", value.get("city").asString());
            }
            if (value.path("country").isString()) {
                out.put("country", value.get("country").asString());
            }
            report.removed("Address");
            return out;
        }

        private JsonNode mapStrings(JsonNode value, java.util.function.UnaryOperator<String> f) {
            if (value.isString()) {
                String mapped = f.apply(value.asString());
                return mapped == null ? value : NODES.stringNode(mapped);
            }
            if (value.isArray()) {
                return mapAll((ArrayNode) value, v -> mapStrings(v, f));
            }
            if (value.isObject()) {
                ObjectNode object = (ObjectNode) value;
                for (String name : new ArrayList<>(object.propertyNames())) {
                    object.set(name, mapStrings(object.get(name), f));
                }
            }
            return value;
        }
    }

    private static ArrayNode mapAll(ArrayNode array, java.util.function.UnaryOperator<JsonNode> f) {
        for (int i = 0; i < array.size(); i++) {
            array.set(i, f.apply(array.get(i)));
        }
        return array;
    }

    private static void eachObject(JsonNode value, java.util.function.Consumer<ObjectNode> f) {
        if (value.isObject()) {
            f.accept((ObjectNode) value);
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isObject()) {
                    f.accept((ObjectNode) element);
                }
            }
        }
    }

    /** The data type an element most likely has, from its name and shape; null when none of interest. */
    static String dataType(String name, JsonNode value, String stringValue, boolean root) {
        if (stringValue != null) {
            if (NOT_DATES.contains(name)) {
                return null;
            }
            if (FhirDates.looksLikeDate(stringValue) || DATE_NAMES.contains(name) && FhirDates.isDate(stringValue)) {
                return stringValue.indexOf('T') < 0 ? "date" : name.equals("lastUpdated") || name.equals("issued")
                        || name.equals("recorded") ? "instant" : "dateTime";
            }
            return null;
        }
        JsonNode first = value.isArray() ? (value.isEmpty() ? null : value.get(0)) : value;
        if (first == null || !first.isObject()) {
            return null;
        }
        return switch (name) {
            case "text" -> first.has("div") ? "Narrative" : null;
            case "address", "valueAddress" -> "Address";
            case "telecom", "valueContactPoint" -> "ContactPoint";
            case "identifier", "valueIdentifier", "groupIdentifier" -> "Identifier";
            case "photo", "attachment", "valueAttachment" -> "Attachment";
            case "name", "valueHumanName" -> first.has("family") || first.has("given") || first.has("text")
                    || first.has("_family") || first.has("extension") ? "HumanName" : null;
            case "extension", "modifierExtension" -> "Extension";
            default -> first.path("reference").isString() ? "Reference"
                    : name.endsWith("eriod") && (first.has("start") || first.has("end")) ? "Period"
                    : first.has("contentType") && (first.has("data") || first.has("url")) ? "Attachment" : null;
        };
    }
}
