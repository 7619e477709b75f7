package org.musubi.carenet.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draft template's JSON as the form editor changes it: the title, the stages (code, titles, facility kinds, due
 * months; added, removed, moved) and each stage's Questionnaire items (added at the end of the form or of a group,
 * changed through {@link ItemFields}, removed, moved among their siblings), or a stage's whole Questionnaire
 * replaced by an imported one. Nothing here checks the form: the draft may be incomplete while it is edited;
 * {@link TemplateStore#publish} checks it whole. An item or a stage that is not there is {@link CatalogRefused}.
 */
public final class DraftEditor {

    private static final String CODE = "[a-z0-9][a-z0-9-]{0,63}";
    /** A linkId the editor gives an item: one path segment of the editor's addresses. */
    private static final String LINK_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    private final ObjectNode template;

    DraftEditor(ObjectNode template) {
        this.template = template;
    }

    /** An item as the stage page lists it: its depth in the form (0 at the top) and its fields. */
    public record Line(int depth, ItemFields fields, boolean group) {
    }

    /** The template as its page shows it. */
    public record Summary(String titleJa, String titleEn, List<StageSummary> stages) {
    }

    /** A stage as the template's page shows it: its fields and how many items its form has (at any depth). */
    public record StageSummary(String code, String titleJa, String titleEn, List<String> kinds, int dueMonths,
                               int items) {
    }

    public Summary summary() {
        List<StageSummary> stages = new ArrayList<>();
        for (JsonNode stage : stages()) {
            List<String> kinds = new ArrayList<>();
            stage.path("facilityKinds").forEach(k -> kinds.add(ItemFields.text(k)));
            stages.add(new StageSummary(ItemFields.text(stage.path("code")), ItemFields.text(stage.path("title").path("ja")),
                    ItemFields.text(stage.path("title").path("en")), kinds, stage.path("dueMonths").asInt(0),
                    all(stage.path("questionnaire")).size()));
        }
        return new Summary(ItemFields.text(template.path("title").path("ja")),
                ItemFields.text(template.path("title").path("en")), stages);
    }

    public DraftEditor title(String ja, String en) {
        template.putObject("title").put("ja", ja.strip()).put("en", en.strip());
        return this;
    }

    /** Adds a stage with an empty form at the end. */
    public DraftEditor addStage(String code, String ja, String en, List<String> kinds, int dueMonths) {
        String clean = code == null ? "" : code.strip();
        if (!clean.matches(CODE) || find(clean).isPresent()) {
            throw new CatalogRefused(CatalogRefused.BAD_CODE, clean);
        }
        ObjectNode stage = stages().addObject().put("code", clean);
        stage(stage, ja, en, kinds, dueMonths);
        stage.putObject("questionnaire").put("resourceType", "Questionnaire").put("status", "active")
                .put("title", ja.strip()).putArray("item");
        return this;
    }

    public DraftEditor changeStage(String code, String ja, String en, List<String> kinds, int dueMonths) {
        stage(stageNode(code), ja, en, kinds, dueMonths);
        return this;
    }

    public DraftEditor removeStage(String code) {
        stages().remove(index(stages(), stageNode(code)));
        return this;
    }

    /** Moves a stage one place earlier ({@code -1}) or later ({@code 1}). */
    public DraftEditor moveStage(String code, int step) {
        move(stages(), stageNode(code), step);
        return this;
    }

    /** Replaces a stage's form by an imported Questionnaire (already checked). */
    public DraftEditor replaceForm(String stage, JsonNode questionnaire) {
        stageNode(stage).set("questionnaire", questionnaire.deepCopy());
        return this;
    }

    /** Adds an item at the end of the form, or of the group {@code parent}. */
    public DraftEditor addItem(String stage, String parent, String linkId, String type, String textJa) {
        String clean = linkId == null ? "" : linkId.strip();
        ObjectNode form = form(stage);
        if (!clean.matches(LINK_ID) || item(form, clean).isPresent()) {
            throw new CatalogRefused(CatalogRefused.BAD_CODE, clean);
        }
        JsonNode container = parent == null || parent.isBlank() ? form : item(form, parent.strip())
                .orElseThrow(() -> new CatalogRefused(CatalogRefused.NOT_FOUND, stage + "/" + parent));
        ArrayNode items = container.has("item") ? (ArrayNode) container.get("item") : ((ObjectNode) container).putArray("item");
        items.addObject().put("linkId", clean).put("text", textJa == null ? "" : textJa.strip()).put("type", type);
        return this;
    }

    /** Changes an item (its linkId too: enable-when conditions naming the old one follow). */
    public DraftEditor changeItem(String stage, String linkId, ItemFields fields) {
        ObjectNode form = form(stage);
        ObjectNode item = itemNode(form, stage, linkId);
        String renamed = fields.linkId() == null ? "" : fields.linkId().strip();
        if (!renamed.matches(LINK_ID) || (!renamed.equals(linkId) && item(form, renamed).isPresent())) {
            throw new CatalogRefused(CatalogRefused.BAD_CODE, renamed);
        }
        String system = FhirSystems.PATHWAY_QUESTIONNAIRE + ItemFields.text(template.path("code")) + ":" + renamed;
        fields.writeInto(item, system, question -> item(form, question).orElse(null));
        if (!renamed.equals(linkId)) {
            for (ObjectNode other : all(form)) {
                for (JsonNode when : other.path("enableWhen")) {
                    if (linkId.equals(ItemFields.text(when.path("question")))) {
                        ((ObjectNode) when).put("question", renamed);
                    }
                }
            }
        }
        return this;
    }

    public DraftEditor removeItem(String stage, String linkId) {
        ObjectNode form = form(stage);
        ObjectNode item = itemNode(form, stage, linkId);
        ArrayNode siblings = siblings(form, item);
        siblings.remove(index(siblings, item));
        return this;
    }

    /** Moves an item one place earlier ({@code -1}) or later ({@code 1}) among the items of its group. */
    public DraftEditor moveItem(String stage, String linkId, int step) {
        ObjectNode form = form(stage);
        ObjectNode item = itemNode(form, stage, linkId);
        move(siblings(form, item), item, step);
        return this;
    }

    /** The stage's items in form order, with their depth. */
    public List<Line> lines(String stage) {
        List<Line> lines = new ArrayList<>();
        lines(form(stage).path("item"), 0, lines);
        return lines;
    }

    /** One item's fields. */
    public ItemFields item(String stage, String linkId) {
        return ItemFields.of(itemNode(form(stage), stage, linkId));
    }

    /** A stage's Questionnaire as stored in the draft. */
    public JsonNode form(String stage, boolean copy) {
        return copy ? form(stage).deepCopy() : form(stage);
    }

    ObjectNode json() {
        return template;
    }

    private static void lines(JsonNode items, int depth, List<Line> lines) {
        for (JsonNode item : items) {
            lines.add(new Line(depth, ItemFields.of(item), "group".equals(ItemFields.text(item.path("type")))));
            lines(item.path("item"), depth + 1, lines);
        }
    }

    private static void stage(ObjectNode stage, String ja, String en, List<String> kinds, int dueMonths) {
        if (dueMonths < 0) {
            throw new CatalogRefused(CatalogRefused.BAD_VALUE, String.valueOf(dueMonths));
        }
        stage.putObject("title").put("ja", ja.strip()).put("en", en.strip());
        ArrayNode array = stage.putArray("facilityKinds");
        kinds.forEach(array::add);
        stage.put("dueMonths", dueMonths);
    }

    private ArrayNode stages() {
        return template.has("stages") && template.get("stages").isArray() ? (ArrayNode) template.get("stages")
                : template.putArray("stages");
    }

    private Optional<ObjectNode> find(String code) {
        for (JsonNode stage : stages()) {
            if (code.equals(ItemFields.text(stage.path("code"))) && stage.isObject()) {
                return Optional.of((ObjectNode) stage);
            }
        }
        return Optional.empty();
    }

    private ObjectNode stageNode(String code) {
        return find(code).orElseThrow(() -> new CatalogRefused(CatalogRefused.NOT_FOUND, code));
    }

    private ObjectNode form(String stage) {
        ObjectNode node = stageNode(stage);
        if (!node.path("questionnaire").isObject()) {
            node.putObject("questionnaire").put("resourceType", "Questionnaire").put("status", "active");
        }
        return (ObjectNode) node.get("questionnaire");
    }

    private static ObjectNode itemNode(ObjectNode form, String stage, String linkId) {
        return item(form, linkId).orElseThrow(() -> new CatalogRefused(CatalogRefused.NOT_FOUND, stage + "/" + linkId));
    }

    private static Optional<ObjectNode> item(ObjectNode form, String linkId) {
        return all(form).stream().filter(i -> linkId.equals(ItemFields.text(i.path("linkId")))).findFirst();
    }

    private static List<ObjectNode> all(JsonNode container) {
        List<ObjectNode> all = new ArrayList<>();
        for (JsonNode item : container.path("item")) {
            if (item.isObject()) {
                all.add((ObjectNode) item);
                all.addAll(all(item));
            }
        }
        return all;
    }

    private static ArrayNode siblings(ObjectNode form, ObjectNode item) {
        if (index((ArrayNode) form.get("item"), item) >= 0) {
            return (ArrayNode) form.get("item");
        }
        for (ObjectNode group : all(form)) {
            if (group.path("item").isArray() && index((ArrayNode) group.get("item"), item) >= 0) {
                return (ArrayNode) group.get("item");
            }
        }
        throw new IllegalStateException("item not in its form");
    }

    private static int index(ArrayNode array, JsonNode node) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    private static void move(ArrayNode array, JsonNode node, int step) {
        int from = index(array, node);
        int to = from + Integer.signum(step);
        if (from < 0 || to < 0 || to >= array.size()) {
            return;
        }
        JsonNode other = array.get(to);
        array.set(to, node);
        array.set(from, other);
    }

    static ObjectNode empty(String code, String version, String ja, String en) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("code", code).put("version", version);
        node.putObject("title").put("ja", ja.strip()).put("en", en.strip());
        node.putArray("stages");
        return node;
    }
}
