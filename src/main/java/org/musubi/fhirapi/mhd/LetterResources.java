package org.musubi.fhirapi.mhd;

import java.util.Date;
import java.util.Optional;
import java.util.function.LongFunction;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.LetterRow;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.MedicalInstitutionCode;

/**
 * A letter (the exchange's {@link LetterRow}) as MHD shows it: a DocumentReference (ITI-67) and a SubmissionSet List
 * (ITI-66). The patient appears by the name the sender wrote only — never by an id, which the addressee has no
 * standing to learn; the facilities by name and medical-institution code (or their registry id).
 */
final class LetterResources {

    /** A facility's identifier: its medical-institution code, else its id in the registry. */
    private final LongFunction<Identifier> facilities;

    LetterResources(LongFunction<Optional<String>> institutionCodes) {
        this.facilities = id -> institutionCodes.apply(id)
                .map(code -> new Identifier().setSystem(FhirSystems.INSTITUTION_NO).setValue(code))
                .orElseGet(() -> new Identifier().setSystem(MhdCodes.REGISTRY_FACILITY).setValue(String.valueOf(id)));
    }

    DocumentReference documentReference(LetterRow row, boolean withPdf) {
        DocumentReference document = new DocumentReference();
        common(document, row, MhdCodes.DOCUMENT_REFERENCE_PROFILE);
        document.setMasterIdentifier(uuid(row));
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setType(type(row.kind()));
        document.setSubject(new Reference().setDisplay(row.patientName()));
        document.setDate(Date.from(row.sentAt()));
        if (row.authorName() != null) {
            document.addAuthor(new Reference().setType("Practitioner").setDisplay(row.authorName()));
        }
        document.addAuthor(sender(row));
        document.setCustodian(sender(row));
        document.setDescription(row.kind().japanese() + " / " + row.kind().english() + " → " + row.addresseeFacility());
        if (row.repliesTo() != null) {
            document.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.APPENDS)
                    .setTarget(new Reference("DocumentReference/" + LetterIds.of(row.repliesTo())));
        }
        document.addContent().getAttachment().setContentType(MhdCodes.FHIR_JSON).setUrl("Binary/" + LetterIds.of(row.id()))
                .setTitle(row.kind().japanese()).setCreation(Date.from(row.sentAt()));
        document.addContent().getAttachment().setContentType(MhdCodes.CMS_SIGNATURE)
                .setUrl("Binary/" + LetterIds.of(row.id(), LetterIds.Part.SIGNATURE))
                .setTitle(row.kind().japanese() + "（署名 / signature）").setCreation(Date.from(row.sentAt()));
        if (withPdf) {
            document.addContent().getAttachment().setContentType(MhdCodes.PDF)
                    .setUrl("Binary/" + LetterIds.of(row.id(), LetterIds.Part.PDF))
                    .setTitle(row.kind().japanese() + " (PDF)").setCreation(Date.from(row.sentAt()));
        }
        return document;
    }

    ListResource submissionSet(LetterRow row) {
        ListResource list = new ListResource();
        common(list, row, MhdCodes.SUBMISSION_SET_PROFILE);
        list.addExtension(MhdCodes.SOURCE_ID, new Identifier().setSystem(MhdCodes.URI)
                .setValue(FhirSystems.FACILITY + row.senderFacilityId()));
        list.addExtension(MhdCodes.INTENDED_RECIPIENT, new Reference().setType("Organization")
                .setIdentifier(facilities.apply(row.addresseeFacilityId())).setDisplay(row.addresseeFacility()));
        list.addIdentifier(uuid(row));
        list.setStatus(ListResource.ListStatus.CURRENT);
        list.setMode(ListResource.ListMode.WORKING);
        list.setTitle(row.kind().japanese() + " / " + row.kind().english());
        list.setCode(new CodeableConcept(new Coding(MhdCodes.LIST_TYPES, MhdCodes.SUBMISSION_SET, "SubmissionSet as a FHIR List")));
        list.setSubject(new Reference().setDisplay(row.patientName()));
        list.setDate(Date.from(row.sentAt()));
        list.setSource(sender(row));
        list.addEntry().setItem(new Reference("DocumentReference/" + LetterIds.of(row.id())));
        return list;
    }

    /** The document type: the national code (JP-CLINS doc-typecodes, LOINC) where there is one, and Musubi's own. */
    static CodeableConcept type(LetterKind kind) {
        CodeableConcept type = new CodeableConcept().setText(kind.japanese());
        if (kind.national()) {
            type.addCoding().setSystem(FhirSystems.CLINS_DOC_TYPE).setCode(kind.nationalCode()).setDisplay(kind.japanese());
        }
        type.addCoding().setSystem(LetterKind.LOCAL_SYSTEM).setCode(kind.localCode()).setDisplay(kind.japanese());
        return type;
    }

    private static void common(DomainResource resource, LetterRow row, String profile) {
        resource.setId(LetterIds.of(row.id()));
        resource.getMeta().setLastUpdated(Date.from(row.updatedAt())).addProfile(profile);
        resource.addExtension(MhdCodes.LETTER_STATUS, new CodeType(row.status().code()));
        if (row.statusReason() != null) {
            resource.addExtension(MhdCodes.LETTER_STATUS_REASON, new StringType(row.statusReason()));
        }
    }

    private Reference sender(LetterRow row) {
        return organization(row.senderFacilityId(), row.senderFacility());
    }

    /** A facility as an Organization reference: its medical-institution code (else its registry id) and its name. */
    Reference organization(long facilityId, String name) {
        return new Reference().setType("Organization").setIdentifier(facilities.apply(facilityId)).setDisplay(name);
    }

    /** The facilities' identifiers as the registry knows them. */
    static LetterResources of(Facilities registry) {
        return new LetterResources(id -> registry.find(id).flatMap(Facility::medicalInstitutionCode)
                .map(MedicalInstitutionCode::value));
    }

    private static Identifier uuid(LetterRow row) {
        return new Identifier().setSystem(MhdCodes.URI).setValue("urn:uuid:" + row.id());
    }
}
