package org.musubi.carenet.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.identity.SourcePatient;
import org.musubi.pathway.FormFault;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.Stage;
import org.musubi.policy.Interaction;
import org.musubi.record.Found;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.record.read.PersonRecord;
import tools.jackson.databind.JsonNode;

/**
 * Filling a stage's form. The form page reads the record once through the policy (one {@code READ
 * QuestionnaireResponse} audit row naming the Observations it prefilled from: the latest value of each mapped LOINC
 * code the reader may see). Saving enters the record through its one write door ({@link WriteRecords#enter}, one
 * {@code CREATE QuestionnaireResponse} audit row naming every resource written) gated by {@link Pathways#mayFill}: the
 * filling facility has standing for the person and is the stage's assigned facility (or, none assigned, of the
 * stage's kinds); it writes under its own source patient the response, the Observations extracted from it and their
 * Provenance, and marks the stage filled in the same transaction. A form with faults is shown again, nothing stored
 * and nothing audited (nothing of the record was read or written).
 */
public final class StageFilling {

    public static final String NOT_OUR_PATIENT = "pathway.form.notOurPatient";
    public static final String ALREADY_FILLED = "pathway.form.alreadyFilled";
    static final String AUDITED_AS = "QuestionnaireResponse";

    private final Pathways pathways;
    private final WriteRecords writes;
    private final ReadRecords reads;
    private final StageRecords records;
    private final Function<Reader, StageRecords.Filler> fillers;

    StageFilling(Pathways pathways, WriteRecords writes, ReadRecords reads, StageRecords records,
                 Function<Reader, StageRecords.Filler> fillers) {
        this.pathways = pathways;
        this.writes = writes;
        this.reads = reads;
        this.records = records;
        this.fillers = fillers;
    }

    /** A stage of an enrolment, as a form page shows it: with the values it starts with and those from the record. */
    public record FormPage(Enrolment enrolment, PathwayTemplate template, Stage stage, StageState state,
                           Map<String, List<String>> values, Set<String> prefilled) {
    }

    /** The stage's form for a facility that may fill it, prefilled from the record; empty (audited) otherwise. */
    public Optional<FormPage> form(Reader by, UUID id, int position) {
        Optional<Located> at = locate(id, position, AuditAction.READ);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        Located l = at.get();
        Interaction<FormPage> read = reads.readPerson(by, PatientRef.person(l.enrolment().personId()), AuditAction.READ,
                AUDITED_AS, view -> pathways.mayFill(view, by, l.enrolment(), l.state(), l.stage()), record -> {
                    Map<String, List<String>> values = StageForm.prefill(l.stage().form(), latest(record,
                            StageForm.mappedCodes(l.stage().form())));
                    return new FormPage(l.enrolment(), l.template(), l.stage(), l.state(), values, values.keySet());
                });
        return Optional.ofNullable(read.value());
    }

    /** The latest value per LOINC code among the Observations the reader sees. */
    private static Function<String, Optional<BigDecimal>> latest(PersonRecord record, Set<String> codes) {
        if (codes.isEmpty()) {
            return code -> Optional.empty();
        }
        Found found = record.search(new RecordQuery("Observation", List.of(new RecordQuery.TokenCondition("code",
                codes.stream().map(c -> new RecordQuery.Value(FhirSystems.LOINC, c)).toList())), null, null, null,
                true, 200, 0));
        Map<String, BigDecimal> latest = new HashMap<>();
        for (StoredResource resource : found.resources()) {
            JsonNode observation = ObservationValue.tree(resource.json());
            ObservationValue value = ObservationValue.of(observation);
            if (value.quantity() == null || value.quantity().number() == null) {
                continue;
            }
            for (JsonNode coding : observation.path("code").path("coding")) {
                String code = coding.path("code").asString("");
                if (FhirSystems.LOINC.equals(coding.path("system").asString("")) && codes.contains(code)) {
                    latest.putIfAbsent(code, value.quantity().number());
                }
            }
        }
        return code -> Optional.ofNullable(latest.get(code));
    }

    /** What saving a stage's form came to. */
    public sealed interface Filled {
        /** Stored: the QuestionnaireResponse's id. */
        record Saved(String responseId) implements Filled {
        }

        /** Not stored: the faults by item, and what was typed. */
        record Invalid(StageForm.Bound bound, FormPage page) implements Filled {
        }

        /**
         * Not stored: another filled the stage first — before this form was sent, or at the same moment (one audited
         * refusal, {@link #ALREADY_FILLED}). {@code page} is the stage as filled (who, when), with what this one typed.
         */
        record FilledMeanwhile(FormPage page) implements Filled {
        }

        /** No such stage for the reader (audited as a refusal). */
        record Refused() implements Filled {
        }
    }

    /**
     * Saves the stage's form from a page's fields; {@code nextFacility}: the facility the filler assigns the next
     * stage to (kept only when of that stage's kinds; null leaves it as it is).
     */
    public Filled fill(Reader by, UUID id, int position, Map<String, List<String>> fields, Long nextFacility) {
        Optional<Located> at = locate(id, position, AuditAction.CREATE);
        if (at.isEmpty()) {
            return new Filled.Refused();
        }
        Located l = at.get();
        StageForm.Bound bound = StageForm.bind(l.stage().form(), fields);
        if (l.state().filled() && pathways.fillsOutOfTurn(by, l.enrolment(), l.state(), l.stage())) {
            return filledMeanwhile(l, bound);
        }
        if (!bound.valid() && pathways.mayFillNow(by, l.enrolment(), l.state(), l.stage())) {
            return invalid(bound, l);
        }
        try {
            return store(by, id, position, nextFacility, l, bound);
        } catch (StageTaken raced) {
            // another save filled the stage between this one's reading and its write: nothing of this one was kept
            Optional<Located> now = pathways.store().find(id).flatMap(e -> e.stage(position)
                    .map(s -> new Located(e, l.template(), l.stage(), s)));
            return filledMeanwhile(now.orElse(l), bound);
        }
    }

    private Filled filledMeanwhile(Located l, StageForm.Bound bound) {
        pathways.filledMeanwhile(l.enrolment().id());
        return new Filled.FilledMeanwhile(new FormPage(l.enrolment(), l.template(), l.stage(), l.state(),
                bound.entered(), Set.of()));
    }

    /** The stage was filled by another save while this one was being stored: this one's transaction is undone. */
    private static final class StageTaken extends RuntimeException {
        StageTaken() {
            super(ALREADY_FILLED, null, false, false);
        }
    }

    private Filled store(Reader by, UUID id, int position, Long nextFacility, Located l, StageForm.Bound bound) {
        Instant now = Instant.now();
        Interaction<Filled> entered = writes.enter(by, l.enrolment().personId(), AuditAction.CREATE, AUDITED_AS,
                view -> pathways.mayFill(view, by, l.enrolment(), l.state(), l.stage()), entry -> {
                    if (!bound.valid()) {
                        return invalid(bound, l);
                    }
                    SourcePatient own = entry.view().sources().stream()
                            .filter(s -> s.facilityId() == by.facilityId()).findFirst().orElse(null);
                    if (own == null) {
                        return invalid(fault(bound, NOT_OUR_PATIENT), l);
                    }
                    String responseId = UUID.randomUUID().toString();
                    EnrolmentStore store = pathways.store();
                    // the stage's row is taken first (a second save at the same moment waits here, then finds it
                    // filled): nothing of the second is stored
                    if (!store.fill(id, position, now, by.userId(), by.facilityId(), responseId)) {
                        throw new StageTaken();
                    }
                    StageRecords.Filler filler = fillers.apply(by);
                    entry.store(records.writes(l.stage().form(), bound.response(), responseId, own, filler, now),
                            written -> records.provenance(written, own, filler, now, responseId));
                    boolean last = l.enrolment().stages().getLast().position() == position;
                    if (last) {
                        store.end(id, Enrolment.Status.COMPLETED, now, null);
                    } else if (nextFacility != null) {
                        PathwayTemplate template = l.template();
                        StageState next = l.enrolment().stage(position + 1).orElseThrow();
                        template.stage(next.stageCode()).map(s -> pathways.assignable(s, nextFacility))
                                .ifPresent(f -> store.assign(id, next.position(), f));
                    }
                    return new Filled.Saved(responseId);
                });
        return entered.permitted() && entered.value() != null ? entered.value() : new Filled.Refused();
    }

    private static Filled invalid(StageForm.Bound bound, Located l) {
        return new Filled.Invalid(bound, new FormPage(l.enrolment(), l.template(), l.stage(), l.state(),
                bound.entered(), Set.of()));
    }

    private static StageForm.Bound fault(StageForm.Bound bound, String reason) {
        List<FormFault> faults = new java.util.ArrayList<>(bound.faults());
        faults.add(new FormFault("form", reason, List.of()));
        return new StageForm.Bound(bound.response(), faults, bound.entered());
    }

    private record Located(Enrolment enrolment, PathwayTemplate template, Stage stage, StageState state) {
    }

    private Optional<Located> locate(UUID id, int position, AuditAction action) {
        Optional<Located> found = (id == null ? Optional.<Enrolment>empty() : pathways.store().find(id))
                .flatMap(e -> pathways.templateOf(e).flatMap(t -> e.stage(position)
                        .flatMap(s -> t.stage(s.stageCode()).map(stage -> new Located(e, t, stage, s)))));
        if (found.isEmpty()) {
            pathways.missed(action, id);
        }
        return found;
    }
}
