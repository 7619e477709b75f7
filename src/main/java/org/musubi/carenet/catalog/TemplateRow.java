package org.musubi.carenet.catalog;

import java.time.Instant;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.node.ObjectNode;

/**
 * One stored version of a template: its JSON as stored ({@code body}, Musubi's template wrapper with the version
 * written in it), its status and who made and published it ({@code createdBy} {@code null}: shipped with Musubi).
 */
public record TemplateRow(String code, int version, TemplateStatus status, String body, Long createdBy,
                          Instant createdAt, Long publishedBy, Instant publishedAt) {

    /** What the screens and the audit call it: {@code stroke/2}. */
    public String name() {
        return code + "/" + version;
    }

    /** The editor over this version's JSON (a copy: nothing is stored through it). */
    public DraftEditor editor() {
        return new DraftEditor(TemplateJson.parse(body));
    }

    /**
     * A stage's Questionnaire as the version holds it, with its canonical URL and the version written in (the JSON an
     * operator downloads and may import again).
     */
    public String questionnaireJson(String stage) {
        ObjectNode form = (ObjectNode) editor().form(stage, true);
        form.put("url", FhirSystems.PATHWAY_QUESTIONNAIRE + code + "/" + stage).put("version", String.valueOf(version));
        return TemplateJson.write(form);
    }
}
