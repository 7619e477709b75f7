package org.musubi.record;

/** A stored resource by its source patient, type and id. */
public record ResourceRef(long patientKey, String type, String id) {
}
