package org.musubi.carenet.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.Stage;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.policy.PersonView;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;

/**
 * Enrolments in regional pathways. A facility with standing for the patient (a card-made link: {@link
 * PersonView#actAsHolder}) enrols them in a template's current version — the version is kept for the enrolment's life
 * — assigning each stage to a facility of the stage's kinds or leaving it open; it or any facility with standing
 * withdraws it. Whoever may open the patient's record sees the enrolment; anyone else, and a guessed id, is refused
 * like an enrolment that does not exist ({@link #NOT_FOUND}). Each enrolment, withdrawal and opening is one audit row
 * naming the person ({@code PathwayEnrolment}).
 */
public final class Pathways {

    public static final String NOT_FOUND = "pathway.enrolment.notFound";
    public static final String NOT_ASSIGNED = "pathway.enrolment.notAssigned";
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String AUDITED_AS = "PathwayEnrolment";

    private final EnrolmentStore store;
    private final PathwayCatalog catalog;
    private final PersonAccess access;
    private final Facilities facilities;
    private final Audit audit;

    public Pathways(EnrolmentStore store, PathwayCatalog catalog, PersonAccess access, Facilities facilities,
                    Audit audit) {
        this.store = store;
        this.catalog = catalog;
        this.access = access;
        this.facilities = facilities;
        this.audit = audit;
    }

    /** The templates new enrolments use (their current versions). */
    public List<PathwayTemplate> offered() {
        return catalog.current();
    }

    /** The template version an enrolment was made under. */
    public Optional<PathwayTemplate> templateOf(Enrolment enrolment) {
        return catalog.version(enrolment.templateCode(), enrolment.templateVersion());
    }

    /** The active facilities that may be assigned a stage (of the stage's kinds), by kana name. */
    public List<Facility> candidates(Stage stage) {
        return facilities.all().stream().filter(Facility::active).filter(f -> stage.filledBy(f.kind())).toList();
    }

    /**
     * Enrols the person in the current version of template {@code code}, the stages assigned as {@code assignments}
     * says (stage code → facility id; a facility not of the stage's kinds is ignored), each due {@code dueMonths} after
     * today. One audit row ({@code CREATE PathwayEnrolment}), refused when the enrolling facility has no standing.
     */
    public Optional<Enrolment> enrol(Reader by, long personId, String code, Map<String, Long> assignments) {
        Optional<PathwayTemplate> template = catalog.current(code);
        if (template.isEmpty() || by.facilityId() == null) {
            return Optional.empty();
        }
        Interaction<Enrolment> made = audit.allOrNothing(() -> access.interact(by.userId(), by.purpose(),
                Reached.person(personId), AuditAction.CREATE, AUDITED_AS, view -> {
                    Decision holder = view.actAsHolder();
                    if (!holder.permitted()) {
                        return Interaction.refused(holder, List.of());
                    }
                    Enrolment enrolment = newEnrolment(by, personId, template.get(), assignments, Instant.now());
                    store.insert(enrolment);
                    return Interaction.permitted(enrolment, holder, List.of(AUDITED_AS + "/" + enrolment.id()));
                }));
        return Optional.ofNullable(made.value());
    }

    private Enrolment newEnrolment(Reader by, long personId, PathwayTemplate template, Map<String, Long> assignments,
                                   Instant now) {
        LocalDate today = LocalDate.ofInstant(now, JAPAN);
        List<StageState> stages = new ArrayList<>();
        int position = 0;
        for (Stage stage : template.stages()) {
            stages.add(new StageState(position++, stage.code(), assignable(stage, assignments.get(stage.code())),
                    today.plusMonths(stage.dueMonths()), null, null, null, null));
        }
        return new Enrolment(UUID.randomUUID(), personId, template.code(), template.version(), by.facilityId(),
                by.userId(), now, Enrolment.Status.ACTIVE, null, stages);
    }

    /** The facility when it is an active facility of the stage's kinds; null otherwise. */
    Long assignable(Stage stage, Long facilityId) {
        return facilityId == null ? null : facilities.find(facilityId).filter(Facility::active)
                .filter(f -> stage.filledBy(f.kind())).map(Facility::id).orElse(null);
    }

    /** An enrolment opened: the enrolment, its template version and the view the policy gave. */
    public record Opened(Enrolment enrolment, PathwayTemplate template, PersonView view) {
    }

    /**
     * Opens an enrolment for a reader who may open the person's record beyond their own facility's data ({@link
     * #sees}): one audit row ({@code READ PathwayEnrolment});
     * empty, audited as a refusal, for anyone else or an id that names none.
     */
    public Optional<Opened> open(Reader by, UUID id) {
        Optional<Enrolment> found = id == null ? Optional.empty() : store.find(id);
        Optional<PathwayTemplate> template = found.flatMap(this::templateOf);
        if (found.isEmpty() || template.isEmpty()) {
            missed(AuditAction.READ, id);
            return Optional.empty();
        }
        Interaction<Opened> opened = access.interact(by.userId(), by.purpose(), Reached.person(found.get().personId()),
                AuditAction.READ, AUDITED_AS, view -> {
                    Decision seen = sees(view);
                    return seen.permitted() ? Interaction.permitted(new Opened(found.get(), template.get(), view),
                            seen, List.of(AUDITED_AS + "/" + id)) : Interaction.refused(seen, List.of());
                });
        return Optional.ofNullable(opened.value());
    }

    /**
     * Whether a view shows the person's pathways: the record opened for more than the reader's own facility's data
     * (a pathway spans facilities; a facility that holds only what it sent itself sees none of it).
     */
    static Decision sees(PersonView view) {
        if (!view.permitted()) {
            return view.decision();
        }
        return view.showsOwnDataOnly() ? new Deny(NOT_FOUND) : view.decision();
    }

    /**
     * Whether the reader may see the person's pathways ({@link #sees}): for the patient's pathway page, one audit row
     * ({@code READ PathwayEnrolment}) naming the person.
     */
    public boolean opensPerson(Reader by, long personId) {
        Reached person = Reached.person(personId);
        return access.interact(by.userId(), by.purpose(), person, AuditAction.READ, AUDITED_AS, view -> {
            Decision seen = sees(view);
            return seen.permitted() ? Interaction.permitted(true, seen, List.of()) : Interaction.refused(seen, List.of());
        }).permitted();
    }

    /** Withdraws an active enrolment: a facility with standing for the person; one audit row. */
    public boolean withdraw(Reader by, UUID id) {
        Optional<Enrolment> found = id == null ? Optional.empty() : store.find(id);
        if (found.isEmpty()) {
            missed(AuditAction.UPDATE, id);
            return false;
        }
        Interaction<Boolean> done = audit.allOrNothing(() -> access.interact(by.userId(), by.purpose(),
                Reached.person(found.get().personId()), AuditAction.UPDATE, AUDITED_AS, view -> {
                    Decision holder = view.actAsHolder();
                    if (!holder.permitted()) {
                        return Interaction.refused(holder, List.of());
                    }
                    boolean ended = store.end(id, Enrolment.Status.WITHDRAWN, Instant.now(), by.userId());
                    return Interaction.permitted(ended, holder, List.of(AUDITED_AS + "/" + id));
                }));
        return Boolean.TRUE.equals(done.value());
    }

    /**
     * Whether the reader's facility may fill the stage, given the view the person opened with: it has standing for
     * the person (it enters under its own patient, linked with the card), and it is the stage's assigned facility — or,
     * when none is assigned, a facility of the stage's kinds. Only the next stage of an active enrolment is filled.
     */
    Decision mayFill(PersonView view, Reader by, Enrolment enrolment, StageState state, Stage stage) {
        Decision holder = view.actAsHolder();
        if (!holder.permitted()) {
            return holder;
        }
        return fills(by, enrolment, state, stage) ? holder : new Deny(NOT_ASSIGNED);
    }

    /** The stage is the enrolment's next and the reader's facility is the one to fill it. */
    private boolean fills(Reader by, Enrolment enrolment, StageState state, Stage stage) {
        return by.facilityId() != null && enrolment.next().filter(n -> n.position() == state.position()).isPresent()
                && (state.assignedFacilityId() == null
                ? facilities.find(by.facilityId()).filter(f -> stage.filledBy(f.kind())).isPresent()
                : state.assignedTo(by.facilityId()));
    }

    /**
     * {@link #mayFill} decided without opening the person (not audited): to show a form with faults again to a
     * facility that may fill it, before anything of the record is read or written.
     */
    public boolean mayFillNow(Reader by, Enrolment enrolment, StageState state, Stage stage) {
        return fills(by, enrolment, state, stage) && access.standing(by.facilityId(), enrolment.personId());
    }

    /**
     * The person's enrolments for the person themself or their live proxy (self access): one interaction, one audit
     * row naming the person; empty for anyone else, exactly as for no such person.
     */
    public Optional<List<Enrolment>> forResident(long userId, long personId) {
        Interaction<List<Enrolment>> read = access.interact(userId, org.musubi.audit.Purpose.PATIENT_SELF_ACCESS,
                Reached.person(personId), AuditAction.READ, AUDITED_AS, view -> {
                    List<Enrolment> mine = view.permitted() ? store.ofPerson(personId) : List.of();
                    return view.permitted() ? Interaction.permitted(mine, view.decision(),
                            mine.stream().map(e -> AUDITED_AS + "/" + e.id()).toList())
                            : Interaction.refused(view.decision(), List.of());
                });
        return Optional.ofNullable(read.value());
    }

    /** The person's enrolments, for a page that opened the person already (its one audit row covers this). */
    public List<Enrolment> ofPerson(long personId) {
        return store.ofPerson(personId);
    }

    EnrolmentStore store() {
        return store;
    }

    /**
     * Whether {@code by}'s facility is the one a stage's form is for, whatever its turn: the stage's assigned facility
     * or, none assigned, one of its kinds — and still has standing for the person (not audited: to tell a filler whose
     * stage was filled meanwhile, {@link StageFilling}).
     */
    boolean fillsOutOfTurn(Reader by, Enrolment enrolment, StageState state, Stage stage) {
        return by.facilityId() != null && (state.assignedFacilityId() == null
                ? facilities.find(by.facilityId()).filter(f -> stage.filledBy(f.kind())).isPresent()
                : state.assignedTo(by.facilityId())) && access.standing(by.facilityId(), enrolment.personId());
    }

    /** A stage's form saved after another filled it: one refusal row, {@link StageFilling#ALREADY_FILLED}. */
    void filledMeanwhile(UUID id) {
        audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.DENY).reason(StageFilling.ALREADY_FILLED)
                .on(AUDITED_AS, id));
    }

    void missed(AuditAction action, UUID id) {
        AuditEntry entry = AuditEntry.of(action, Outcome.DENY).reason(NOT_FOUND);
        audit.record(id == null ? entry.on(AUDITED_AS) : entry.on(AUDITED_AS, id));
    }
}
