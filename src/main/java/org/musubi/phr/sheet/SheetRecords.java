package org.musubi.phr.sheet;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.phr.vitals.PhrPatient;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.phr.vitals.VitalObservations;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.PersonView;
import org.musubi.record.Outline;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.read.PersonRecord;

/**
 * The emergency sheet in the record store: found in a person's record (the notebook facility's QuestionnaireResponse
 * of category EMERGENCY_SHEET), and written as the resident's Patient, the sheet (one id per person, a new version per
 * change) and a Provenance naming the version, its author and, for a proxy or a staff member, the patient on whose
 * behalf they entered it.
 */
public final class SheetRecords {

    /** An id no sheet has: the history of a person who has none is asked for it, and found missing (and audited). */
    static final String NO_SHEET = "no-emergency-sheet";

    private final FhirContext context;
    private final PhrSources sources;
    private final VitalObservations observations;
    private final Clock clock;

    public SheetRecords(FhirContext context, PhrSources sources, VitalObservations observations, Clock clock) {
        this.context = context;
        this.sources = sources;
        this.observations = observations;
        this.clock = clock;
    }

    /** The item the policy judges for the sheet: the notebook's facility, EMERGENCY_SHEET. */
    public DataItem item() {
        return new DataItem(sources.facility().id(), DataCategory.EMERGENCY_SHEET);
    }

    /** The sheet's current version in a record being read, if the reader may see it and it exists. */
    public Optional<SheetVersion> current(PersonRecord record) {
        long notebook = sources.facility().id();
        List<String> ids = record.outline().stream().filter(o -> o.sourceFacilityId() == notebook
                && o.category() == DataCategory.EMERGENCY_SHEET && o.type().equals("QuestionnaireResponse"))
                .map(Outline::id).limit(1).toList();
        return ids.isEmpty() ? Optional.empty() : record.contents(ids).stream().findFirst().map(this::version);
    }

    /** A stored version read back. */
    public SheetVersion version(StoredResource stored) {
        QuestionnaireResponse response = context.newJsonParser().parseResource(QuestionnaireResponse.class, stored.json());
        Instant at = response.hasAuthored() ? response.getAuthored().toInstant() : stored.lastUpdated();
        return new SheetVersion(stored.id(), stored.version(), at, SheetFhir.sheet(response), SheetFhir.entry(response));
    }

    /** The id of the person's sheet when they have a source at the notebook (whether or not a sheet was stored). */
    public Optional<String> existingSheetId(long personId) {
        return sources.existing(personId).map(SheetRecords::sheetId);
    }

    private static String sheetId(PhrPatient patient) {
        return patient.id("QuestionnaireResponse\u001femergency-sheet");
    }

    /**
     * The resident's source at the notebook (made and linked by {@code userId} when it does not exist yet; {@code
     * onBehalf}: by a facility's staff entering the sheet for them).
     */
    public PhrPatient patient(long userId, PersonView view, boolean onBehalf) {
        return onBehalf ? sources.of(userId, view.opened().orElseThrow(), view.sources(),
                "the emergency sheet, entered on the resident's behalf by a linked facility")
                : sources.of(userId, view.opened().orElseThrow(), view.sources());
    }

    /** The Patient and the sheet's new version. */
    public List<ResourceWrite> sheet(PhrPatient patient, EmergencySheet sheet, SheetEntry entry) {
        QuestionnaireResponse response = SheetFhir.toResource(sheet, entry, "Patient/" + patient.patientId(),
                Date.from(clock.instant()));
        return List.of(observations.patient(patient), observations.write(patient, response, sheetId(patient)));
    }

    /** The Provenance of a new version: recorded now, its author, and on whose behalf a proxy or staff member acted. */
    public ResourceWrite provenance(PhrPatient patient, Written version, SheetEntry entry) {
        String target = version.type() + "/" + version.id() + "/_history/" + version.version();
        Provenance provenance = new Provenance();
        provenance.addTarget(new Reference(target));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        Reference self = new Reference("Patient/" + patient.patientId());
        var agent = provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE,
                entry.confirmation() ? "verifier" : "author", entry.confirmation() ? "Verifier" : "Author")));
        if (entry.by() == SheetEntry.By.RESIDENT) {
            agent.setWho(self);
        } else {
            agent.setWho(new Reference().setDisplay(who(entry))).setOnBehalfOf(self);
        }
        return observations.write(patient, provenance, patient.id("Provenance\u001f" + target));
    }

    private static String who(SheetEntry entry) {
        if (entry.facility() == null) {
            return entry.name();
        }
        return (entry.name() == null ? "" : entry.name() + " ") + "(" + entry.facility() + ")";
    }
}
