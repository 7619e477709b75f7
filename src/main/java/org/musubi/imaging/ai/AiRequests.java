package org.musubi.imaging.ai;

import java.util.List;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;

/**
 * A doctor asks an AI service to analyse a study (「AI解析を依頼 / Ask AI」): decided as opening the study is (the
 * access policy on the study's patient — reached through the reader's own patient at the study's facility, else
 * through the linked person — and the study's ImagingStudy readable), one audit row (CREATE on the study's patient,
 * naming the ImagingStudy), and the work item queued in the same transaction. A study the doctor may not see, an unknown study or service, a service that does
 * not take the study's kind and a user who is no doctor all answer {@link Optional#empty()} after one audit row, like a
 * study that does not exist.
 */
public final class AiRequests {

    /** The type the audit rows of requests name. */
    public static final String TYPE = "ImagingStudy";

    private final ReadRecords reads;
    private final AiServices services;
    private final AiWorkItems items;
    private final AiRecords records;
    private final AiContext context;

    public AiRequests(ReadRecords reads, AiServices services, AiWorkItems items, AiRecords records,
                      AiContext context) {
        this.reads = reads;
        this.services = services;
        this.items = items;
        this.records = records;
        this.context = context;
    }

    /** A service offered on the study page. */
    public record Offered(long id, String name, String model) {
    }

    /**
     * The enabled services that take the study's kind, for a doctor; none for anyone else. No patient data (the
     * study's kind), not audited.
     */
    public List<Offered> offeredFor(Reader reader, IndexedStudy study) {
        if (reader == null || reader.facilityId() == null || !context.directory().doctor(reader.userId())) {
            return List.of();
        }
        return services.all().stream().filter(s -> s.takes(study.modality()))
                .map(s -> new Offered(s.id(), s.name(), s.modelName() + " " + s.modelVersion())).toList();
    }

    /**
     * Queues study {@code studyUid} for service {@code serviceId} as asked by {@code reader} (the open work item when
     * one is there already); empty, after one audit row, when refused.
     *
     * @throws IllegalStateException on a read-only standby (its web filter refuses the post before this)
     */
    public Optional<AiWorkItem> ask(Reader reader, String studyUid, long serviceId) {
        if (context.readOnly().getAsBoolean()) {
            throw new IllegalStateException("a read-only standby queues nothing");
        }
        IndexedStudy study = IndexedStudy.isUid(studyUid) ? context.studies().find(studyUid).orElse(null) : null;
        AiService service = study == null ? null
                : services.find(serviceId).filter(s -> s.takes(study.modality())).orElse(null);
        if (service == null || reader.facilityId() == null || !context.directory().doctor(reader.userId())) {
            reads.missed(reader, AuditAction.CREATE, TYPE, IndexedStudy.isUid(studyUid) ? studyUid : "-");
            return Optional.empty();
        }
        PatientRef patient = context.patientOf(reader, study);
        Interaction<AiWorkItem> asked = context.audit().allOrNothing(() -> reads.readPerson(reader, patient,
                AuditAction.CREATE, TYPE, record -> {
                    List<StoredResource> seen = record.contents(List.of(study.resourceId()));
                    if (seen.isEmpty() || seen.getFirst().deleted()
                            || seen.getFirst().patientKey() != study.sourcePatientId()) {
                        return null;
                    }
                    return items.queue(service.id(), study.studyUid(), reader.userId(), context.clock().instant());
                }));
        return asked.permitted() ? Optional.ofNullable(asked.value()) : Optional.empty();
    }

    /**
     * The AI reports of {@code study} the reader may see, newest first: one audited read when the study has any
     * (none, and no audit row, when no work item of it is DONE).
     */
    public List<AiRecords.Shown> findings(Reader reader, IndexedStudy study) {
        List<String> reports = items.doneOf(study.studyUid()).stream().map(AiWorkItem::reportId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        return reader == null ? List.of() : records.shown(reader, study, reports);
    }
}
