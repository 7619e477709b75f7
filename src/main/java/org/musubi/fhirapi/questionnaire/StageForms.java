package org.musubi.fhirapi.questionnaire;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.musubi.carenet.catalog.TemplateRow;
import org.musubi.carenet.catalog.TemplateStatus;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.pathway.Stage;

/**
 * The stage forms of the stored template versions that are not drafts, as the FHIR API serves them (each version read
 * through the catalog, which reads a published version's JSON once per node).
 */
final class StageForms {

    private StageForms() {
    }

    static List<Questionnaire> all(TemplateStore store, PathwayCatalog catalog) {
        List<Questionnaire> forms = new ArrayList<>();
        for (TemplateRow row : store.all()) {
            if (row.status() == TemplateStatus.DRAFT) {
                continue;
            }
            PathwayTemplate template = catalog.version(row.code(), String.valueOf(row.version())).orElse(null);
            if (template == null) {
                continue;
            }
            for (Stage stage : template.stages()) {
                Questionnaire form = stage.form().copy();
                form.setId(row.code() + "." + stage.code() + "." + row.version());
                form.setStatus(row.status() == TemplateStatus.PUBLISHED ? PublicationStatus.ACTIVE
                        : PublicationStatus.RETIRED);
                form.setName(name(row.code()) + name(stage.code()));
                if (!form.hasTitle()) {
                    form.setTitle(template.title().ja() + " " + stage.title().ja());
                }
                if (row.publishedAt() != null) {
                    form.setDate(java.util.Date.from(row.publishedAt()));
                }
                forms.add(form);
            }
        }
        return forms;
    }

    /** {@code gastric-cancer} → {@code GastricCancer}. */
    static String name(String code) {
        StringBuilder name = new StringBuilder();
        for (String part : code.split("-")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
