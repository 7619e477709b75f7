package org.musubi.portal.chart;

import static org.musubi.portal.chart.ChartEntries.LAB_REPORTS;
import static org.musubi.portal.chart.ChartEntries.dailyDose;
import static org.musubi.portal.chart.ChartEntries.period;
import static org.musubi.record.fhir.FhirJson.concept;
import static org.musubi.record.fhir.FhirJson.firstInstant;
import static org.musubi.record.fhir.reference.FhirReference.party;
import static org.musubi.record.fhir.FhirJson.quantity;
import static org.musubi.record.fhir.FhirJson.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.musubi.policy.DataCategory;
import org.musubi.portal.chart.ChartEntry.Detail;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.allergy.AllergyStatus;
import org.musubi.record.fhir.condition.ActiveProblems;
import org.musubi.record.fhir.condition.ConditionCodes;
import org.musubi.record.fhir.condition.ConditionStatus;
import org.musubi.record.fhir.condition.ProblemMark;
import org.musubi.record.fhir.medication.MedicationConcept;
import org.musubi.record.fhir.medication.MedicationCourse;
import org.musubi.record.fhir.observation.ObservationFlag;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.record.fhir.observation.ReferenceRangeText;
import org.musubi.record.fhir.reference.FhirReference;
import tools.jackson.databind.JsonNode;

/**
 * The entry of one resource under construction ({@link ChartEntries}): its details in the viewer's order, each kind of
 * resource read by its own method.
 */
final class ResourceEntry {
    private final StoredResource stored;
    private final JsonNode r;
    private final List<Detail> details = new ArrayList<>();

    ResourceEntry(StoredResource stored, JsonNode r) {
        this.stored = stored;
        this.r = r;
    }

    private ChartEntry entry(TimelineKind kind, Instant at, String title, boolean active, boolean document) {
        return new ChartEntry(kind, at, title, details, stored.sourceFacilityId(),
                stored.type(), stored.id(), active, document).flagged(stored.held());
    }

    private void add(String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            details.add(Detail.of(labelKey, value));
        }
    }

    /** A coded value the viewer shows by its label in the code table {@code set}. */
    private void addCode(String labelKey, String set, String code) {
        if (code != null && !code.isBlank()) {
            details.add(Detail.code(labelKey, set, code));
        }
    }

    ChartEntry encounter() {
        String type = concept(r.path("type").path(0));
        String cls = text(r.path("class").path("code"));
        add("chart.detail.period", period(r.path("period")));
        department(r.path("serviceType"));
        for (JsonNode reason : r.path("reasonCode")) {
            add("chart.detail.reason", concept(reason));
        }
        addCode("chart.detail.status", "status", text(r.path("status")));
        if (cls != null) {
            details.addFirst(Detail.code("chart.detail.class", "encounterClass", cls));
        }
        Instant at = FhirJson.instant(r.path("period").path("start"));
        return type != null || cls == null ? entry(TimelineKind.ENCOUNTER, at, type, false, false)
                : entry(TimelineKind.ENCOUNTER, at, cls, false, false).titled(Detail.CODES + "encounterClass." + cls);
    }

    ChartEntry condition() {
        ConditionStatus status = ConditionStatus.of(r);
        add("chart.detail.icd10", ConditionCodes.icd10(r));
        add("chart.detail.onset", text(r.path("onsetDateTime")));
        add("chart.detail.abatement", text(r.path("abatementDateTime")));
        add("chart.detail.outcome", ConditionStatus.outcome(r));
        addCode("chart.detail.clinicalStatus", "clinicalStatus", status.clinical());
        addCode("chart.detail.verification", "verificationStatus", status.sent());
        ChartEntry entry = entry(TimelineKind.DIAGNOSIS, firstInstant(r.path("onsetDateTime"), r.path("recordedDate")),
                concept(r.path("code")), status.active(), false);
        return entry.marked(ActiveProblems.marks(stored, r).stream().map(ProblemMark::key).toList());
    }

    ChartEntry allergy() {
        addCode("chart.detail.criticality", "criticality", text(r.path("criticality")));
        AllergyStatus.manifestations(r).forEach(m -> add("chart.detail.reaction", m));
        for (JsonNode note : r.path("note")) {
            add(null, text(note.path("text")));
        }
        addCode("chart.detail.clinicalStatus", "clinicalStatus", AllergyStatus.clinical(r));
        addCode("chart.detail.verification", "verificationStatus", AllergyStatus.verification(r));
        return entry(TimelineKind.ALLERGY, firstInstant(r.path("recordedDate"), r.path("onsetDateTime")),
                concept(r.path("code")), AllergyStatus.holds(r), false);
    }

    ChartEntry prescription() {
        dosages(r.path("dosageInstruction"));
        add("chart.detail.quantity", quantity(r.path("dispenseRequest").path("quantity")));
        add("chart.detail.supply", MedicationCourse.statedSupply("MedicationRequest", r));
        for (JsonNode note : r.path("note")) {
            add(null, text(note.path("text")));
        }
        add("chart.detail.prescriber", party(r, r.path("requester")));
        addCode("chart.detail.status", "status", text(r.path("status")));
        return entry(injection() ? TimelineKind.INJECTION : TimelineKind.PRESCRIPTION, FhirJson.instant(r.path("authoredOn")),
                medication(), false, false);
    }

    ChartEntry dispense() {
        dosages(r.path("dosageInstruction"));
        add("chart.detail.quantity", quantity(r.path("quantity")));
        add("chart.detail.supply", MedicationCourse.statedSupply("MedicationDispense", r));
        JsonNode pharmacy = r.path("performer").path(0).path("actor");
        for (JsonNode performer : r.path("performer")) {
            if ("Organization".equals(FhirReference.targetType(r, performer.path("actor")))) {
                pharmacy = performer.path("actor");
                break;
            }
        }
        add("chart.detail.pharmacy", party(r, pharmacy));
        for (JsonNode request : r.path("authorizingPrescription")) {
            add("chart.detail.prescriber", party(r, request));
        }
        for (JsonNode note : r.path("note")) {
            add(null, text(note.path("text")));
        }
        return entry(TimelineKind.DISPENSING, firstInstant(r.path("whenHandedOver"), r.path("whenPrepared")),
                medication(), false, false);
    }

    ChartEntry administration() {
        add("chart.detail.dose", quantity(r.path("dosage").path("dose")));
        add("chart.detail.route", concept(r.path("dosage").path("route")));
        addCode("chart.detail.status", "status", text(r.path("status")));
        return entry(injection() ? TimelineKind.INJECTION : TimelineKind.PRESCRIPTION,
                firstInstant(r.path("effectiveDateTime"), r.path("effectivePeriod").path("start")), medication(),
                false, false);
    }

    ChartEntry statement() {
        add("chart.detail.period", period(r.path("effectivePeriod")));
        for (JsonNode note : r.path("note")) {
            add(null, text(note.path("text")));
        }
        Optional<MedicationCourse> published = MedicationCourse.of(stored, r);
        if (published.isPresent()) { // a facility's note of the medicines it prescribes: its prescription
            add("chart.detail.prescriber", party(r, r.path("informationSource")));
            details.addFirst(Detail.coded("chart.detail.otc", "chart.published"));
            return entry(TimelineKind.PRESCRIPTION, firstInstant(r.path("effectivePeriod").path("start"),
                    r.path("effectiveDateTime"), r.path("dateAsserted")), medication(), false, false);
        }
        details.addFirst(Detail.coded("chart.detail.otc", "chart.otc"));
        return entry(TimelineKind.OTHER, firstInstant(r.path("effectivePeriod").path("start"), r.path("effectiveDateTime"),
                r.path("dateAsserted")), medication(), false, false);
    }

    ChartEntry observation() {
        String category = FhirJson.anyCode(r.path("category").path(0));
        ObservationValue read = ObservationValue.of(r);
        String value = read.shown();
        ObservationFlag flagged = ObservationFlag.of(r, read);
        String flag = flagged.raised() ? flagged.mark() : null;
        String range = ReferenceRangeText.ofObservation(r);
        String name = concept(r.path("code"));
        details.add(new Detail(null, name + ": " + (value == null ? "—" : value)
                + (range == null ? "" : " (" + range + ")"), null, flag));
        Instant at = firstInstant(r.path("effectiveDateTime"), r.path("effectivePeriod").path("start"), r.path("issued"));
        boolean lab = category == null || "laboratory".equals(category);
        TimelineKind kind = stored.category() == DataCategory.VITALS ? TimelineKind.VITALS
                : lab ? TimelineKind.LAB : TimelineKind.OTHER;
        return entry(kind, at, value == null ? name : name + " " + value,
                false, false);
    }

    ChartEntry report() {
        String category = FhirJson.anyCode(r.path("category").path(0));
        add("chart.detail.conclusion", text(r.path("conclusion")));
        addCode("chart.detail.status", "status", text(r.path("status")));
        Instant at = firstInstant(r.path("effectiveDateTime"), r.path("effectivePeriod").path("start"), r.path("issued"));
        if (LAB_REPORTS.contains(category)) {
            // A report of results is shown by its results; only a report with a conclusion alone stands here.
            return r.path("result").isEmpty() && r.has("conclusion")
                    ? entry(TimelineKind.LAB, at, concept(r.path("code")), false, false) : null;
        }
        return entry(TimelineKind.IMAGING, at, concept(r.path("code")), false, false);
    }

    ChartEntry document() {
        JsonNode attachment = r.path("content").path(0).path("attachment");
        add("chart.detail.description", text(r.path("description")));
        add("chart.detail.documentTitle", text(attachment.path("title")));
        add("chart.detail.contentType", text(attachment.path("contentType")));
        List<String> attached = new ArrayList<>();
        for (int i = 1; i < r.path("content").size(); i++) {
            String name = text(r.path("content").path(i).path("attachment").path("title"));
            attached.add(name != null ? name : text(r.path("content").path(i).path("attachment").path("contentType")));
        }
        add("chart.detail.attachments", String.join("、", attached.stream().filter(Objects::nonNull).toList()));
        add("chart.detail.author", party(r, r.path("author").path(0)));
        String title = concept(r.path("type"));
        return entry(TimelineKind.DOCUMENT, firstInstant(r.path("date"), attachment.path("creation"),
                r.path("context").path("period").path("start")), title != null ? title : text(attachment.path("title")),
                false, true);
    }

    ChartEntry imaging() {
        for (JsonNode modality : r.path("modality")) {
            add("chart.detail.modality", text(modality.path("code")));
        }
        add("chart.detail.series", text(r.path("numberOfSeries")));
        add("chart.detail.instances", text(r.path("numberOfInstances")));
        String title = text(r.path("description"));
        return entry(TimelineKind.IMAGING, FhirJson.instant(r.path("started")),
                title != null ? title : concept(r.path("procedureCode").path(0)), false, false);
    }

    ChartEntry other() {
        addCode("chart.detail.status", "status", text(r.path("status")));
        JsonNode code = r.has("vaccineCode") ? r.path("vaccineCode") : r.path("code");
        String title = concept(code);
        if (title == null) {
            title = text(r.path("title"));
        }
        if (title == null && r.has("oralDiet")) {
            title = concept(r.path("oralDiet").path("type").path(0));
        }
        Instant at = firstInstant(r.path("performedDateTime"), r.path("performedPeriod").path("start"),
                r.path("occurrenceDateTime"), r.path("authoredOn"), r.path("dateTime"), r.path("created"),
                r.path("period").path("start"));
        details.addFirst(Detail.coded("chart.detail.resourceType", "chart.type." + stored.type()));
        for (JsonNode note : r.path("note")) {
            add(null, text(note.path("text")));
        }
        return entry(TimelineKind.OTHER, at, title, false, false);
    }

    /** A care plan (ケア計画): its title or category, period, intent and activities' count. */
    ChartEntry carePlan() {
        addCode("chart.detail.status", "status", text(r.path("status")));
        add("chart.detail.description", text(r.path("description")));
        add("chart.detail.period", period(r.path("period")));
        add("chart.detail.activities", r.path("activity").isEmpty() ? null : String.valueOf(r.path("activity").size()));
        String title = text(r.path("title"));
        details.addFirst(Detail.coded("chart.detail.resourceType", "chart.type.CarePlan"));
        return entry(TimelineKind.CARE, firstInstant(r.path("period").path("start"), r.path("created")),
                title != null ? title : concept(r.path("category").path(0)), false, false);
    }

    /** A care team sent by a facility's system (Musubi's own teams are the care-team pages'): its members. */
    ChartEntry careTeam() {
        addCode("chart.detail.status", "status", text(r.path("status")));
        add("chart.detail.period", period(r.path("period")));
        for (JsonNode participant : r.path("participant")) {
            String role = concept(participant.path("role").path(0));
            String member = text(participant.path("member").path("display"));
            add("chart.detail.member", role == null ? member : member == null ? role : role + ": " + member);
        }
        details.addFirst(Detail.coded("chart.detail.resourceType", "chart.type.CareTeam"));
        String title = text(r.path("name"));
        return entry(TimelineKind.CARE, firstInstant(r.path("period").path("start")),
                title != null ? title : concept(r.path("category").path(0)), false, false);
    }

    /** A goal (目標): its description, lifecycle and achievement, the first target's due date. */
    ChartEntry goal() {
        addCode("chart.detail.status", "status", text(r.path("lifecycleStatus")));
        add("chart.detail.achievement", concept(r.path("achievementStatus")));
        add("chart.detail.due", text(r.path("target").path(0).path("dueDate")));
        details.addFirst(Detail.coded("chart.detail.resourceType", "chart.type.Goal"));
        boolean active = "active".equals(text(r.path("lifecycleStatus")));
        return entry(TimelineKind.CARE, firstInstant(r.path("startDate"), r.path("statusDate")),
                concept(r.path("description")), active, false);
    }

    /** A care task (ケアのタスク): what, its status, who is to do it and by when. */
    ChartEntry task() {
        addCode("chart.detail.status", "status", text(r.path("status")));
        add("chart.detail.description", text(r.path("description")));
        add("chart.detail.owner", text(r.path("owner").path("display")));
        add("chart.detail.due", text(r.path("restriction").path("period").path("end")));
        details.addFirst(Detail.coded("chart.detail.resourceType", "chart.type.Task"));
        String title = concept(r.path("code"));
        return entry(TimelineKind.CARE, firstInstant(r.path("authoredOn"), r.path("lastModified")),
                title != null ? title : text(r.path("description")), false, false);
    }

    /** A filled form (記入済みの様式): the form it answers, as sent (its canonical URL), its status and size. */
    ChartEntry questionnaireResponse() {
        addCode("chart.detail.status", "status", text(r.path("status")));
        add("chart.detail.answers", String.valueOf(answered(r.path("item"))));
        add("chart.detail.author", text(r.path("author").path("display")));
        details.addFirst(Detail.coded("chart.detail.resourceType", "chart.type.QuestionnaireResponse"));
        return entry(TimelineKind.CARE, firstInstant(r.path("authored")), text(r.path("questionnaire")), false,
                false);
    }

    /** A message (a care-team note, a consultation): what it says, who sent it and when. */
    ChartEntry communication() {
        addCode("chart.detail.status", "status", text(r.path("status")));
        add("chart.detail.author", text(r.path("sender").path("display")));
        details.addFirst(Detail.coded("chart.detail.resourceType", "chart.type.Communication"));
        String said = null;
        for (JsonNode payload : r.path("payload")) {
            said = said != null ? said : text(payload.path("contentString"));
        }
        boolean care = stored.category() == DataCategory.CARE_RECORDS;
        return entry(care ? TimelineKind.CARE : TimelineKind.DOCUMENT, firstInstant(r.path("sent"),
                r.path("received")), said != null ? said : concept(r.path("topic")), false, false);
    }

    /** How many answers a form's items (nested ones included) hold. */
    private static int answered(JsonNode items) {
        int n = 0;
        for (JsonNode item : items) {
            n += item.path("answer").size() + answered(item.path("item"));
            for (JsonNode answer : item.path("answer")) {
                n += answered(answer.path("item"));
            }
        }
        return n;
    }

    /** A department: its text or display as sent, else its SS-MIX2 診療科 code by the code table. */
    private void department(JsonNode serviceType) {
        String shown = FhirJson.concept(serviceType);
        String code = FhirJson.anyCode(serviceType);
        if (shown != null && shown.equals(code)) {
            addCode("chart.detail.department", "department", code);
        } else {
            add("chart.detail.department", shown);
        }
    }

    private boolean injection() {
        for (JsonNode profile : r.path("meta").path("profile")) {
            if (text(profile) != null && text(profile).endsWith("_Injection")) {
                return true;
            }
        }
        return false;
    }

    private String medication() {
        JsonNode concept = MedicationConcept.stated(r);
        if (!concept.isMissingNode()) {
            return concept(concept);
        }
        JsonNode reference = r.path("medicationReference");
        String display = text(reference.path("display"));
        return display != null ? display : concept(FhirReference.contained(r, reference).path("code"));
    }

    private void dosages(JsonNode dosages) {
        for (JsonNode dosage : dosages) {
            add("chart.detail.dosage", text(dosage.path("text")));
            add("chart.detail.dose", quantity(dosage.path("doseAndRate").path(0).path("doseQuantity")));
            add("chart.detail.dailyDose", dailyDose(dosage.path("doseAndRate").path(0).path("rateRatio")));
            JsonNode timing = dosage.path("timing").path("code");
            add("chart.detail.usage", concept(timing));
        }
    }
}
