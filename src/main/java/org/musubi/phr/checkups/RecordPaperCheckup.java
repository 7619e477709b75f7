package org.musubi.phr.checkups;

import java.util.List;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.photos.PhotoSanitizer;
import org.musubi.phr.vitals.PhrPatient;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;

/**
 * Stores a paper checkup result the resident (or their live proxy) typed in, with its photo, under the resident's own
 * source patient at the notebook's facility: one interaction with the person's record through the access policy's
 * self access (one audit row, CREATE, naming what it wrote), the photo kept and the resources written in one database
 * transaction (the audit row only when they commit). The same paper result entered again changes nothing. Such a
 * result is the notebook's, never a checkup centre's: it earns no checkup points.
 */
public final class RecordPaperCheckup {

    private final WriteRecords writes;
    private final PaperFhir fhir;
    private final PaperPhotos photos;

    public RecordPaperCheckup(WriteRecords writes, PaperFhir fhir, PaperPhotos photos) {
        this.writes = writes;
        this.fhir = fhir;
        this.photos = photos;
    }

    /** Who enters it: the resident ({@code proxyName} null) or their proxy, named as shown to the resident. */
    public record Author(long userId, String proxyName) {
    }

    /** What a save stored: the report's id and what it created or changed ({@code Type/id}; empty: nothing new). */
    public record Saved(String reportId, List<String> changed) {

        public Saved {
            changed = List.copyOf(changed);
        }
    }

    /** Stores the entry (and the safe photo, may be null) for person {@code personId}; empty when refused. */
    public Optional<Saved> save(Author author, long personId, PaperEntry entry, PhotoSanitizer.Sanitized photo) {
        Reader reader = new Reader(author.userId(), null, Purpose.PATIENT_SELF_ACCESS);
        Interaction<Saved> saved = writes.enter(reader, personId, AuditAction.CREATE, "DiagnosticReport", record -> {
            PhrPatient patient = fhir.patient(author.userId(), record.view());
            PaperFhir.Photo kept = photo == null ? null : photos.keep(photo);
            var resources = fhir.resources(patient, entry, kept);
            String reportId = resources.getLast().id();
            List<Written> written = record.store(resources,
                    stored -> fhir.provenance(patient, changed(stored), author.proxyName()));
            return new Saved(reportId, changed(written).stream().map(w -> w.type() + "/" + w.id()).toList());
        });
        return Optional.ofNullable(saved.value());
    }

    private static List<Written> changed(List<Written> written) {
        return written.stream().filter(w -> w.change() != Written.Change.UNCHANGED).toList();
    }
}
