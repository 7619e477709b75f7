package org.musubi.phr.checkups;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.blob.BlobStore;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.policy.Interaction;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.musubi.record.read.PersonRecord;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;

/**
 * The resident's checkups as they see them (健診結果), each page one audited self-access read of their record (their
 * own, or the person they are a live proxy for: the policy decides): every 特定健診 report of any facility (by its
 * report code), every report a checkup centre sent, and the paper results entered in the notebook, newest first, with
 * their Observations; and the photo of a paper result, served only from a report this reader sees (anything else,
 * existing or not, answers alike: empty).
 */
public final class ReadCheckups {

    /** The report code of a 特定健診 (報告区分 10, 特定健診情報), as the import and the notebook's paper results write it. */
    static final String REPORT_KIND = "urn:oid:1.2.392.200119.6.1001";
    static final String CHECKUP_RESULT = "10";
    static final int MOST = 200;
    private final ReadRecords reads;
    private final Facilities facilities;
    private final PhrSources sources;
    private final CheckupReadings readings;
    private final BlobStore blobs;

    public ReadCheckups(ReadRecords reads, Facilities facilities, PhrSources sources, CheckupReadings readings,
                        BlobStore blobs) {
        this.reads = reads;
        this.facilities = facilities;
        this.sources = sources;
        this.readings = readings;
        this.blobs = blobs;
    }

    /** A photo to serve: its media type and content (to be closed by the caller). */
    public record Photo(String mediaType, InputStream content) {
    }

    /** Every checkup of the person, newest first; empty when this reader may not read the person's record. */
    public Optional<List<Checkup>> all(long userId, long personId) {
        Interaction<List<Checkup>> read = reads.readPerson(reader(userId), PatientRef.person(personId),
                AuditAction.READ, "phr-checkups", this::checkups);
        return Optional.ofNullable(read.value());
    }

    /** The photo of the paper result {@code reportId} in the person's record; empty when there is none to this reader. */
    public Optional<Photo> photo(long userId, long personId, String reportId) {
        long notebook = sources.facility().id();
        Interaction<Optional<DiagnosticReport>> read = reads.readPerson(reader(userId), PatientRef.person(personId),
                AuditAction.READ, "phr-checkup-photo", record -> {
                    boolean listed = record.outline().stream().anyMatch(o -> o.id().equals(reportId)
                            && o.type().equals("DiagnosticReport") && o.sourceFacilityId() == notebook);
                    return listed ? record.contents(List.of(reportId)).stream().findFirst().map(readings::report)
                            : Optional.empty();
                });
        if (read.value() == null || read.value().isEmpty()) {
            return Optional.empty();
        }
        DiagnosticReport report = read.value().get();
        String sha256 = CheckupReadings.photo(report);
        if (!BlobStore.isKey(sha256)) {
            return Optional.empty();
        }
        try {
            return blobs.open(sha256).map(in -> new Photo(CheckupReadings.photoType(report), in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(long userId) {
        return new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS);
    }

    private List<Checkup> checkups(PersonRecord record) {
        long notebook = sources.facility().id();
        Map<Long, Facility> known = new HashMap<>();
        Function<Long, Optional<Facility>> facility = id -> Optional.ofNullable(known.computeIfAbsent(id,
                f -> facilities.find(f).orElse(null)));
        Map<String, StoredResource> reports = new LinkedHashMap<>();
        record.search(new RecordQuery("DiagnosticReport", List.of(new RecordQuery.TokenCondition("code",
                List.of(new RecordQuery.Value(REPORT_KIND, CHECKUP_RESULT)))), null, null, null, true, MOST, 0))
                .resources().forEach(r -> reports.put(r.id(), r));
        List<String> fromCentres = record.outline().stream().filter(o -> o.type().equals("DiagnosticReport"))
                .filter(o -> !reports.containsKey(o.id()))
                .filter(o -> o.sourceFacilityId() == notebook || facility.apply(o.sourceFacilityId())
                        .map(f -> f.kind() == FacilityKind.CHECKUP_CENTRE).orElse(false))
                .map(Outline::id).limit(MOST).toList();
        if (!fromCentres.isEmpty()) {
            record.contents(fromCentres).forEach(r -> reports.put(r.id(), r));
        }
        Map<String, DiagnosticReport> parsed = new LinkedHashMap<>();
        reports.forEach((id, stored) -> parsed.put(id, readings.report(stored)));
        List<String> results = parsed.values().stream().flatMap(r -> CheckupReadings.resultIds(r).stream()).distinct()
                .toList();
        Map<String, StoredResource> observations = results.isEmpty() ? Map.of() : record.contents(results).stream()
                .filter(r -> r.type().equals("Observation"))
                .collect(Collectors.toMap(StoredResource::id, r -> r, (a, b) -> a));
        List<Checkup> checkups = new ArrayList<>();
        reports.forEach((id, stored) -> checkups.add(readings.checkup(stored, parsed.get(id), observations,
                facility.apply(stored.sourceFacilityId()).map(Facility::nameKanji).orElse(null),
                stored.sourceFacilityId() == notebook)));
        checkups.sort(Comparator.comparing(Checkup::date).thenComparing(Checkup::id).reversed());
        return checkups;
    }
}
