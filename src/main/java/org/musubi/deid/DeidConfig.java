package org.musubi.deid;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A de-identification configuration (issue 48, deid), read from JSON in the model of Microsoft's FHIR-Tools-for-
 * Anonymization: an ordered list of rules, the first that selects an element decides; elements no rule selects are
 * kept. The format is in docs/deidentification.md.
 *
 * @param rules the rules in order
 * @param dateShiftRange the person's shift is between -range and +range days, never 0
 * @param k the k-anonymity threshold the extraction must reach
 * @param maxSuppressedFraction how many persons (a fraction) the k-anonymity pass may suppress
 */
public record DeidConfig(List<DeidRule> rules, int dateShiftRange, int k, double maxSuppressedFraction) {

    /** The data types a {@code type:} selector may name. */
    public static final Set<String> TYPES = Set.of("HumanName", "Address", "ContactPoint", "Identifier", "Attachment",
            "Reference", "date", "dateTime", "instant", "Period", "Narrative", "Extension");

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern AGE_BAND = Pattern.compile("age-band:(\\d{1,2})");
    private static final Set<String> GENERALIZATIONS = Set.of("year", "year-month", "postcode3", "prefecture",
            "municipality");

    public DeidConfig {
        rules = List.copyOf(rules);
    }

    /** The shipped default for Japanese data ({@code jp-default.json} next to this class), read and parsed once. */
    public static DeidConfig japaneseDefault() {
        return Default.CONFIG;
    }

    /** The shipped default's text, as a committee edits it into a project's own configuration. */
    public static String defaultJson() {
        return Default.JSON;
    }

    /** The default, loaded on first use. */
    private static final class Default {
        static final String JSON = read();
        static final DeidConfig CONFIG = parse(JSON);

        private static String read() {
            try (InputStream in = DeidConfig.class.getResourceAsStream("jp-default.json")) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("jp-default.json cannot be read", e);
            }
        }
    }

    /** Reads and validates a configuration; a {@link DeidConfigException} names the rule and path at fault. */
    public static DeidConfig parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new DeidConfigException("the configuration is not JSON: " + e.getOriginalMessage(), "notJson",
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new DeidConfigException("the configuration must be a JSON object", "notObject");
        }
        int range = root.path("dateShiftRange").asInt(30);
        if (range < 1 || range > 3650) {
            throw new DeidConfigException("dateShiftRange must be between 1 and 3650 days", "dateShiftRange", range);
        }
        JsonNode kNode = root.path("kAnonymity");
        int k = kNode.path("k").asInt(5);
        double maxSuppressed = kNode.path("maxSuppressedFraction").asDouble(0.05);
        if (k < 1 || maxSuppressed < 0 || maxSuppressed > 1) {
            throw new DeidConfigException("kAnonymity.k must be at least 1 and maxSuppressedFraction within 0..1",
                    "kAnonymity");
        }
        JsonNode list = root.path("rules");
        if (!list.isArray() || list.isEmpty()) {
            throw new DeidConfigException("the configuration needs a non-empty array \"rules\"", "noRules");
        }
        List<DeidRule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            rules.add(rule(index, node));
        }
        return new DeidConfig(rules, range, k, maxSuppressed);
    }

    private static DeidRule rule(int index, JsonNode node) {
        String path = node.path("path").asString(null);
        String type = node.path("type").asString(null);
        String where = "rule " + index + (path != null ? " (path " + path + ")" : type != null ? " (type " + type + ")" : "");
        if ((path == null) == (type == null)) {
            throw new DeidConfigException(where + ": give exactly one of \"path\" and \"type\"", "pathOrType", index);
        }
        String methodName = node.path("method").asString("");
        RuleMethod method;
        try {
            method = RuleMethod.valueOf(methodName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DeidConfigException(where + ": unknown method \"" + methodName
                    + "\" (keep, redact, dateshift, cryptohash, generalize, substitute)", "method", index, methodName);
        }
        if (type != null && !TYPES.contains(type)) {
            throw new DeidConfigException(where + ": unknown data type \"" + type + "\" (one of " + TYPES + ")", "type",
                    index, type, String.join(", ", TYPES.stream().sorted().toList()));
        }
        if (path != null) {
            checkPath(index, where, path);
        }
        String param = null;
        if (method == RuleMethod.GENERALIZE) {
            param = node.path("to").asString("");
            if (!GENERALIZATIONS.contains(param) && !AGE_BAND.matcher(param).matches()) {
                throw new DeidConfigException(where + ": generalize needs \"to\": year, year-month, postcode3, "
                        + "prefecture, municipality or age-band:N, not \"" + param + "\"", "generalize", index, param);
            }
        } else if (method == RuleMethod.SUBSTITUTE) {
            JsonNode value = node.get("value");
            if (value == null || !value.isValueNode()) {
                throw new DeidConfigException(where + ": substitute needs a primitive \"value\"", "substitute", index);
            }
            param = value.asString();
        }
        return new DeidRule(index, path != null ? path : "type:" + type, method, param);
    }

    private static void checkPath(int index, String where, String path) {
        String[] segments = path.split("\\.", -1);
        if (segments.length < 2) {
            throw new DeidConfigException(where + ": a path is a resource type (or * or **) and at least one element",
                    "path", index, path);
        }
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean wildcard = i == 0 && (segment.equals("*") || segment.equals("**"));
            if (!wildcard && !SEGMENT.matcher(segment).matches()) {
                throw new DeidConfigException(where + ": \"" + segment + "\" is not an element name", "segment", index,
                        segment);
            }
        }
    }

    /** The generalisation's band width when {@code param} is {@code age-band:N}, or 0. */
    static int ageBand(String param) {
        var m = AGE_BAND.matcher(param == null ? "" : param);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
