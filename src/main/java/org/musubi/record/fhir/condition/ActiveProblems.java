package org.musubi.record.fhir.condition;

import static org.musubi.record.fhir.FhirJson.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.text.PlainText;
import tools.jackson.databind.JsonNode;

/**
 * A person's active problems: the Conditions that hold now ({@link ConditionStatus#active()}), one entry per
 * diagnosis however many facilities sent it. Two Conditions are one diagnosis when they share a disease master code
 * (the same system and code: MEDIS 病名管理番号, the receipt's 傷病名コード …), or when their names are the same once
 * full- and half-width forms and spaces are set aside ({@link PlainText}); an ICD-10 code alone does not join them (one
 * ICD-10 code covers many diagnoses). The entry takes its name and codes from the first sender (in the order given)
 * that gives a disease master code (else an ICD-10 code, else the first sender), its onset from the earliest sender, and its marks: 疑い and 既往歴（申告）
 * only when every sender says so (one facility's confirmed diagnosis confirms it), 主病名, 未告知 and 未提供 when any
 * does. The one reader of a problem list for the viewer's header, the letters, the crews' dataset and {@code $summary}.
 */
public final class ActiveProblems {

    /** A Musubi Condition category ({@link FhirSystems#MUSUBI_CONDITION_CATEGORY}): a history nobody diagnosed. */
    public static final String REPORTED_HISTORY = "reported-history";

    private ActiveProblems() {
    }

    /**
     * The active problems among {@code resources} (any types; the others are passed over), read as JSON ({@code json}:
     * the same order): main diagnoses first, then the newest onset first, those without an onset last.
     */
    public static List<Problem> of(List<StoredResource> resources, List<JsonNode> json) {
        Set<Group> groups = new LinkedHashSet<>(); // the group a Condition joined last goes last
        Map<String, Group> byKey = new HashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            StoredResource stored = resources.get(i);
            if (stored.deleted() || !stored.type().equals("Condition")) {
                continue;
            }
            JsonNode r = json.get(i);
            String title = FhirJson.concept(r.path("code"));
            if (title == null || !ConditionStatus.of(r).active()) {
                continue;
            }
            Sent sent = Sent.of(i, stored, r, title);
            Set<Group> joined = new LinkedHashSet<>();
            sent.keys.stream().map(byKey::get).filter(g -> g != null).forEach(joined::add);
            Group group = joined.isEmpty() ? new Group() : joined.iterator().next();
            for (Group known : joined) {
                groups.remove(known);
                if (known != group) {
                    group.absorb(known);
                    known.sent.forEach(s -> s.keys.forEach(k -> byKey.put(k, group)));
                }
            }
            group.add(sent);
            sent.keys.forEach(k -> byKey.put(k, group));
            groups.add(group);
        }
        return groups.stream().map(Group::problem)
                .sorted(Comparator.comparing(Problem::main).reversed()
                        .thenComparing(Problem::onset, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The marks of one stored Condition (the timeline's entry of it): as {@link #of} gives them for one sender. */
    public static Set<ProblemMark> marks(StoredResource stored, JsonNode condition) {
        Set<ProblemMark> marks = EnumSet.noneOf(ProblemMark.class);
        boolean history = reportedHistory(condition);
        if (history) {
            marks.add(ProblemMark.REPORTED_HISTORY);
        } else if (ConditionStatus.of(condition).suspected()) {
            marks.add(ProblemMark.SUSPECTED);
        }
        if (main(condition)) {
            marks.add(ProblemMark.MAIN);
        }
        for (DataCategory flag : DataCategory.flagsIn(stored.held())) {
            marks.add(flag == DataCategory.UNINFORMED ? ProblemMark.UNINFORMED : ProblemMark.UNDELIVERED);
        }
        return marks;
    }

    /** Whether the Condition is a history the patient or a pharmacist wrote down ({@link #REPORTED_HISTORY}). */
    static boolean reportedHistory(JsonNode condition) {
        for (JsonNode category : condition.path("category")) {
            for (JsonNode coding : category.path("coding")) {
                if (FhirSystems.MUSUBI_CONDITION_CATEGORY.equals(text(coding.path("system")))
                        && REPORTED_HISTORY.equals(text(coding.path("code")))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a sender marked it the main diagnosis: JP-CLINS's diagnosis type {@code principal}, or a receipt's 主傷病
     * flag.
     */
    static boolean main(JsonNode condition) {
        for (JsonNode extension : condition.path("extension")) {
            if (FhirSystems.DIAGNOSIS_TYPE.equals(text(extension.path("url")))
                    && codes(extension.path("valueCodeableConcept"), FhirSystems.EX_DIAGNOSIS_TYPE).contains("principal")) {
                return true;
            }
        }
        for (JsonNode category : condition.path("category")) {
            if (!codes(category, FhirSystems.RECEIPT_MAIN_DIAGNOSIS).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> codes(JsonNode concept, String system) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode coding : concept.path("coding")) {
            if (system.equals(text(coding.path("system"))) && text(coding.path("code")) != null) {
                codes.add(text(coding.path("code")));
            }
        }
        return codes;
    }

    /** What makes two Conditions one diagnosis: each disease master coding, and the plain name. */
    private static List<String> keys(JsonNode condition, String title) {
        List<String> keys = new ArrayList<>();
        keys.add("name:" + PlainText.of(title));
        for (ConditionCodes.Code code : ConditionCodes.diseaseCodes(condition)) {
            keys.add("code:" + (code.system() == null ? "" : code.system()) + "|" + code.code());
        }
        return keys;
    }

    /**
     * One sender's Condition, with what joins and orders it read once.
     *
     * @param keys what makes it one diagnosis with another ({@link #keys})
     * @param rank how well it names the diagnosis: a disease master code, else an ICD-10 code, else words only
     */
    private record Sent(int index, StoredResource stored, JsonNode json, String title, List<String> keys,
                        LocalDate onset, int rank) {

        static Sent of(int index, StoredResource stored, JsonNode json, String title) {
            Instant at = FhirJson.firstInstant(json.path("onsetDateTime"), json.path("onsetPeriod").path("start"));
            int rank = !ConditionCodes.diseaseCodes(json).isEmpty() ? 2 : ConditionCodes.icd10(json) != null ? 1 : 0;
            return new Sent(index, stored, json, title, ActiveProblems.keys(json, title),
                    at == null ? null : at.atZone(FhirJson.JAPAN).toLocalDate(), rank);
        }
    }

    /** The senders of one diagnosis, in the order given. */
    private static final class Group {
        private final List<Sent> sent = new ArrayList<>();

        void add(Sent one) {
            sent.add(one);
        }

        void absorb(Group other) {
            sent.addAll(other.sent);
            sent.sort(Comparator.comparingInt(Sent::index));
        }

        Problem problem() {
            Sent named = sent.stream().max(Comparator.comparingInt(Sent::rank)).orElseThrow();
            List<Sent> byOnset = sent.stream()
                    .sorted(Comparator.comparing(Sent::onset, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
            Set<Long> sources = new LinkedHashSet<>();
            byOnset.forEach(s -> sources.add(s.stored.sourceFacilityId()));
            Set<ProblemMark> marks = EnumSet.noneOf(ProblemMark.class);
            boolean allSuspected = true;
            boolean allReported = true;
            for (Sent s : sent) {
                Set<ProblemMark> own = marks(s.stored, s.json);
                allSuspected &= own.contains(ProblemMark.SUSPECTED);
                allReported &= own.contains(ProblemMark.REPORTED_HISTORY);
                own.remove(ProblemMark.SUSPECTED);
                own.remove(ProblemMark.REPORTED_HISTORY);
                marks.addAll(own);
            }
            if (allSuspected) {
                marks.add(ProblemMark.SUSPECTED);
            }
            if (allReported) {
                marks.add(ProblemMark.REPORTED_HISTORY);
            }
            List<String> refs = new ArrayList<>();
            refs.add("Condition/" + named.stored.id());
            sent.stream().filter(s -> s != named).forEach(s -> refs.add("Condition/" + s.stored.id()));
            return new Problem(named.title, named.json.path("code"), byOnset.getFirst().onset(), List.copyOf(sources),
                    marks, refs);
        }
    }
}
