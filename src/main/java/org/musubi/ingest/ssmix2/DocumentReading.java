package org.musubi.ingest.ssmix2;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.ssmix2.naming.ExtendedType;

/**
 * An extended-storage main document (CDA R2 discharge summary, referral letter, progress note, PDF …)
 * as a DocumentReference: type from the type folder (the standard code, LOINC for {@code LN}, and the
 * local code), date from the content folder's 発生日時, the care date as context period, and the file
 * inline ({@code data}, base64) with its size and guessed content type, as the first content; the content folder's
 * other files ({@link Attachments}) follow as further contents. The patient is the storage's
 * patient ID (the document's own header is not read). An HL7 v2 main document is read by {@link
 * ExtendedMessageReading}, which keeps one it does not map as a document of the record here ({@link #kept}), and
 * gives the attachments of one it maps into Observations a document of their own ({@link #besideItems}).
 */
final class DocumentReading {

    static final String JP_DOCUMENT = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_DocumentReference";

    private final StoredRecord record;
    private final byte[] bytes;
    private final Attachments attachments;

    DocumentReading(StoredRecord record, byte[] bytes, Attachments attachments) {
        this.record = record;
        this.bytes = bytes;
        this.attachments = attachments;
    }

    ParseResult read() {
        if (record.deleted()) {
            return record.deletedByName();
        }
        if (bytes.length == 0) {
            return record.unusable(Ssmix2Problems.at(record.where(), "ssmix2.empty"), null);
        }
        return stored(document(record.path().extended().orElseThrow(), null));
    }

    /**
     * The record {@code mapped} from the main document into items (vital signs), with the content folder's other files
     * as a DocumentReference of their own beside them ({@code <record key>/attachments/DocumentReference}), each with the
     * warning that says so, and the content folder's fingerprint in its version ({@link StoredRecord#fingerprint});
     * {@code mapped} itself when it stores nothing.
     */
    ParseResult besideItems(ParseResult mapped) {
        if (!(mapped instanceof ParseResult.Parsed parsed) || parsed.action() != ParseResult.Action.STORE) {
            return mapped;
        }
        List<Attachment> read = attachments.read(bytes);
        String main = record.path().path().substring(record.path().path().lastIndexOf('/') + 1);
        List<MappedResource> more = new ArrayList<>();
        if (!read.isEmpty()) {
            DocumentReference document = skeleton(record.path().extended().orElseThrow());
            String folder = record.path().path().substring(0, record.path().path().lastIndexOf('/') + 1);
            read.forEach(a -> {
                document.addContent().setAttachment(a);
                record.warn(Ssmix2Problems.at(Location.file(folder + a.getTitle()), "ssmix2.attachment.own-document", main,
                        record.name().dataType()));
            });
            more.add(new MappedResource(record.name().recordKey() + "/attachments/DocumentReference", document));
        }
        return record.adding(parsed, more);
    }

    /**
     * The file kept as it was sent, as a document of the patient's record, with the warning that says why Musubi did
     * not map it: {@code contentType} as the file was read (an HL7 v2 message as text in its character set), {@code
     * description} what it is (e.g. {@code HL7 v2 ORU^R01}; may be null).
     */
    ParseResult kept(String contentType, String description, Problem warning) {
        record.warn(warning);
        DocumentReference document = document(record.path().extended().orElseThrow(), contentType);
        document.setDescription(description);
        return stored(document);
    }

    private ParseResult stored(DocumentReference document) {
        return record.parsed(ParseResult.Action.STORE, record.identityByName(), record.patientByName(), false,
                List.of(new MappedResource(record.name().recordKey() + "/DocumentReference", document)));
    }

    private DocumentReference document(ExtendedType type, String contentType) {
        DocumentReference document = skeleton(type);
        String file = record.path().path().substring(record.path().path().lastIndexOf('/') + 1);
        document.addContent().getAttachment().setContentType(contentType != null ? contentType
                : ContentTypes.guess(file, bytes)).setData(bytes).setSize(bytes.length).setTitle(file);
        attachments.read(bytes).forEach(a -> document.addContent().setAttachment(a));
        return document;
    }

    /** The record's DocumentReference without its contents. */
    private DocumentReference skeleton(ExtendedType type) {
        DocumentReference document = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT);
        document.getMeta().addProfile(JP_DOCUMENT);
        document.setType(DocumentTypes.of(type));
        document.setSubject(SourceRefs.patient());
        document.setDateElement(new InstantType(DocumentTypes.instant(record.name().timestamp())));
        if (!record.name().undated()) {
            Hl7Values.dateTime(record.name().careDate()).ifPresent(d -> document.getContext().getPeriod().setStartElement(d));
        }
        return document;
    }
}
