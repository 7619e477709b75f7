package org.musubi.letters.exchange;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.Task;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.policy.Disclosure;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.Located;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.signature.Signatures;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record's side of a letter: the document Bundle (tagged as sent as a letter, {@link FhirSystems#LETTER_TYPE}),
 * the Task that tracks it (owner the addressee, focus the Bundle, output the reply) and the Provenance of what the
 * sender wrote (carrying the Bundle's signature); what the addressee is let see of them (the letter's disclosure, made
 * when it is sent, by whose id the addressee reads and answers it); and the letter as the exchange keeps it (JSON).
 */
public final class LetterResources {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final FhirContext context;
    private final ResourceEncoder encoder;
    private final ResourceLookup lookup;
    private final Clock clock;
    private final Disclose disclose;

    public LetterResources(FhirContext context, ResourceEncoder encoder, ResourceLookup lookup, Clock clock,
                           Disclose disclose) {
        this.context = context;
        this.encoder = encoder;
        this.lookup = lookup;
        this.clock = clock;
        this.disclose = disclose;
    }

    /**
     * Records the letter {@code id} as what its addressee facility is let see ({@code Disclosure.letter}: its rows under
     * the sender's source patient {@code patientKey}), in the sending transaction: the letter and its disclosure are
     * stored together or not at all.
     */
    void disclose(UUID id, long personId, long patientKey, long senderFacility, long addresseeFacility,
                  LetterKind kind) {
        disclose.disclose(source(id), Disclosure.letter(personId, patientKey, addresseeFacility).from(senderFacility),
                kind.name(), null);
    }

    /** The id of the disclosure the letter {@code id} was sent with, which the record's doors read it by. */
    long disclosureOf(UUID id) {
        return disclose.idOf(source(id));
    }

    private static String source(UUID letterId) {
        return "letter:" + letterId;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LetterExchange.JAPAN);
    }

    /** The letter's document, with its resource id and the tag that makes it a letter; and its exact bytes. */
    Bundle tagged(Bundle document, String id, LetterKind kind) {
        document.setId(id);
        if (document.getMeta().getTag().stream().noneMatch(t -> FhirSystems.LETTER_TYPE.equals(t.getSystem()))) {
            document.getMeta().addTag(FhirSystems.LETTER_TYPE, kind.localCode(), kind.japanese());
        }
        return document;
    }

    byte[] bytes(Bundle document) {
        return context.newJsonParser().encodeResourceToString(document).getBytes(StandardCharsets.UTF_8);
    }

    Bundle parse(byte[] json) {
        return context.newJsonParser().parseResource(Bundle.class, new String(json, StandardCharsets.UTF_8));
    }

    ResourceWrite document(Bundle document, long patientKey, long facilityId) {
        return encoder.entered(document, document.getIdElement().getIdPart(), patientKey, facilityId);
    }

    /** What a Task of a letter says at a status. */
    record TaskState(String taskId, String documentId, LetterKind kind, long patientKey, long senderFacility,
                     String senderName, String authorName, String addresseeName, String addresseeCode,
                     Instant sentAt, LocalDate due, LetterStatus status, String reason, String replyDocumentId) {
    }

    /** The Task at {@code state}, written under the sender's patient (whoever changes it: the Task is the shared state). */
    ResourceWrite task(TaskState s) {
        Task task = new Task();
        task.setId(s.taskId());
        task.setStatus(Task.TaskStatus.fromCode(s.status().code()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept(new Coding(FhirSystems.LETTER_TYPE, s.kind().localCode(), s.kind().japanese())));
        task.setDescription(s.kind().japanese());
        task.setFocus(new Reference("Bundle/" + s.documentId()));
        Map<Long, String> patientIds = lookup.patientIds(s.senderFacility(), List.of(s.patientKey()));
        Reference patient = patientIds.containsKey(s.patientKey())
                ? new Reference("Patient/" + patientIds.get(s.patientKey())) : new Reference().setDisplay("患者 / Patient");
        task.setFor(patient);
        task.setAuthoredOn(Date.from(s.sentAt()));
        task.setLastModified(Date.from(clock.instant()));
        task.setRequester(new Reference().setDisplay(s.authorName() + "（" + s.senderName() + "）"));
        Reference owner = new Reference().setDisplay(s.addresseeName());
        if (s.addresseeCode() != null) {
            owner.setIdentifier(new Identifier().setSystem(FhirSystems.INSTITUTION_NO).setValue(s.addresseeCode()));
        }
        task.setOwner(owner);
        if (s.due() != null) {
            task.getRestriction().setPeriod(new Period().setEndElement(
                    new org.hl7.fhir.r4.model.DateTimeType(s.due().toString())));
        }
        if (s.reason() != null) {
            task.setStatusReason(new CodeableConcept().setText(s.reason()));
        }
        if (s.replyDocumentId() != null) {
            task.addOutput().setType(new CodeableConcept(new Coding(FhirSystems.LETTER_TYPE, LetterKind.REPLY.localCode(),
                    LetterKind.REPLY.japanese()))).setValue(new Reference("Bundle/" + s.replyDocumentId()));
        }
        return encoder.entered(task, s.taskId(), s.patientKey(), s.senderFacility());
    }

    /** The Provenance of what a send wrote: the author on behalf of the sender, with the Bundle's signature. */
    ResourceWrite provenance(List<Written> written, String authorName, String senderName, byte[] bundleSignature,
                             long patientKey, long facilityId, String id) {
        Provenance provenance = new Provenance();
        written.forEach(w -> provenance.addTarget(new Reference(w.type() + "/" + w.id() + "/_history/" + w.version())));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                        "Author"))).setWho(new Reference().setDisplay(authorName))
                .setOnBehalfOf(new Reference().setDisplay(senderName));
        if (bundleSignature != null) {
            provenance.addSignature(new Signature().addType(new Coding(FhirSystems.SIGNATURE_TYPE, "1.2.840.10065.1.12.1.1",
                            "Author's Signature")).setWhen(Date.from(clock.instant()))
                    .setWho(new Reference().setDisplay(authorName)).setSigFormat(Signatures.BUNDLE_SIGNATURE_FORMAT)
                    .setData(bundleSignature));
        }
        return encoder.entered(provenance, id, patientKey, facilityId);
    }

    /** Where the writer's Patient resource is, when it is the writer's. */
    Optional<Located> patient(String patientResourceId, long writerFacility) {
        return lookup.locate("Patient", patientResourceId).filter(l -> l.sourceFacilityId() == writerFacility)
                .filter(l -> !l.deleted());
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Letter letter(String json) {
        return json == null ? null : JSON.readValue(json, Letter.class);
    }

    static LetterRequest request(String json) {
        return JSON.readValue(json, LetterRequest.class);
    }

    static ZoneId zone() {
        return LetterExchange.JAPAN;
    }
}
