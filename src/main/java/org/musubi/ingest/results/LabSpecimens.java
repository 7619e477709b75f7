package org.musubi.ingest.results;

import org.hl7.fhir.r4.model.Specimen;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;

/** A specimen as a JP_Specimen_Common: type, collection time, and the sender's specimen ID. */
final class LabSpecimens {

    /** The facility's specimen IDs (SPM-2); no JP Core system exists. */

    private LabSpecimens() {
    }

    static Specimen resource(SpecimenInfo info, MappingContext facility) {
        Specimen specimen = new Specimen();
        specimen.getMeta().addProfile(FhirSystems.JP_SPECIMEN);
        specimen.setStatus(Specimen.SpecimenStatus.AVAILABLE);
        specimen.setSubject(SourceRefs.patient());
        if (!info.id().isEmpty()) {
            specimen.getAccessionIdentifier().setSystem(FhirSystems.SPECIMEN_ID + facility.institutionCode()).setValue(info.id());
        }
        if (info.type() != null) {
            specimen.setType(info.type());
        }
        if (info.collected() != null) {
            specimen.getCollection().setCollected(info.collected());
        }
        return specimen;
    }
}
