package org.musubi.fhirapi.incoming;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Bundle's entries as the sender wrote them in JSON, so that what is stored is made from the
 * request's own text instead of encoding HAPI's model of it again: the id and version metadata are
 * dropped and references rewritten, and every other member is kept as sent (decimals keep their
 * digits, {@code 6.80} stays {@code 6.80}). HAPI's model of the same request still drives
 * everything else (validation, the search index, the patient the resource is about).
 */
public final class IncomingJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private IncomingJson() {
    }

    /**
     * The resources of a JSON request's Bundle entries, by entry index ({@code null} for an entry
     * without one); empty when the request is not JSON or does not have {@code entries} entries.
     * The body is read as the text HAPI parsed (decoded strictly with the request's charset: a body
     * that is no text in it was refused at the door, {@link RequestBodyDoor}).
     */
    public static List<ObjectNode> entries(RequestDetails request, int entries) {
        if (request == null || RestfulServerUtils.determineRequestEncodingNoDefault(request) != EncodingEnum.JSON) {
            return List.of();
        }
        return entries(RequestText.of(request, request.loadRequestContents()), entries);
    }

    /**
     * The resources of a JSON Bundle's entries (see {@link #entries(RequestDetails, int)}); a body
     * Jackson cannot read although HAPI could (nested deeper than Jackson allows) is refused with 400.
     */
    static List<ObjectNode> entries(String json, int entries) {
        JsonNode bundle;
        try {
            bundle = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidRequestException("リクエスト本文を JSON として読めません / The request body is not readable JSON: "
                    + ParserMessages.readable(e.getOriginalMessage()));
        }
        JsonNode array = bundle.path("entry");
        if (!array.isArray() || array.size() != entries) {
            return List.of();
        }
        List<ObjectNode> resources = new ArrayList<>(entries);
        for (JsonNode entry : array) {
            resources.add(entry.get("resource") instanceof ObjectNode resource ? resource : null);
        }
        return resources;
    }

    /** The resource's JSON as stored: no id, no versionId or lastUpdated, each reference through {@code references}. */
    public static String forStorage(ObjectNode resource, UnaryOperator<String> references) {
        ObjectNode copy = resource.deepCopy();
        copy.remove("id");
        if (copy.get("meta") instanceof ObjectNode meta) {
            meta.remove("versionId");
            meta.remove("lastUpdated");
            if (meta.isEmpty()) {
                copy.remove("meta");
            }
        }
        rewrite(copy, references);
        return JSON.writeValueAsString(copy);
    }

    private static void rewrite(JsonNode node, UnaryOperator<String> references) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isString()) {
                String target = references.apply(reference.asString());
                if (!target.equals(reference.asString())) {
                    object.put("reference", target);
                }
            }
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                if (member.getValue().isContainer()) {
                    rewrite(member.getValue(), references);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(element -> rewrite(element, references));
        }
    }
}
