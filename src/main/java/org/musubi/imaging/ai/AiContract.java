package org.musubi.imaging.ai;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the contract between Musubi and an AI service (docs/imaging.md, "AI"): the analysis request Musubi
 * POSTs to {@code {base}/analyses}, and the findings the service POSTs back to the callback. Parsing checks every
 * field; anything else in the findings is refused whole ({@link Refused}), never half taken.
 */
public final class AiContract {

    /** Findings one work item may carry. */
    public static final int MAX_FINDINGS = 100;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AiContract() {
    }

    /** A code as sent: its system, code and display (display may be null). */
    public record Coded(String system, String code, String display) {
    }

    /**
     * One finding: what (a code as sent), its value with a unit (both null when the finding has none), where (body
     * site, may be null), the model's probability (0..1, may be null) and a free text (may be null).
     */
    public record Finding(Coded code, Double value, String unit, Coded bodySite, Double probability, String text) {
    }

    /** What a service sent for a work item: its conclusion (may be null) and its findings (maybe none: "nothing found"). */
    public record Findings(long workItemId, String conclusion, List<Finding> findings) {

        public Findings {
            findings = List.copyOf(findings);
        }
    }

    /** Findings Musubi does not take; the message says why (it is sent back to the service with 422). */
    public static final class Refused extends RuntimeException {

        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The analysis request for work item {@code workItemId} of study {@code studyUid}: where to fetch its pixels (a
     * DICOMweb root scoped to the study, {@code dicomWebRoot}, and its bearer token, valid until {@code expires}) and
     * where to post the findings ({@code callbackUrl} with its bearer token).
     */
    public static String request(long workItemId, String studyUid, String modality, String dicomWebRoot,
                                 String pixelToken, String expires, String callbackUrl, String callbackToken) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("workItemId", workItemId);
        root.put("studyInstanceUid", studyUid);
        root.put("modality", modality);
        ObjectNode pixels = root.putObject("pixels");
        pixels.put("dicomWebRoot", dicomWebRoot);
        pixels.put("bearerToken", pixelToken);
        pixels.put("expires", expires);
        ObjectNode callback = root.putObject("callback");
        callback.put("url", callbackUrl);
        callback.put("bearerToken", callbackToken);
        return root.toString();
    }

    /** Reads the findings a service posted; {@link Refused} when they are not what the contract says. */
    public static Findings findings(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new Refused("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Refused("not a JSON object");
        }
        JsonNode id = root.get("workItemId");
        if (id == null || !id.isIntegralNumber()) {
            throw new Refused("workItemId: a number is required");
        }
        JsonNode list = root.get("findings");
        if (list == null || !list.isArray()) {
            throw new Refused("findings: an array is required (empty when nothing was found)");
        }
        if (list.size() > MAX_FINDINGS) {
            throw new Refused("findings: at most " + MAX_FINDINGS);
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            findings.add(finding(list.get(i), "findings[" + i + "]"));
        }
        return new Findings(id.asLong(), text(root, "conclusion", 4000, false), findings);
    }

    private static Finding finding(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new Refused(where + ": an object is required");
        }
        Coded code = coded(node.get("code"), where + ".code", true);
        Double value = null;
        String unit = null;
        JsonNode v = node.get("value");
        if (v != null && !v.isNull()) {
            if (!v.isObject() || v.get("value") == null || !v.get("value").isNumber()) {
                throw new Refused(where + ".value: {\"value\": number, \"unit\": text} is required");
            }
            value = v.get("value").asDouble();
            unit = text(v, "unit", 50, true);
        }
        Double probability = null;
        JsonNode p = node.get("probability");
        if (p != null && !p.isNull()) {
            if (!p.isNumber() || p.asDouble() < 0 || p.asDouble() > 1) {
                throw new Refused(where + ".probability: a number from 0 to 1 is required");
            }
            probability = p.asDouble();
        }
        return new Finding(code, value, unit, coded(node.get("bodySite"), where + ".bodySite", false), probability,
                text(node, "text", 2000, false));
    }

    private static Coded coded(JsonNode node, String where, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new Refused(where + ": {\"system\", \"code\"} is required");
            }
            return null;
        }
        if (!node.isObject()) {
            throw new Refused(where + ": an object is required");
        }
        return new Coded(text(node, "system", 300, true), text(node, "code", 100, true), text(node, "display", 300, false));
    }

    private static String text(JsonNode parent, String field, int max, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Refused(field + ": required");
            }
            return null;
        }
        if (!node.isString() || node.asString().isBlank() || node.asString().length() > max) {
            throw new Refused(field + ": a text of 1 to " + max + " characters is required");
        }
        return node.asString().strip();
    }
}
