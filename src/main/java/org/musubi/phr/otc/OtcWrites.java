package org.musubi.phr.otc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.phr.vitals.PhrPatient;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.phr.vitals.VitalObservations;
import org.musubi.policy.PersonView;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;

/**
 * What a self-entered OTC drug or supplement writes ({@link OtcRecords} reads them): the resident's Patient, the
 * statement (an unguessable id per entry, a new version per change) and a Provenance naming the version, its author
 * and, for a proxy, the patient on whose behalf they entered it.
 */
public final class OtcWrites {

    private final PhrSources sources;
    private final VitalObservations observations;
    private final Clock clock;

    public OtcWrites(PhrSources sources, VitalObservations observations, Clock clock) {
        this.sources = sources;
        this.observations = observations;
        this.clock = clock;
    }

    /** The resident's own source patient at the notebook (made and linked now by {@code userId} on the first entry). */
    public PhrPatient patient(long userId, PersonView view) {
        return sources.of(userId, view.opened().orElseThrow(), view.sources());
    }

    /** A new entry's id: unguessable, derived from the resident's source and a random part. */
    public static String newId(PhrPatient patient) {
        return patient.id(OtcRecords.TYPE + "\u001f" + UUID.randomUUID());
    }

    /** The Patient and the entry's new version. */
    public List<ResourceWrite> statement(PhrPatient patient, String id, OtcEntry.Values values, EnteredBy by) {
        MedicationStatement statement = OtcFhir.toResource(values, by, "Patient/" + patient.patientId(),
                Date.from(clock.instant()), LocalDate.now(clock.withZone(OtcRecords.JAPAN)));
        return List.of(observations.patient(patient), observations.write(patient, statement, id));
    }

    /** The Provenance of a new version: recorded now, its author, and on whose behalf a proxy acted. */
    public ResourceWrite provenance(PhrPatient patient, Written version, EnteredBy by) {
        String target = version.type() + "/" + version.id() + "/_history/" + version.version();
        Provenance provenance = new Provenance();
        provenance.addTarget(new Reference(target));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        Reference self = new Reference("Patient/" + patient.patientId());
        var agent = provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE,
                "author", "Author")));
        if (by.proxy()) {
            agent.setWho(new Reference().setDisplay(by.name())).setOnBehalfOf(self);
        } else {
            agent.setWho(self);
        }
        return observations.write(patient, provenance, patient.id("Provenance\u001f" + target));
    }
}
