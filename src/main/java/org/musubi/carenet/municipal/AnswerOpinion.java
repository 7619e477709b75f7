package org.musubi.carenet.municipal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.musubi.blob.Blob;
import org.musubi.carenet.municipal.jdbc.DocumentTable;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;

/** The doctor asked answers a request for an opinion: the form filled, or the signed opinion uploaded as a PDF. */
public final class AnswerOpinion {

    private final MunicipalDocuments documents;
    private final DocumentTable table;
    private final RecordEntries entries;
    private final MunicipalDocuments.Settings settings;

    public AnswerOpinion(MunicipalDocuments documents) {
        this.documents = documents;
        this.table = documents.table();
        this.entries = documents.entries();
        this.settings = documents.settings();
    }

    /** The doctor asked fills the form; faults (message keys, or the form's faults as {@code item: reason}). */
    public MunicipalDocuments.Outcome<UUID> answer(Reader by, UUID id, Map<String, List<String>> fields) {
        MunicipalDocuments.Outcome<MunicipalDocument> asked = documents.openRequest(by, id);
        if (!asked.ok()) {
            return new MunicipalDocuments.Outcome<>(null, asked.faults(), List.of());
        }
        MunicipalDocument d = asked.value();
        FormAnswers.Filled filled = FormAnswers.fill(DocumentKind.OPINION.form(), fields);
        if (!filled.faults().isEmpty()) {
            return MunicipalDocuments.Outcome.form(filled.faults());
        }
        String author = settings.parties().name(by.userId());
        String json = MunicipalDocuments.FHIR.newJsonParser().encodeResourceToString(filled.response());
        Interaction<RecordEntries.Entered> entered = entries.response(by, d.personId(), d.id(), filled.response(),
                author, (ref, own) -> table.answer(d.id(), json, null, ref, author, settings.clock().instant()));
        return MunicipalDocuments.entered(entered, d.id());
    }

    /** The doctor asked uploads the signed opinion as a PDF instead. */
    public MunicipalDocuments.Outcome<UUID> upload(Reader by, UUID id, String contentType, InputStream content) {
        MunicipalDocuments.Outcome<MunicipalDocument> asked = documents.openRequest(by, id);
        if (!asked.ok()) {
            return new MunicipalDocuments.Outcome<>(null, asked.faults(), List.of());
        }
        MunicipalDocument d = asked.value();
        Blob blob;
        try {
            byte[] bytes = content.readNBytes((int) RecordEntries.MAX_PDF + 1);
            if (bytes.length > RecordEntries.MAX_PDF) {
                return MunicipalDocuments.Outcome.fault(MunicipalDocuments.TOO_LARGE);
            }
            if (!"application/pdf".equals(contentType) || bytes.length < 5
                    || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
                return MunicipalDocuments.Outcome.fault(MunicipalDocuments.NOT_PDF);
            }
            blob = entries.keep(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String author = settings.parties().name(by.userId());
        Interaction<RecordEntries.Entered> entered = entries.pdf(by, d.personId(), d.id(), blob, "主治医意見書", author,
                (ref, own) -> table.answer(d.id(), null, blob.key(), ref, author, settings.clock().instant()));
        return MunicipalDocuments.entered(entered, d.id());
    }
}
