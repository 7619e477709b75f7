package org.musubi.imaging.stow;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.index.IndexStudies;
import org.musubi.imaging.index.Matched;
import org.musubi.imaging.index.StudyDemographics;
import org.musubi.imaging.index.StudyPatients;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.Reader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * STOW-RS through Musubi: a facility's system stores instances of its own patients. Each instance is read ({@link
 * DicomHeader}) and refused unless its PatientID + IssuerOfPatientID (no issuer: the facility's own patient ID) names
 * one of the calling facility's source patients ({@link StudyPatients#ofCaller}) and its study is not indexed under
 * another patient; a patient of another facility is refused exactly like one that does not exist (the same failure
 * reason, {@link #NOT_AUTHORIZED}). The accepted ones are forwarded to Orthanc's STOW-RS in one request, each study
 * stored is indexed at once as the caller's own data, and the call leaves one audit row ({@link #TARGET}) naming the
 * studies, besides the ImagingStudy writes' own.
 */
public final class StoreInstances {

    /** The audit target of a STOW-RS call. */
    public static final String TARGET = "imaging-stow";
    /** DICOM failure reason 0x0124 (refused: not authorized), for a patient the caller may not store into. */
    public static final int NOT_AUTHORIZED = 0x0124;
    /** DICOM failure reason 0xC000 (cannot understand), for a part that is no readable DICOM instance. */
    public static final int CANNOT_UNDERSTAND = 0xC000;
    /** DICOM failure reason 0x0110 (processing failure): the archive did not store it. */
    public static final int PROCESSING_FAILURE = 0x0110;
    /**
     * Failure reason 0xC001 (in DICOM's "cannot understand" range, C000–CFFF, Musubi's own): the instance's patient
     * name, sex or birth date contradicts the caller's patient its PatientID names ({@link StudyDemographics}); it
     * is not stored, so that a mix-up at the modality never files one person's images under another.
     */
    public static final int CONTRADICTS_PATIENT = 0xC001;
    /** DICOM failure reason 0xA900: the instance is not of the study the request's URL names. */
    public static final int WRONG_STUDY = 0xA900;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrthancClient archive;
    private final StudyPatients patients;
    private final IndexStudies studies;
    private final Audit audit;
    private final IdentityStore identities;

    public StoreInstances(OrthancClient archive, StudyPatients patients, IndexStudies studies, Audit audit,
                          IdentityStore identities) {
        this.archive = archive;
        this.patients = patients;
        this.studies = studies;
        this.audit = audit;
        this.identities = identities;
    }

    /** One instance's outcome: stored, or failed with a DICOM failure reason. */
    public record Instance(String sopClassUid, String sopInstanceUid, String studyUid, Integer failure) {
    }

    /** What the call stored and refused, instance by instance in the request's order, and the studies indexed. */
    public record Stored(List<Instance> instances, List<IndexedStudy> indexed) {

        public boolean allFailed() {
            return instances.stream().allMatch(i -> i.failure() != null);
        }

        public boolean anyFailed() {
            return instances.stream().anyMatch(i -> i.failure() != null);
        }
    }

    /** Stores {@code parts} (DICOM files) for {@code caller}, a facility's system; {@code study}: the URL's study, or null. */
    public Stored store(Reader caller, String study, List<byte[]> parts) {
        long facility = caller.facilityId();
        List<Instance> outcomes = new ArrayList<>();
        List<byte[]> accepted = new ArrayList<>();
        List<Integer> acceptedAt = new ArrayList<>();
        Map<String, Matched> studyPatients = new LinkedHashMap<>();
        for (byte[] part : parts) {
            Optional<DicomHeader> header = DicomHeader.read(part);
            if (header.isEmpty() || !IndexedStudy.isUid(header.get().studyUid())) {
                outcomes.add(new Instance(header.map(DicomHeader::sopClassUid).orElse(null),
                        header.map(DicomHeader::sopInstanceUid).orElse(null), null, CANNOT_UNDERSTAND));
                continue;
            }
            DicomHeader h = header.get();
            if (study != null && !study.equals(h.studyUid())) {
                outcomes.add(new Instance(h.sopClassUid(), h.sopInstanceUid(), h.studyUid(), WRONG_STUDY));
                continue;
            }
            StudyPatients.Found found = patients.ofCaller(facility, h.patientId(), h.issuer(), h.said());
            if (found.reason() == StudyPatients.Reason.CONTRADICTS_PATIENT) {
                outcomes.add(new Instance(h.sopClassUid(), h.sopInstanceUid(), h.studyUid(), CONTRADICTS_PATIENT));
                continue;
            }
            Optional<Matched> patient = Optional.ofNullable(found.patient());
            Optional<Matched> before = patients.indexed(h.studyUid());
            Matched already = studyPatients.get(h.studyUid());
            boolean allowed = patient.isPresent() && before.map(patient.get()::equals).orElse(true)
                    && (already == null || already.equals(patient.get()));
            if (!allowed) {
                outcomes.add(new Instance(h.sopClassUid(), h.sopInstanceUid(), h.studyUid(), NOT_AUTHORIZED));
                continue;
            }
            studyPatients.put(h.studyUid(), patient.get());
            acceptedAt.add(outcomes.size());
            outcomes.add(new Instance(h.sopClassUid(), h.sopInstanceUid(), h.studyUid(), null));
            accepted.add(part);
        }
        Set<String> failedInArchive = accepted.isEmpty() ? Set.of() : forward(accepted);
        Set<String> storedStudies = new LinkedHashSet<>();
        for (int at : acceptedAt) {
            Instance i = outcomes.get(at);
            if (failedInArchive.contains(i.sopInstanceUid()) || failedInArchive.contains("*")) {
                outcomes.set(at, new Instance(i.sopClassUid(), i.sopInstanceUid(), i.studyUid(), PROCESSING_FAILURE));
            } else {
                storedStudies.add(i.studyUid());
            }
        }
        List<IndexedStudy> indexed = new ArrayList<>();
        for (String uid : storedStudies) {
            orthancId(uid).map(id -> studies.indexStored(id, studyPatients.get(uid), caller)).ifPresent(indexed::add);
        }
        Stored stored = new Stored(List.copyOf(outcomes), List.copyOf(indexed));
        audit(stored, studyPatients);
        return stored;
    }

    /**
     * Orthanc's id of a study it just stored, asked a few times: should the archive not tell it at once, the change
     * feed indexes the study when it is stable anyway.
     */
    private Optional<String> orthancId(String studyUid) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<String> id = studies.orthancId(studyUid);
            if (id.isPresent()) {
                return id;
            }
            try {
                Thread.sleep(100L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private void audit(Stored stored, Map<String, Matched> studyPatients) {
        long ok = stored.instances().stream().filter(i -> i.failure() == null).count();
        String person = stored.indexed().stream().findFirst()
                .flatMap(s -> identities.personOf(s.sourcePatientId())).flatMap(identities::person)
                .map(p -> p.person().regionalId()).orElse(null);
        List<Object> uids = new ArrayList<>(stored.indexed().stream().map(IndexedStudy::studyUid).toList());
        if (uids.isEmpty()) {
            uids.add("none");
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, ok == 0 ? Outcome.DENY : Outcome.PERMIT)
                .on(TARGET, uids.toArray()).patient(person).purpose(Purpose.TREATMENT)
                .reason(ok + " stored, " + (stored.instances().size() - ok) + " refused"));
    }

    /** Sends the accepted instances to Orthanc's STOW-RS; the SOP instance UIDs it failed ({@code *}: all). */
    private Set<String> forward(List<byte[]> parts) {
        String boundary = "musubi-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> answer = archive.bytes(archive.request(archive.dicomWeb("studies"))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        if (answer.statusCode() != 200 && answer.statusCode() != 202) {
            return Set.of("*");
        }
        Set<String> failed = new LinkedHashSet<>();
        try {
            JsonNode root = JSON.readTree(answer.body());
            for (JsonNode item : root.path("00081198").path("Value")) {
                failed.add(item.path("00081155").path("Value").path(0).asString());
            }
        } catch (RuntimeException unreadable) {
            return answer.statusCode() == 200 ? Set.of() : Set.of("*");
        }
        return failed;
    }
}
