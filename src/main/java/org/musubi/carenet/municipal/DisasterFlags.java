package org.musubi.carenet.municipal;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.audit.AuditAction;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.read.PersonRecord;
import org.musubi.registry.Profession;

/**
 * The 災害時要配慮者 flag (避難行動要支援者: a resident who needs help to evacuate in a disaster), kept by the care
 * manager or the municipality: a FHIR Flag in the person's record, code {@link FhirSystems#EVACUATION_SUPPORT} of
 * {@link FhirSystems#DISASTER_SUPPORT}, category {@code DEMOGRAPHICS} (record.fhir.FhirIndexer), its reason in
 * {@code code.text}. One Flag per keeping facility (its id made from the facility's source patient), set and cleared
 * as versions of it (status active / inactive, the period's end), each with a Provenance, through the one write door
 * by a care manager, municipal staff or public-health nurse whose facility holds the record: one audit row each.
 * Responders see the active flags on the emergency minimum dataset while disaster mode is on (emergency.web).
 */
public final class DisasterFlags {

    /** Who keeps the flag. */
    public static final Set<Profession> KEEPERS = Set.of(Profession.CARE_MANAGER, Profession.MUNICIPAL_STAFF,
            Profession.PUBLIC_HEALTH_NURSE);
    /** Audited as. */
    public static final String TYPE = "Flag";

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final WriteRecords writes;
    private final ReadRecords reads;
    private final ResourceEncoder encoder;
    private final Parties parties;
    private final Settings settings;

    /** The clock, and whether this node is a read-only standby. */
    public record Settings(Clock clock, BooleanSupplier readOnly) {
    }

    DisasterFlags(WriteRecords writes, ReadRecords reads, ResourceEncoder encoder, Parties parties, Settings settings) {
        this.writes = writes;
        this.reads = reads;
        this.encoder = encoder;
        this.parties = parties;
        this.settings = settings;
    }

    /** The same flags on a read-only standby, for tests and drills. */
    public DisasterFlags onStandby() {
        return new DisasterFlags(writes, reads, encoder, parties, new Settings(settings.clock(), () -> true));
    }

    /** An active flag as it reads: why help is needed, since when, kept by which facility. */
    public record Held(String reason, Instant since, String keptBy, long facilityId) {
    }

    /** What a change did. */
    public enum Change { SET, CLEARED, UNCHANGED, NOT_OUR_PATIENT }

    /** Whether the user may keep flags (profession only; the record's holder is decided at each change). */
    public boolean keeper(long userId) {
        return parties.profession(userId).filter(KEEPERS::contains).isPresent();
    }

    /** The person's active flags as the reader's view shows them: one read through the policy, one audit row. */
    public Interaction<List<Held>> read(Reader reader, long personId) {
        return reads.readPerson(reader, PatientRef.person(personId), AuditAction.READ, TYPE, record -> active(record));
    }

    /**
     * Sets ({@code on}) or clears the reader's facility's flag, with a reason: one entry through the write door, one
     * audit row, under the facility's own patient (linked with the card and a chart number: {@link
     * Change#NOT_OUR_PATIENT} otherwise; nothing stored). Refused (null value) when the facility does not hold the
     * record, the profession keeps no flags, or there is no such person.
     */
    public Interaction<Change> set(Reader reader, long personId, boolean on, String reason) {
        if (settings.readOnly().getAsBoolean()) {
            throw new org.musubi.database.ReadOnlyStandbyException();
        }
        boolean keeper = keeper(reader.userId());
        String why = reason == null ? "" : reason.strip();
        return writes.enter(reader, personId, on ? AuditAction.CREATE : AuditAction.UPDATE, TYPE,
                view -> keeper ? view.actAsHolder() : refusal(view), entry -> {
                    SourcePatient own = entry.view().sources().stream().filter(s -> reader.actsFor(s.facilityId()))
                            .findFirst().orElse(null);
                    if (own == null) {
                        return Change.NOT_OUR_PATIENT;
                    }
                    String id = UUID.nameUUIDFromBytes(("disaster-flag\u001f" + own.id())
                            .getBytes(StandardCharsets.UTF_8)).toString();
                    Flag flag = new Flag();
                    flag.setStatus(on ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
                    flag.addCategory(new CodeableConcept(new Coding(FhirSystems.FLAG_CATEGORY, "safety", "Safety")));
                    flag.setCode(new CodeableConcept(new Coding(FhirSystems.DISASTER_SUPPORT,
                            FhirSystems.EVACUATION_SUPPORT, "避難行動要支援者")).setText(why));
                    Instant now = settings.clock().instant();
                    Held held = active(entry).stream().filter(h -> h.facilityId() == own.facilityId()).findFirst()
                            .orElse(null);
                    if (on == (held != null) && (!on || held.reason().equals(why))) {
                        return Change.UNCHANGED;
                    }
                    Period period = new Period().setStart(Date.from(on || held == null ? now : held.since()));
                    if (!on) {
                        period.setEnd(Date.from(now));
                    }
                    flag.setPeriod(period);
                    flag.setAuthor(new Reference().setDisplay(parties.facilityName(own.facilityId())));
                    entry.store(List.of(encoder.entered(flag, id, own.id(), own.facilityId())),
                            written -> provenance(written, own, reader.userId(), id));
                    return on ? Change.SET : Change.CLEARED;
                });
    }

    private static Decision refusal(PersonView view) {
        return view.permitted() ? new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION) : view.decision();
    }

    private List<Held> active(PersonRecord record) {
        List<String> ids = record.outline().stream().filter(o -> o.type().equals(TYPE)).map(o -> o.id()).toList();
        List<Held> held = new ArrayList<>();
        for (StoredResource stored : ids.isEmpty() ? List.<StoredResource>of() : record.contents(ids)) {
            if (stored.deleted()) {
                continue;
            }
            Flag flag = FHIR.newJsonParser().parseResource(Flag.class, stored.json());
            boolean ours = flag.getCode().getCoding().stream().anyMatch(c -> FhirSystems.DISASTER_SUPPORT
                    .equals(c.getSystem()) && FhirSystems.EVACUATION_SUPPORT.equals(c.getCode()));
            if (ours && flag.getStatus() == Flag.FlagStatus.ACTIVE) {
                held.add(new Held(flag.getCode().getText() == null ? "" : flag.getCode().getText(),
                        flag.getPeriod().getStart() == null ? null : flag.getPeriod().getStart().toInstant(),
                        parties.facilityName(stored.sourceFacilityId()), stored.sourceFacilityId()));
            }
        }
        return held;
    }

    private ResourceWrite provenance(List<Written> written, SourcePatient own, long userId, String flagId) {
        Provenance provenance = new Provenance();
        written.forEach(w -> provenance.addTarget(new Reference(w.type() + "/" + w.id() + "/_history/" + w.version())));
        provenance.setRecordedElement(new InstantType(Date.from(settings.clock().instant())));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                "Author"))).setWho(new Reference().setDisplay(parties.name(userId)));
        String id = UUID.nameUUIDFromBytes(("disaster-flag-provenance\u001f" + flagId + "\u001f"
                + written.getFirst().version()).getBytes(StandardCharsets.UTF_8)).toString();
        return encoder.entered(provenance, id, own.id(), own.facilityId());
    }
}
