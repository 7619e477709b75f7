package org.musubi.ingest.lab.results;

import org.hl7.fhir.r4.model.Specimen;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;

/** A specimen as a JP_Specimen_Common: type, collection time, and the sender's specimen ID. */
final class LabSpecimens {

    static final String PROFILE = ResultKind.PROFILE_BASE + "JP_Specimen_Common";
    /** The facility's specimen IDs (SPM-2); no JP Core system exists. */
    static final String SPECIMEN_ID_SYSTEM = "urn:musubi:specimen-id:";

    private LabSpecimens() {
    }

    static Specimen resource(SpecimenInfo info, MappingContext facility) {
        Specimen specimen = new Specimen();
        specimen.getMeta().addProfile(PROFILE);
        specimen.setStatus(Specimen.SpecimenStatus.AVAILABLE);
        specimen.setSubject(SourceRefs.patient());
        if (!info.id().isEmpty()) {
            specimen.getAccessionIdentifier().setSystem(SPECIMEN_ID_SYSTEM + facility.institutionCode()).setValue(info.id());
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
