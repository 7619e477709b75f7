package org.musubi.ingest.ssmix2;

import java.util.List;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.ssmix2.naming.ExtendedType;

/**
 * An extended-storage main document (CDA R2 discharge summary, referral letter, progress note, PDF …)
 * as a DocumentReference: type from the type folder (the standard code, LOINC for {@code LN}, and the
 * local code), date from the content folder's 発生日時, the care date as context period, and the file
 * inline ({@code data}, base64) with its size and guessed content type. The patient is the storage's
 * patient ID (the document's own header is not read). An HL7 v2 main document (ORU^R30 vital signs)
 * is not a document: it is reported as unsupported.
 */
final class DocumentReading {

    static final String JP_DOCUMENT = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_DocumentReference";

    private final StoredRecord record;
    private final byte[] bytes;

    DocumentReading(StoredRecord record, byte[] bytes) {
        this.record = record;
        this.bytes = bytes;
    }

    ParseResult read() {
        if (record.deleted()) {
            return record.deletedByName();
        }
        if (bytes.length == 0) {
            return record.unusable(Ssmix2Problems.at(record.where(), "ssmix2.empty"), null);
        }
        if (ContentTypes.hl7(bytes)) {
            return new ParseResult.Rejected(Ssmix2Problems.at(record.where(), "ssmix2.unsupported",
                    record.name().dataType()), null);
        }
        DocumentReference document = document(record.path().extended().orElseThrow());
        return record.parsed(ParseResult.Action.STORE, record.identityByName(), record.patientByName(), false,
                List.of(new MappedResource(record.name().recordKey() + "/DocumentReference", document)));
    }

    private DocumentReference document(ExtendedType type) {
        DocumentReference document = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT);
        document.getMeta().addProfile(JP_DOCUMENT);
        document.setType(DocumentTypes.of(type));
        document.setSubject(SourceRefs.patient());
        document.setDateElement(new InstantType(DocumentTypes.instant(record.name().timestamp())));
        if (!record.name().undated()) {
            Hl7Values.dateTime(record.name().careDate()).ifPresent(d -> document.getContext().getPeriod().setStartElement(d));
        }
        String file = record.path().path().substring(record.path().path().lastIndexOf('/') + 1);
        document.addContent().getAttachment().setContentType(ContentTypes.guess(file, bytes)).setData(bytes)
                .setSize(bytes.length).setTitle(file);
        return document;
    }
}
