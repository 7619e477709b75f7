package org.musubi.ingest.adapter;

import org.hl7.fhir.r4.model.Reference;

/**
 * Placeholder references in mapped resources, resolved by the pipeline when it stores them: the
 * record's patient ({@code urn:source:Patient}) and any resource of the same patient and facility by
 * its type and source key ({@code urn:source:Encounter/<sourceKey>}), mapped in the same record, in an
 * earlier one, or still to come.
 */
public final class SourceRefs {

    public static final String PREFIX = "urn:source:";
    public static final String PATIENT = PREFIX + "Patient";

    private SourceRefs() {
    }

    public static Reference patient() {
        return new Reference(PATIENT);
    }

    public static Reference to(String type, String sourceKey) {
        return new Reference(PREFIX + type + "/" + sourceKey);
    }
}
