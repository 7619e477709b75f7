package org.musubi.carenet.municipal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.record.Reader;

/** A document to print (export) for either side's readers. */
public final class PrintMunicipalDocument {

    private final MunicipalDocuments documents;
    private final RecordEntries entries;
    private final MunicipalDocuments.Settings settings;

    public PrintMunicipalDocument(MunicipalDocuments documents) {
        this.documents = documents;
        this.entries = documents.entries();
        this.settings = documents.settings();
    }

    /** A document to print (export), for either side's readers: one audit row ({@code EXPORT}). */
    public Optional<MunicipalDocuments.Printable> printable(Reader by, UUID id) {
        return documents.read(by, id, AuditAction.EXPORT).filter(MunicipalDocument::answered).map(d -> {
            try {
                java.util.Locale japanese = java.util.Locale.JAPANESE;
                return new MunicipalDocuments.Printable(d, d.pdfBlob() == null ? null : entries.bytes(d.pdfBlob()),
                        FormAnswers.title(d.kind().form(), japanese), documents.sections(d, japanese),
                        settings.parties().facilityName(d.toFacility()),
                        settings.parties().facilityName(d.fromFacility()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
