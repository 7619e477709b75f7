package org.musubi.carenet.catalog;

import java.util.List;
import org.musubi.pathway.FormFault;
import org.musubi.pathway.PathwayTemplates;
import org.musubi.pathway.TemplateRejected;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A stored template's JSON read and written: an object or {@link TemplateRejected} as the template check answers. */
final class TemplateJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TemplateJson() {
    }

    static ObjectNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            // answered below, as the template check would
        }
        throw new TemplateRejected(List.of(new FormFault("template", PathwayTemplates.NOT_JSON, List.of("not an object"))));
    }

    static String write(JsonNode body) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body);
    }
}
