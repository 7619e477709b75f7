package org.musubi.pathway;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Questionnaire;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.FacilityKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads pathway templates from Musubi's template JSON (docs/pathways.md): {@code code}, {@code version}, {@code title}
 * ({@code ja}, {@code en}) and {@code stages}, each with {@code code}, {@code title}, {@code facilityKinds} (names of
 * {@link FacilityKind}), {@code dueMonths} and its form as a FHIR R4 {@code questionnaire}. Everything is checked
 * before anything is used ({@link TemplateCheck}); a template with a fault is rejected whole, with all its faults.
 */
public final class PathwayTemplates {

    /** The templates shipped with Musubi, as {@code pathways/<code>.json} on the class path. */
    public static final List<String> SHIPPED = List.of("stroke", "dementia", "gastric-cancer", "liver-disease");
    public static final String NOT_JSON = "pathway.template.notJson";
    public static final String MISSING = "pathway.template.missing";
    public static final String STAGE_KIND = "pathway.template.stageKind";
    public static final String DUPLICATE_STAGE = "pathway.template.duplicateStage";
    public static final String UNREADABLE = "pathway.template.unreadable";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CODE = "[a-z0-9][a-z0-9-]{0,63}";

    private PathwayTemplates() {
    }

    /** The shipped templates, in {@link #SHIPPED}'s order. */
    public static List<PathwayTemplate> shipped() {
        return SHIPPED.stream().map(PathwayTemplates::shipped).toList();
    }

    /** One shipped template by its code. */
    public static PathwayTemplate shipped(String code) {
        String resource = "/pathways/" + code + ".json";
        try (InputStream in = PathwayTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped pathway template " + code);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template from its JSON; rejected with every fault found. */
    public static PathwayTemplate read(String json) {
        JsonNode root = parse(json, "template");
        List<FormFault> faults = new ArrayList<>();
        String code = required(root, "code", "template", faults);
        if (code != null && !code.matches(CODE)) {
            faults.add(FormFault.of("template", MISSING, "code"));
        }
        String version = required(root, "version", "template", faults);
        Bilingual title = title(root, "template", faults);
        JsonNode stages = root.path("stages");
        if (!stages.isArray() || stages.isEmpty()) {
            faults.add(FormFault.of("template", MISSING, "stages"));
        }
        Set<String> seen = new HashSet<>();
        List<Stage> read = new ArrayList<>();
        for (JsonNode stage : stages) {
            String stageCode = required(stage, "code", "stage", faults);
            if (stageCode == null) {
                continue;
            }
            if (!stageCode.matches(CODE) || !seen.add(stageCode)) {
                faults.add(FormFault.of(stageCode, DUPLICATE_STAGE));
            }
            Bilingual stageTitle = title(stage, stageCode, faults);
            List<FacilityKind> kinds = kinds(stage, stageCode, faults);
            int due = stage.path("dueMonths").isInt() && stage.path("dueMonths").asInt() >= 0 ? stage.path("dueMonths").asInt() : -1;
            if (due < 0) {
                faults.add(FormFault.of(stageCode, MISSING, "dueMonths"));
            }
            List<FormFault> form = TemplateCheck.questionnaire(stage.path("questionnaire"));
            form.stream().map(f -> f.inStage(stageCode)).forEach(faults::add);
            if (faults.isEmpty()) {
                Questionnaire questionnaire = fhir(stage.path("questionnaire"), stageCode, faults);
                questionnaire.setUrl(FhirSystems.PATHWAY_QUESTIONNAIRE + code + "/" + stageCode).setVersion(version);
                read.add(new Stage(stageCode, stageTitle, kinds, due, questionnaire));
            }
        }
        if (!faults.isEmpty()) {
            throw new TemplateRejected(faults);
        }
        return new PathwayTemplate(code, version, title, read);
    }

    /**
     * A Questionnaire an operator imports as a stage's form, from its JSON; rejected with every fault found
     * ({@link TemplateCheck}).
     */
    public static Questionnaire importQuestionnaire(String json) {
        JsonNode root = parse(json, "Questionnaire");
        List<FormFault> faults = new ArrayList<>(TemplateCheck.questionnaire(root));
        if (!faults.isEmpty()) {
            throw new TemplateRejected(faults);
        }
        return fhir(root, "Questionnaire", faults);
    }

    private static JsonNode parse(String json, String what) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new TemplateRejected(List.of(FormFault.of(what, NOT_JSON, "not an object")));
            }
            return root;
        } catch (JacksonException e) {
            throw new TemplateRejected(List.of(FormFault.of(what, NOT_JSON, e.getOriginalMessage())));
        }
    }

    private static Questionnaire fhir(JsonNode node, String where, List<FormFault> faults) {
        try {
            return FhirContext.forR4Cached().newJsonParser().parseResource(Questionnaire.class, JSON.writeValueAsString(node));
        } catch (DataFormatException e) {
            faults.add(FormFault.of(where, UNREADABLE, e.getMessage()));
            throw new TemplateRejected(faults);
        }
    }

    private static String required(JsonNode node, String field, String where, List<FormFault> faults) {
        String value = TemplateCheck.text(node.path(field));
        if (value == null || value.isBlank()) {
            faults.add(FormFault.of(where, MISSING, field));
            return null;
        }
        return value;
    }

    private static Bilingual title(JsonNode node, String where, List<FormFault> faults) {
        String ja = required(node.path("title"), "ja", where, faults);
        String en = required(node.path("title"), "en", where, faults);
        return ja == null || en == null ? null : new Bilingual(ja, en);
    }

    private static List<FacilityKind> kinds(JsonNode stage, String stageCode, List<FormFault> faults) {
        List<FacilityKind> kinds = new ArrayList<>();
        for (JsonNode kind : stage.path("facilityKinds")) {
            String name = TemplateCheck.text(kind);
            FacilityKind known = null;
            for (FacilityKind candidate : FacilityKind.participatingKinds()) {
                if (candidate.name().equals(name)) {
                    known = candidate;
                }
            }
            if (known == null) {
                faults.add(FormFault.of(stageCode, STAGE_KIND, String.valueOf(name)));
            } else {
                kinds.add(known);
            }
        }
        if (kinds.isEmpty() && faults.stream().noneMatch(f -> f.item().equals(stageCode) && f.reason().equals(STAGE_KIND))) {
            faults.add(FormFault.of(stageCode, MISSING, "facilityKinds"));
        }
        return kinds;
    }
}
