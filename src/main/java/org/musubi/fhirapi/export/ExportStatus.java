package org.musubi.fhirapi.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.springframework.stereotype.Component;

/**
 * An export after its kick-off: its status, its cancellation and its files, for the client that started it only (the
 * same API client's user at the same facility). Any other caller, and any id that names no export, get the one
 * answer of an unknown export, audited once ({@code READ DENY}); a status poll of one's own export is not audited (it
 * holds no patient data), a file download is ({@code READ PERMIT BulkExportFile}, the type and the count), and so is
 * a cancellation.
 */
@Component
public class ExportStatus {

    static final String AUDITED_AS = "BulkExport";
    static final String FILE_AUDITED_AS = "BulkExportFile";

    private final ExportParts parts;
    private final ExportRunner runner;

    ExportStatus(ExportParts parts, ExportRunner runner) {
        this.parts = parts;
        this.runner = runner;
    }

    /** What a status request answers. */
    public sealed interface Answer {
    }

    /** 202 with {@code X-Progress}. */
    public record Running(String progress) implements Answer {
    }

    /** 200 with the manifest. */
    public record Done(String manifest) implements Answer {
    }

    /** 500 with an OperationOutcome: the export failed. */
    public record Failed(String message) implements Answer {
    }

    /** 404: no such export, or not the caller's. */
    public record Unknown() implements Answer {
    }

    /** The status of export {@code id}; {@code base}: the FHIR base URL the file URLs start with. */
    public Answer status(Caller caller, String id, String base) {
        Optional<ExportJob> job = owned(caller, id, AuditAction.READ);
        if (job.isEmpty()) {
            return new Unknown();
        }
        ExportJob j = job.get();
        return switch (j.status()) {
            case RUNNING -> new Running(j.progress() == null ? "starting" : j.progress());
            case FAILED -> new Failed(j.error());
            case DONE -> new Done(manifest(j, base));
        };
    }

    /** Cancels (and deletes) export {@code id} with its files; false when the caller has no such export. */
    public boolean cancel(Caller caller, String id) {
        Optional<ExportJob> job = owned(caller, id, AuditAction.DELETE);
        if (job.isEmpty()) {
            return false;
        }
        parts.jobs().delete(job.get().id());
        runner.deleteParts(job.get().files());
        parts.audit().record(AuditEntry.of(AuditAction.DELETE, Outcome.PERMIT).on(AUDITED_AS, id)
                .reason("FHIR $export cancelled"));
        return true;
    }

    /** A file opened for download: its content (to be closed) and size. */
    public record Opened(InputStream content, long bytes) {
    }

    /**
     * File {@code seq} of export {@code id}, when it is the caller's, done and not expired, and the token's scopes
     * still allow its type (else 403, audited, as for any call); one audit row.
     */
    public Optional<Opened> file(Caller caller, String id, int seq) throws IOException {
        Optional<ExportJob> job = owned(caller, id, AuditAction.READ);
        Optional<ExportJob.ExportFile> file = job.filter(j -> j.status() == ExportJob.Status.DONE)
                .flatMap(j -> j.files().stream().filter(f -> f.seq() == seq).findFirst());
        if (job.isPresent() && file.isEmpty()) {
            parts.audit().record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on(FILE_AUDITED_AS, id + "/" + seq)
                    .reason("record.notFound"));
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        caller.scoped(ExportKickOff.row(job.get().level()), parts.audit(), List.of(file.get().type()));
        Optional<InputStream> content = parts.blobs().openPart(file.get().part());
        if (content.isEmpty()) {
            parts.audit().record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on(FILE_AUDITED_AS, id + "/" + seq)
                    .reason("record.notFound (expired)"));
            return Optional.empty();
        }
        parts.audit().record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on(FILE_AUDITED_AS, id + "/" + seq)
                .purpose(caller.reader().purpose())
                .reason("FHIR $export file: " + file.get().type() + " " + file.get().count()));
        return Optional.of(new Opened(content.get(), file.get().bytes()));
    }

    /** The caller's export {@code id}; empty (and one audit row) for an unknown one or another caller's. */
    private Optional<ExportJob> owned(Caller caller, String id, AuditAction action) {
        Optional<ExportJob> job = parse(id).flatMap(parts.jobs()::find);
        if (job.isPresent() && job.get().ownedBy(caller.userId(), caller.facilityId())) {
            return job;
        }
        parts.audit().record(AuditEntry.of(action, Outcome.DENY).on(AUDITED_AS, id.length() > 64 ? id.substring(0, 64) : id)
                .reason(job.isPresent() ? "bulk.notTheCallersExport" : "record.notFound"));
        return Optional.empty();
    }

    private static Optional<UUID> parse(String id) {
        if (id == null || !id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(id));
    }

    /** The Bulk Data manifest: {@code transactionTime}, {@code request}, {@code requiresAccessToken}, the files. */
    static String manifest(ExportJob job, String base) {
        String output = job.files().stream().map(f -> "{\"type\":\"" + f.type() + "\",\"url\":\"" + json(base + "/"
                + ExportServlet.PATH + "/" + job.id() + "/" + f.seq() + ".ndjson") + "\",\"count\":" + f.count() + "}")
                .collect(Collectors.joining(","));
        return "{\"transactionTime\":\"" + job.transactionTime() + "\",\"request\":\"" + json(job.request())
                + "\",\"requiresAccessToken\":true,\"output\":[" + output + "],\"error\":[]}";
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
