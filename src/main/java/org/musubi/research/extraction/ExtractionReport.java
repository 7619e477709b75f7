package org.musubi.research.extraction;

import java.time.Instant;
import java.util.Map;
import org.musubi.deid.DeidConfig;
import org.musubi.deid.DeidReport;
import org.musubi.deid.KAnonymity;
import org.musubi.record.release.ReleaseCohort;
import org.musubi.research.ResearchProject;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of an extraction (report.json), counts only: the cohort, what was read and written per resource type,
 * what was removed and by which rule (and which elements because the project was not approved for them), the k-anonymity outcome (threshold, k achieved, the generalisation chosen, the
 * persons and resources suppressed) and what is never read at all.
 */
final class ExtractionReport {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ExtractionReport() {
    }

    static String json(Extraction extraction, ResearchProject project, ReleaseCohort.Release release, int cohort,
                       DeidReport report, DeidConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("extraction", extraction.id());
        root.put("project", project.id());
        root.put("generatedAt", Instant.now().toString());
        ObjectNode c = root.putObject("cohort");
        c.put("selected", cohort);
        c.put("read", report.persons());
        c.put("criteria", project.approved() == null ? "" : project.approved().criteria().text());
        ArrayNode categories = c.putArray("categories");
        release.categories().stream().map(Enum::name).sorted().forEach(categories::add);
        c.put("periodFrom", release.from() == null ? null : release.from().toString());
        c.put("periodTo", release.to() == null ? null : release.to().toString());
        ObjectNode r = root.putObject("resources");
        r.put("in", report.resourcesIn());
        put(r.putObject("outByType"), report.resourcesOut());
        ObjectNode k = root.putObject("kAnonymity");
        KAnonymity.Result result = report.kAnonymityResult();
        ArrayNode qis = k.putArray("quasiIdentifiers");
        ExtractionWork.QUASI_IDENTIFIERS.forEach(q -> qis.add(q.label()));
        k.put("threshold", extraction.kThreshold());
        k.put("achieved", result == null ? 0 : result.k());
        k.put("generalisation", result == null ? "" : result.generalisation());
        k.put("suppressedPersons", report.suppressedPersons());
        k.put("suppressedResources", report.suppressedResources());
        k.put("maxSuppressedFraction", config.maxSuppressedFraction());
        ObjectNode removed = root.putObject("removed");
        put(removed.putObject("byKind"), report.removedByKind());
        put(removed.putObject("byRule"), report.perRule());
        ArrayNode never = root.putArray("neverRead");
        never.add("the facilities' Patient resources (names, identifiers, card and insured-person numbers, contacts): "
                + "each person's Patient is made from birth date, sex and municipality only, then generalised");
        never.add("persons who opted out of secondary use, and persons merged from one who did");
        never.add("categories not approved, data flagged not told to the patient or not for sharing, deleted resources");
        root.put("dateShift", "per person, the same number of days for all of a person's resources, within ±"
                + config.dateShiftRange() + " days");
        root.put("rules", project.deidConfig() == null ? "the network's default (jp-default.json)"
                : "the project's own, set by the committee with its approval");
        ObjectNode fields = root.putObject("fieldsKept");
        if (project.approved() != null) {
            new java.util.TreeMap<>(project.approved().fields()).forEach((category, names) -> {
                if (!names.isEmpty()) {
                    ArrayNode kept = fields.putArray(category);
                    names.forEach(kept::add);
                    org.musubi.deid.DeidPipeline.ALWAYS_KEPT.stream().sorted().forEach(kept::add);
                }
            });
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void put(ObjectNode node, Map<String, Long> counts) {
        new java.util.TreeMap<>(counts).forEach(node::put);
    }
}
