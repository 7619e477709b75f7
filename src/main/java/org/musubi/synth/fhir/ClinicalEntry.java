package org.musubi.synth.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * One entry of a synthetic record: its {@code urn:uuid:} fullUrl, the resource (its references to
 * other entries are those fullUrls), and the conditional-create query, or {@code null}.
 */
public record ClinicalEntry(String fullUrl, Resource resource, String ifNoneExist) {
}
