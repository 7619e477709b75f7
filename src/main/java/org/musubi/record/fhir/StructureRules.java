package org.musubi.record.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildPrimitiveEnumerationDatatypeDefinition;
import ca.uhn.fhir.context.RuntimeChildResourceDefinition;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks of base FHIR R4 that decide whether a resource may be stored, made in one walk over the
 * JSON as received, against HAPI's model of R4 (its definitions are read once per type and kept):
 * <ul>
 * <li>structure: every member is an element R4 defines for its parent (choice names such as
 * {@code valueQuantity} included), an array exactly where the element repeats, the JSON type its data
 * type needs, no empty element or value;</li>
 * <li>cardinality: every element R4 requires ({@code min} ≥ 1) is there;</li>
 * <li>values: each primitive valid for its data type (dates, instants, numbers, ids, OIDs, UUIDs, codes,
 * base64 …, as HAPI's own types parse them), and a {@code code} with a required binding one of its value
 * set's codes (the enumerations HAPI generates for R4's required bindings);</li>
 * <li>references: a reference names a resource type the element allows ({@code Observation.subject} may
 * not point at a Medication).</li>
 * </ul>
 * Elements are FHIRPaths from the body's root ({@code Bundle.entry[3].resource.status}), the form
 * {@link BaseValidation} gives, so the two are interchangeable for a caller. What this leaves to
 * {@link BaseValidation} (mode {@code full}): the core invariants (FHIRPath constraints), code systems'
 * codes in Coding/CodeableConcept, and the rest of HAPI's instance validator. Thread-safe.
 */
public final class StructureRules {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> NUMBERS = Set.of("integer", "decimal", "positiveInt", "unsignedInt", "integer64");
    /** Data types whose text HAPI's type parses strictly; the others (string, uri, markdown …) are only checked for emptiness. */
    private static final Set<String> PARSED = Set.of("date", "dateTime", "instant", "time", "decimal", "integer",
            "positiveInt", "unsignedInt", "base64Binary");
    private static final Map<String, Pattern> FORMATS = Map.of(
            "id", Pattern.compile("[A-Za-z0-9\\-.]{1,64}"),
            "code", Pattern.compile("[^\\s]+( [^\\s]+)*"),
            "oid", Pattern.compile("urn:oid:[0-2](\\.(0|[1-9][0-9]*))+"),
            "uuid", Pattern.compile("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
    private static final String SHAPE = "JSON の形が R4 の定義と違います（配列・単一の値・型）";
    private static final String VALUE = "値の形式が正しくありません";

    private final FhirContext context;
    private final RequiredCodes requiredCodes;
    /** The children a composite type requires, found once per type. */
    private final Map<BaseRuntimeElementCompositeDefinition<?>, List<BaseRuntimeChildDefinition>> required = new ConcurrentHashMap<>();

    public StructureRules(FhirContext context) {
        this.context = context;
        this.requiredCodes = new RequiredCodes(context);
    }

    /** Reads R4's required codes now (seconds; for a background thread once the server is up) instead of on the first check. */
    public void warmUp() {
        requiredCodes.load();
    }

    public FhirContext context() {
        return context;
    }

    /** The faults of a JSON body: a resource, or a Bundle and its entries' resources. */
    public List<Fault> check(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return List.of(new Fault("(body)", "structure", "JSON として読めません", "the body is not JSON: " + e.getOriginalMessage()));
        }
        return check(root);
    }

    /** The faults of a resource as a JSON tree. */
    public List<Fault> check(JsonNode root) {
        List<Fault> faults = new ArrayList<>();
        resource(root, "", faults);
        return faults;
    }

    private void resource(JsonNode node, String path, List<Fault> faults) {
        if (!node.isObject()) {
            faults.add(new Fault(path.isEmpty() ? "(body)" : path, "structure", SHAPE, "a resource must be a JSON object"));
            return;
        }
        JsonNode type = node.get("resourceType");
        String name = type != null && type.isString() ? type.asString() : null;
        if (name == null || !isResourceType(name)) {
            faults.add(new Fault((path.isEmpty() ? "" : path + ".") + "resourceType", "structure", "資源の種類が R4 にありません",
                    name == null ? "resourceType is missing" : "unknown resource type '" + name + "'"));
            return;
        }
        composite(node, context.getResourceDefinition(name), path.isEmpty() ? name : path, name, true, faults);
    }

    private boolean isResourceType(String name) {
        try {
            return context.getResourceDefinition(name) != null;
        } catch (DataFormatException e) {
            return false;
        }
    }

    /** {@code definitionPath} is the element's path in R4's definitions ({@code Observation.component.code}), no indexes. */
    private void composite(JsonNode node, BaseRuntimeElementCompositeDefinition<?> definition, String path, String definitionPath,
                           boolean resource, List<Fault> faults) {
        if (node.isEmpty()) {
            faults.add(new Fault(path, "invariant", "R4 の制約を満たしません", "All FHIR elements must have a @value or children (ele-1)"));
            return;
        }
        Map<BaseRuntimeChildDefinition, Boolean> present = new IdentityHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String name = member.getKey();
            if (resource && name.equals("resourceType")) {
                continue;
            }
            if (name.startsWith("_")) {
                BaseRuntimeChildDefinition child = definition.getChildByName(name.substring(1));
                if (child == null || !(child.getChildByName(name.substring(1)) instanceof BaseRuntimeElementDefinition<?> d)
                        || !(d.newInstance(child.getInstanceConstructorArguments()) instanceof IPrimitiveType<?>)) {
                    faults.add(unknown(path, name));
                } else {
                    present.put(child, true); // a primitive that has only extensions is present
                    primitiveExtensions(member.getValue(), path + "." + name, faults);
                }
                continue;
            }
            BaseRuntimeChildDefinition child = definition.getChildByName(name);
            if (child == null) {
                faults.add(unknown(path, name));
                continue;
            }
            present.put(child, true);
            member(member.getValue(), child, name, path + "." + name, definitionPath + "." + elementName(child), faults);
        }
        for (BaseRuntimeChildDefinition child : required(definition)) {
            if (!present.containsKey(child)) {
                String element = path + "." + elementName(child);
                faults.add(new Fault(element, "required", "必須の要素がありません",
                        element + ": minimum required = " + child.getMin() + ", but only found 0"));
            }
        }
    }

    private List<BaseRuntimeChildDefinition> required(BaseRuntimeElementCompositeDefinition<?> definition) {
        return required.computeIfAbsent(definition, d -> d.getChildren().stream().filter(c -> c.getMin() > 0).toList());
    }

    private static String elementName(BaseRuntimeChildDefinition child) {
        return child.getElementName() + (child instanceof RuntimeChildChoiceDefinition ? "[x]" : "");
    }

    private void member(JsonNode value, BaseRuntimeChildDefinition child, String name, String path, String definitionPath,
                        List<Fault> faults) {
        boolean repeats = child.getMax() != 1;
        if (repeats != value.isArray()) {
            faults.add(new Fault(path, "structure", SHAPE, repeats
                    ? "This property must be an Array, not " + kind(value)
                    : "This property must be a single value, not an array"));
            return;
        }
        if (!repeats) {
            value(value, child, name, path, definitionPath, faults);
            return;
        }
        if (value.isEmpty()) {
            faults.add(new Fault(path, "invariant", "R4 の制約を満たしません", "an array must not be empty (ele-1)"));
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isNull()) { // null keeps a place for an extension in the matching '_' array
                value(item, child, name, path + "[" + i + "]", definitionPath, faults);
            }
        }
    }

    private void value(JsonNode value, BaseRuntimeChildDefinition child, String name, String path, String definitionPath,
                       List<Fault> faults) {
        if (child instanceof RuntimeChildContainedResources) {
            resource(value, path, faults);
            return;
        }
        BaseRuntimeElementDefinition<?> type = child.getChildByName(name);
        switch (type.getChildType()) {
            case PRIMITIVE_DATATYPE, ID_DATATYPE -> primitive(value, child, type, path, faults);
            case PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG -> {
                if (!value.isString() || value.asString().isBlank()) {
                    faults.add(new Fault(path, "structure", SHAPE, "the narrative must be a non-empty string of XHTML"));
                }
            }
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> {
                if (!value.isObject()) {
                    faults.add(new Fault(path, "structure", SHAPE, "This property must be an Object, not " + kind(value)));
                    return;
                }
                boolean datatype = type.getChildType() == BaseRuntimeElementDefinition.ChildTypeEnum.COMPOSITE_DATATYPE;
                composite(value, (BaseRuntimeElementCompositeDefinition<?>) type, path, datatype ? type.getName() : definitionPath,
                        false, faults);
                if (child instanceof RuntimeChildResourceDefinition reference) {
                    reference(value.get("reference"), reference, path + ".reference", faults);
                }
                if (datatype && (type.getName().equals("CodeableConcept") || type.getName().equals("Coding"))) {
                    requiredCodes.check(value, type.getName().equals("Coding"), definitionPath, path, faults);
                }
            }
            case RESOURCE -> resource(value, path, faults);
            default -> {
                // extensions declared by HAPI's model and other kinds the R4 structures do not use here
            }
        }
    }

    private void primitive(JsonNode value, BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> type, String path,
                           List<Fault> faults) {
        String name = type.getName();
        boolean number = NUMBERS.contains(name);
        boolean bool = name.equals("boolean");
        if (number ? !value.isNumber() : bool ? !value.isBoolean() : !value.isString()) {
            faults.add(new Fault(path, "structure", SHAPE, "Error parsing JSON: the primitive value must be a "
                    + (number ? "number" : bool ? "boolean" : "string") + ", not " + kind(value)));
            return;
        }
        if (bool) {
            return;
        }
        String text = number ? value.numberValue().toString() : value.asString();
        if (text.isEmpty()) {
            faults.add(new Fault(path, "value", VALUE, "@value cannot be empty"));
            return;
        }
        if (!text.strip().equals(text) && !name.equals("string") && !name.equals("markdown")) {
            faults.add(new Fault(path, "value", VALUE, "The value '" + text + "' has leading or trailing white space"));
            return;
        }
        Pattern format = FORMATS.get(name);
        if (format != null && !format.matcher(text).matches()) {
            faults.add(new Fault(path, "value", VALUE, "The value '" + text + "' is not a valid " + name));
            return;
        }
        if (number && (name.equals("positiveInt") && !(value.isIntegralNumber() && value.asLong() > 0)
                || name.equals("unsignedInt") && !(value.isIntegralNumber() && value.asLong() >= 0)
                || name.equals("integer") && !(value.isIntegralNumber() && value.canConvertToInt()))) {
            faults.add(new Fault(path, "value", VALUE, "The value '" + text + "' is not a valid " + name));
            return;
        }
        boolean enumerated = child instanceof RuntimeChildPrimitiveEnumerationDatatypeDefinition;
        if (PARSED.contains(name) || enumerated) {
            IPrimitiveType<?> parsed = (IPrimitiveType<?>) type.newInstance(child == null ? null : child.getInstanceConstructorArguments());
            try {
                parsed.setValueAsString(text);
            } catch (DataFormatException | IllegalArgumentException e) {
                faults.add(enumerated
                        ? new Fault(path, "code-invalid", "コードが正しくありません（コード体系にないか、必須の値セットにありません）",
                                "The value provided ('" + text + "') is not in the value set of this element (required binding)")
                        : new Fault(path, "value", VALUE, "The value '" + text + "' is not a valid " + name));
            }
        }
    }

    /** A reference's type, where it names one ({@code Type/id}, {@code Type?query}, {@code http://…/Type/id}), must be a target the element allows. */
    private void reference(JsonNode reference, RuntimeChildResourceDefinition child, String path, List<Fault> faults) {
        if (reference == null || !reference.isString()) {
            return;
        }
        String ref = reference.asString();
        if (ref.startsWith("#") || ref.startsWith("urn:")) {
            return;
        }
        String type = referencedType(ref);
        if (type == null) {
            return;
        }
        if (!isResourceType(type)) {
            faults.add(new Fault(path, "value", "参照の形式が正しくありません", "'" + type + "' in '" + ref + "' is not a resource type"));
            return;
        }
        Class<? extends IBaseResource> target = context.getResourceDefinition(type).getImplementingClass();
        boolean allowed = child.getResourceTypes().stream().anyMatch(c -> c.isAssignableFrom(target));
        if (!allowed) {
            faults.add(new Fault(path, "value", "参照先の種類がこの要素に許されていません",
                    "The type '" + type + "' implied by the reference URL " + ref + " is not a valid target for this element (must be one of "
                            + child.getResourceTypes().stream().map(c -> c.getSimpleName()).toList() + ")"));
        }
    }

    /** The resource type a reference names, or null when it names none this way (a bare id, an absolute URL without one). */
    static String referencedType(String ref) {
        int query = ref.indexOf('?');
        if (query > 0) {
            String type = ref.substring(0, query);
            return type.indexOf('/') < 0 ? type : null;
        }
        String[] parts = ref.split("/");
        int history = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("_history")) {
                history = i;
            }
        }
        int typeAt = (history > 0 ? history : parts.length) - 2;
        return typeAt >= 0 && parts[typeAt].matches("[A-Z][A-Za-z]+") ? parts[typeAt] : null;
    }

    /** The {@code _element} of a primitive: its id and extensions (an array of such objects, or nulls, when it repeats). */
    private void primitiveExtensions(JsonNode node, String path, List<Fault> faults) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        BaseRuntimeElementCompositeDefinition<?> element =
                (BaseRuntimeElementCompositeDefinition<?>) context.getElementDefinition("Extension");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = node.isArray() ? path + "[" + i + "]" : path;
            if (item.isNull()) {
                continue;
            }
            if (!item.isObject()) {
                faults.add(new Fault(at, "structure", SHAPE, "This property must be an Object, not " + kind(item)));
                continue;
            }
            for (Map.Entry<String, JsonNode> m : item.properties()) {
                if (m.getKey().equals("id")) {
                    continue;
                }
                if (!m.getKey().equals("extension")) {
                    faults.add(unknown(at, m.getKey()));
                    continue;
                }
                member(m.getValue(), element.getChildByName("extension"), "extension", at + ".extension", "Extension.extension", faults);
            }
        }
    }

    private static Fault unknown(String path, String name) {
        return new Fault(path + "." + name, "structure", "R4 に定義されていない要素です", "Unrecognized property '" + name + "'");
    }

    private static String kind(JsonNode value) {
        return value.isArray() ? "an array" : value.isObject() ? "an object" : value.isString() ? "a string"
                : value.isNumber() ? "a number" : value.isBoolean() ? "a boolean" : "null";
    }
}
