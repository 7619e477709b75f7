package org.musubi.ingest;

import java.util.Objects;

/**
 * What an adapter knows of the sending facility: its 10-digit medical-institution code (for JP Core
 * identifier systems such as {@code urn:oid:1.2.392.100495.20.3.51.1<code>}) and its name.
 */
public record MappingContext(String institutionCode, String facilityName) {

    /** JP Core's system for this facility's patient IDs. */
    public static final String PATIENT_ID_ROOT = "urn:oid:1.2.392.100495.20.3.51.1";

    public MappingContext {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(facilityName, "facilityName");
    }

    public String patientIdSystem() {
        return PATIENT_ID_ROOT + institutionCode;
    }
}
