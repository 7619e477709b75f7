package org.musubi.carenet;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.musubi.identity.SourcePatient;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.VitalSign;

/**
 * A care team's entries as FHIR R4, ready to enter under the writer's facility's source patient: a note is a
 * Communication of Musubi's category {@code care-team-note} {@code about} {@code CareTeam/<team>} (a SOAP note one
 * payload per part, "S: …"; an ADL check also {@code care-team-adl}, its four items in Musubi's local CodeSystem {@link
 * FhirSystems#CARE_TEAM_ADL}, written out in the payload); vital signs are final Observations coded by the one table
 * of vital signs ({@link VitalSign}: LOINC, the Japanese name, UCUM units, the vital-signs categories and JP Core's
 * profile, as the health notebook writes them; blood pressure one panel with its two components) naming the team in
 * {@link FhirSystems#CARE_TEAM_EXTENSION}; a task is a Task (intent order, {@code for} the patient, {@code owner} the
 * assignee, due in {@code restriction.period.end}); a photo is a Media of the picture in the blob store naming the team
 * in the same extension; each entry with its Provenance (the writer as author). Ids are
 * random UUIDs. Encoded, indexed and categorised as every writer does ({@link ResourceEncoder}).
 */
final class TeamRecords {

    private final ResourceEncoder encoder;
    private final Clock clock;
    private final ca.uhn.fhir.parser.IParser parser;

    TeamRecords(ResourceEncoder encoder, Clock clock, ca.uhn.fhir.context.FhirContext context) {
        this.encoder = encoder;
        this.clock = clock;
        this.parser = context.newJsonParser();
    }

    Clock clock() {
        return clock;
    }

    /** A measure of a team's vital signs: the one table's (blood pressure's parts are the panel's components). */
    enum Measure {
        SYSTOLIC(VitalSign.SYSTOLIC), DIASTOLIC(VitalSign.DIASTOLIC), PULSE(VitalSign.HEART_RATE),
        TEMPERATURE(VitalSign.BODY_TEMPERATURE), SPO2(VitalSign.SPO2), WEIGHT(VitalSign.BODY_WEIGHT);

        final VitalSign sign;

        Measure(VitalSign sign) {
            this.sign = sign;
        }
    }

    /** The ADL items of a team's short check. */
    static final List<String> ADL_ITEMS = List.of("meal", "toilet", "bathing", "mobility");
    /** The answers of an ADL item. */
    static final List<String> ADL_ANSWERS = List.of("independent", "partial", "dependent");

    ResourceWrite note(UUID team, SourcePatient own, String id, String author, TeamEntry.Kind kind, List<String> parts) {
        Communication note = communication(team, author);
        if (kind == TeamEntry.Kind.ADL) {
            note.addCategory(new CodeableConcept(new Coding(FhirSystems.COMMUNICATION_CATEGORY,
                    FhirSystems.CARE_TEAM_ADL_NOTE, "Care team ADL check")));
        }
        parts.forEach(p -> note.addPayload().setContent(new StringType(p)));
        return encoder.entered(note, id, own.id(), own.facilityId());
    }

    /** A team's ADL answers coded, for the note's payload (item → answer, in the local CodeSystem). */
    static String adlPart(String item, String answer) {
        return item + "=" + answer + " (" + FhirSystems.CARE_TEAM_ADL + ")";
    }

    List<ResourceWrite> vitals(UUID team, SourcePatient own, String author, Map<Measure, BigDecimal> values) {
        List<ResourceWrite> writes = new java.util.ArrayList<>();
        if (values.containsKey(Measure.SYSTOLIC) && values.containsKey(Measure.DIASTOLIC)) {
            Observation panel = observation(team, author, VitalSign.SYSTOLIC);
            panel.setCode(VitalSign.bloodPressure());
            for (Measure part : List.of(Measure.SYSTOLIC, Measure.DIASTOLIC)) {
                panel.addComponent().setCode(part.sign.code()).setValue(part.sign.unit().quantity(values.get(part)));
            }
            writes.add(encoder.entered(panel, UUID.randomUUID().toString(), own.id(), own.facilityId()));
        }
        values.forEach((measure, value) -> {
            if (measure != Measure.SYSTOLIC && measure != Measure.DIASTOLIC) {
                Observation single = observation(team, author, measure.sign);
                single.setCode(measure.sign.code());
                single.setValue(measure.sign.unit().quantity(value));
                writes.add(encoder.entered(single, UUID.randomUUID().toString(), own.id(), own.facilityId()));
            }
        });
        return writes;
    }

    ResourceWrite task(UUID team, SourcePatient own, String id, String author, String text, String assignee,
                       long assigneeId, LocalDate due) {
        Task task = new Task();
        task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        task.setDescription(text);
        task.setAuthoredOnElement(new DateTimeType(Date.from(clock.instant())));
        task.setRequester(new Reference().setDisplay(author));
        task.setOwner(new Reference().setDisplay(assignee).setIdentifier(
                new org.hl7.fhir.r4.model.Identifier().setSystem(FhirSystems.REGISTRY_USER)
                        .setValue(String.valueOf(assigneeId))));
        if (due != null) {
            task.getRestriction().setPeriod(new Period().setEndElement(new DateTimeType(due.toString())));
        }
        task.addExtension(FhirSystems.CARE_TEAM_EXTENSION, new Reference("CareTeam/" + team));
        return encoder.entered(task, id, own.id(), own.facilityId());
    }

    /** The same Task (as stored, {@code json}) with a new status. */
    ResourceWrite taskStatus(String json, String id, SourcePatient own, String status) {
        Task task = parser.parseResource(Task.class, json);
        task.setStatus(Task.TaskStatus.fromCode(status));
        task.setLastModifiedElement(new DateTimeType(Date.from(clock.instant())));
        return encoder.entered(task, id, own.id(), own.facilityId());
    }

    /** A member's note that a task's status changed: about the team and the Task. */
    ResourceWrite statusNote(UUID team, SourcePatient own, String id, String author, String taskId, String status) {
        Communication note = communication(team, author);
        note.addAbout(new Reference("Task/" + taskId));
        note.addPayload().setContent(new StringType("status=" + status));
        return encoder.entered(note, id, own.id(), own.facilityId());
    }

    /**
     * A team's photo: a completed Media of the picture kept in the blob store ({@code content.url} {@link
     * FhirSystems#BLOB_SHA256}{@code :<sha256>}, its type, size and the SHA-1 FHIR's {@code hash} asks for is left out:
     * the blob's own key names its bytes), taken now by the writer, the caption as a note, the body site as text, the
     * team in the extension (which makes it CARE_RECORDS).
     */
    ResourceWrite photo(UUID team, SourcePatient own, String id, String author, TeamPhotos.Kept kept, String caption,
                        String bodySite) {
        Media media = new Media();
        media.setStatus(Media.MediaStatus.COMPLETED);
        media.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/media-type", "image",
                "Image")));
        media.setCreated(new DateTimeType(Date.from(clock.instant())));
        media.setOperator(new Reference().setDisplay(author));
        media.setContent(new Attachment().setContentType(kept.mediaType()).setSize((int) kept.size())
                .setUrl(FhirSystems.BLOB_SHA256 + ":" + kept.sha256()).setTitle("在宅ケアチームの写真"));
        if (caption != null) {
            media.addNote().setText(caption);
        }
        if (bodySite != null) {
            media.setBodySite(new CodeableConcept().setText(bodySite));
        }
        media.addExtension(FhirSystems.CARE_TEAM_EXTENSION, new Reference("CareTeam/" + team));
        return encoder.entered(media, id, own.id(), own.facilityId());
    }

    ResourceWrite provenance(SourcePatient own, String author, List<Written> written) {
        Provenance provenance = new Provenance();
        written.stream().filter(w -> w.change() != Written.Change.UNCHANGED)
                .forEach(w -> provenance.addTarget(new Reference(w.type() + "/" + w.id() + "/_history/" + w.version())));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                "Author"))).setWho(new Reference().setDisplay(author));
        return encoder.entered(provenance, UUID.randomUUID().toString(), own.id(), own.facilityId());
    }

    private Communication communication(UUID team, String author) {
        Communication note = new Communication();
        note.setStatus(Communication.CommunicationStatus.COMPLETED);
        note.addCategory(new CodeableConcept(new Coding(FhirSystems.COMMUNICATION_CATEGORY, FhirSystems.CARE_TEAM_NOTE,
                "Care team note")));
        note.addAbout(new Reference("CareTeam/" + team));
        note.setSender(new Reference().setDisplay(author));
        note.setSentElement(new DateTimeType(Date.from(clock.instant())));
        return note;
    }

    /** A final Observation of the measure, with the one table's profile and categories, by the writer, now. */
    private Observation observation(UUID team, String author, VitalSign sign) {
        Observation observation = sign.classify(new Observation());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addPerformer(new Reference().setDisplay(author));
        observation.setEffective(new DateTimeType(Date.from(clock.instant())));
        observation.addExtension(FhirSystems.CARE_TEAM_EXTENSION, new Reference("CareTeam/" + team));
        return observation;
    }

}
