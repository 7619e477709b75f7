package org.musubi.record.fhir.reference;

import org.musubi.record.fhir.FhirJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What a reference in a stored resource's JSON points to: the contained resource it names, the type of its target and
 * the party (an Organization's or a person's name) it stands for. Read without building HAPI's model, as {@link
 * FhirJson} reads the rest.
 */
public final class FhirReference {

    private FhirReference() {
    }

    /** A contained resource a local reference ({@code #id}) names, or a missing node. */
    public static JsonNode contained(JsonNode resource, JsonNode reference) {
        String ref = FhirJson.text(reference.path("reference"));
        if (ref == null || !ref.startsWith("#")) {
            return MissingNode.getInstance();
        }
        for (JsonNode c : resource.path("contained")) {
            if (ref.substring(1).equals(FhirJson.text(c.path("id")))) {
                return c;
            }
        }
        return MissingNode.getInstance();
    }

    /**
     * The type of the resource a reference points to: a contained one's resourceType, else the type a
     * literal reference ({@code Type/id} or an absolute URL ending so) names, else null.
     */
    public static String targetType(JsonNode resource, JsonNode reference) {
        JsonNode contained = contained(resource, reference);
        if (!contained.isMissingNode()) {
            return FhirJson.text(contained.path("resourceType"));
        }
        String ref = FhirJson.text(reference.path("reference"));
        if (ref == null || ref.startsWith("#")) {
            return FhirJson.text(reference.path("type"));
        }
        String[] parts = ref.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : FhirJson.text(reference.path("type"));
    }

    /** A reference's display, else the name of the contained resource it points to. */
    public static String party(JsonNode resource, JsonNode reference) {
        String display = FhirJson.text(reference.path("display"));
        return display != null ? display : name(contained(resource, reference));
    }

    /** The name of an Organization (its name) or a person (a HumanName's text, else family and given names). */
    public static String name(JsonNode target) {
        String name = FhirJson.text(target.path("name"));
        if (name != null) {
            return name;
        }
        for (JsonNode human : target.path("name")) {
            String text = FhirJson.text(human.path("text"));
            if (text != null) {
                return text;
            }
            String family = FhirJson.text(human.path("family"));
            if (family != null) {
                StringBuilder full = new StringBuilder(family);
                human.path("given").forEach(g -> full.append(' ').append(FhirJson.text(g)));
                return full.toString();
            }
        }
        return null;
    }
}
