package org.musubi.ingest.hl7.orders.services;

import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.record.fhir.FhirSystems;

/**
 * A study gathered from every IPC that names its UID: identifiers (the study instance UID as JP Core's
 * examples write it, {@code urn:dicom:uid} / {@code urn:oid:<UID>}, and each accession number IPC-1 with
 * type ACSN), modality (IPC-5, DICOM), the tests performed (OBR-4) as procedure codes, the orders it is
 * based on (by number), started (the first OBR-7), and status available when an OBR says final (OBR-25 F),
 * else registered.
 */
final class ImagingStudyDraft {


    private final ImagingStudy study = new ImagingStudy();
    private final Set<String> seen = new HashSet<>();

    ImagingStudyDraft(String uid, ServiceCategory category) {
        if (category.studyProfile() != null) {
            study.getMeta().addProfile(category.studyProfile());
        }
        study.addIdentifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + uid);
        study.setStatus(ImagingStudy.ImagingStudyStatus.REGISTERED);
        study.setSubject(SourceRefs.patient());
    }

    void add(MessageInput input, OrderHeader header, Hl7Segment obr, Hl7Segment ipc) throws MessageRejected {
        String accession = ipc.field(1).component(1).strip();
        if (!accession.isEmpty() && seen.add("acsn|" + accession)) {
            study.addIdentifier().setSystem(FhirSystems.ACCESSION_NUMBER + input.facility().institutionCode()).setValue(accession)
                    .setType(new CodeableConcept().addCoding(new Coding(FhirSystems.IDENTIFIER_TYPE, "ACSN", "Accession ID")));
        }
        Hl7Field modality = ipc.field(5);
        if (!modality.component(1).isBlank() && seen.add("modality|" + modality.component(1))) {
            Hl7Values.coding(modality.component(1), modality.component(2), modality.component(3)).ifPresent(study::addModality);
        }
        var order = header.numbers().order(input.facility(), "ServiceRequest");
        if (order != null && seen.add("order|" + header.numbers().either())) {
            study.addBasedOn(order);
        }
        if (obr != null) {
            performed(input, obr);
        }
    }

    private void performed(MessageInput input, Hl7Segment obr) throws MessageRejected {
        Hl7Field code = obr.field(4);
        if (seen.add("code|" + code.component(1) + "|" + code.component(2))) {
            Hl7Values.concept(code).ifPresent(study::addProcedureCode);
        }
        var started = Timestamps.optional(input, obr, 7);
        if (started != null && !study.hasStarted()) {
            study.setStartedElement(started);
        }
        if (obr.text(25).strip().equals("F")) {
            study.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        }
    }

    void note(String text) {
        if (!text.isBlank()) {
            study.addNote().setText(text);
        }
    }

    ImagingStudy resource() {
        return study;
    }
}
