package org.musubi.imaging.index;

/** The sending facility's source patient a study belongs to. */
public record Matched(long sourcePatientId, long facilityId) {
}
