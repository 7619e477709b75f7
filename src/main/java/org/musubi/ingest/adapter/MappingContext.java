package org.musubi.ingest.adapter;

import java.util.Objects;
import org.musubi.record.fhir.FhirSystems;

/**
 * What an adapter knows of the sending facility: its 10-digit medical-institution code (for JP Core
 * identifier systems such as {@code urn:oid:1.2.392.100495.20.3.51.1<code>}), its name, and the ids its imports
 * make ({@link ImportIds}: directory resources and local patient ids made from content).
 */
public record MappingContext(String institutionCode, String facilityName, ImportIds ids) {

    public MappingContext {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(facilityName, "facilityName");
        Objects.requireNonNull(ids, "ids");
    }

    /** For reading files outside an import (tools, tests): ids made as before V22 ({@link ImportIds#legacy}). */
    public MappingContext(String institutionCode, String facilityName) {
        this(institutionCode, facilityName, ImportIds.legacy(0));
    }

    public String patientIdSystem() {
        return FhirSystems.PATIENT_ID_ROOT + institutionCode;
    }
}
