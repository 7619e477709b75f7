package org.musubi.ingest;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;

/**
 * Sources and batches for administrators: network admins see and manage every facility's, facility
 * admins their own facilities'. Looking at a batch's rejected records shows patient data as sent, so
 * each look is audited.
 */
public final class ImportAdministration {

    private final ImportSources sources;
    private final ImportLedger ledger;
    private final Facilities facilities;
    private final Audit audit;
    private final MatchReviews reviews;

    public ImportAdministration(ImportSources sources, ImportLedger ledger, Facilities facilities, Audit audit,
                                MatchReviews reviews) {
        this.sources = sources;
        this.ledger = ledger;
        this.facilities = facilities;
        this.audit = audit;
        this.reviews = reviews;
    }

    public List<ImportSource> sources(Administrator admin) {
        return sources.all().stream().filter(s -> may(admin, s.facilityId())).toList();
    }

    public ImportSource source(Administrator admin, long sourceId) {
        ImportSource source = sources.find(sourceId).orElseThrow(() -> new NotPermitted("import source " + sourceId));
        require(admin, source.facilityId());
        return source;
    }

    /** Registers a source; a watched one needs an existing folder the server can read. */
    public ImportSource register(Administrator admin, long facilityId, ImportKind kind, String name, String location,
                                 boolean watch) {
        require(admin, facilityId);
        List<FieldFault> faults = new ArrayList<>();
        Optional<Facility> facility = facilities.find(facilityId);
        if (facility.isEmpty() || facility.get().medicalInstitutionCode().isEmpty()) {
            faults.add(FieldFault.of("facilityId", "imports.fault.facility"));
        }
        if (kind == null) {
            faults.add(FieldFault.of("kind", "imports.fault.kind"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            faults.add(FieldFault.of("name", "imports.fault.name"));
        }
        checkLocation(location, watch, faults);
        if (faults.isEmpty() && sources.find(facilityId, kind, name.strip()).isPresent()) {
            faults.add(FieldFault.of("name", "imports.fault.taken"));
        }
        if (!faults.isEmpty()) {
            throw new InvalidRegistration(faults);
        }
        return sources.create(facilityId, kind, name.strip(), blankToNull(location), watch);
    }

    public void update(Administrator admin, long sourceId, String location, boolean watch, boolean active) {
        source(admin, sourceId);
        List<FieldFault> faults = new ArrayList<>();
        checkLocation(location, watch, faults);
        if (!faults.isEmpty()) {
            throw new InvalidRegistration(faults);
        }
        sources.update(sourceId, blankToNull(location), watch, active);
    }

    /** The newest batches the administrator may see, with their source. */
    public List<BatchLine> batches(Administrator admin, int offset, int limit) {
        List<BatchLine> lines = new ArrayList<>();
        Map<Long, ImportSource> visible = new HashMap<>();
        sources(admin).forEach(s -> visible.put(s.id(), s));
        for (ImportBatch batch : ledger.batches(null, offset, limit * 4)) {
            if (visible.containsKey(batch.sourceId()) && lines.size() < limit) {
                lines.add(new BatchLine(batch, visible.get(batch.sourceId())));
            }
        }
        return lines;
    }

    /** One batch with a page of its problems (raw input included): audited as a read of what the facility sent. */
    public BatchDetail batch(Administrator admin, long batchId, boolean errorsOnly, int offset, int limit) {
        ImportBatch batch = ledger.batch(batchId).orElseThrow(() -> new NotPermitted("import batch " + batchId));
        ImportSource source = source(admin, batch.sourceId());
        List<ImportLedger.StoredProblem> problems = ledger.problems(batchId, errorsOnly, offset, limit);
        if (problems.stream().anyMatch(p -> p.row().raw() != null)) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("ImportBatch", batchId)
                    .purpose(Purpose.OPERATIONS).reason("rejected import records viewed (" + problems.size() + ")"));
        }
        return new BatchDetail(batch, source, problems, BatchNeeds.of(batchId, ledger, reviews));
    }

    /** A batch and its source, for lists. */
    public record BatchLine(ImportBatch batch, ImportSource source) {
    }

    public record BatchDetail(ImportBatch batch, ImportSource source, List<ImportLedger.StoredProblem> problems,
                              BatchNeeds needs) {
    }

    private static void checkLocation(String location, boolean watch, List<FieldFault> faults) {
        if (location == null || location.isBlank()) {
            if (watch) {
                faults.add(FieldFault.of("location", "imports.fault.locationRequired"));
            }
            return;
        }
        try {
            Path path = Path.of(location.strip());
            if (!path.isAbsolute() || !Files.isDirectory(path) || !Files.isReadable(path)) {
                faults.add(FieldFault.of("location", "imports.fault.location", location));
            }
        } catch (InvalidPathException e) {
            faults.add(FieldFault.of("location", "imports.fault.location", location));
        }
    }

    private static boolean may(Administrator admin, long facilityId) {
        return admin.networkAdmin() || admin.adminFacilityIds().contains(facilityId);
    }

    private static void require(Administrator admin, long facilityId) {
        if (!may(admin, facilityId)) {
            throw new NotPermitted("imports of facility " + facilityId);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
