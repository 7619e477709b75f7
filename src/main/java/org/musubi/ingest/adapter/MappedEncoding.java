package org.musubi.ingest.adapter;

import ca.uhn.fhir.context.FhirContext;

/**
 * The FHIR context mapped resources are encoded with. Mapped resources name their contained resources themselves and
 * never refer to a resource object without an id, so nothing needs to be contained automatically: an encoding context
 * of its own, with that off, leaves the shared one as it is. Resources are written by Musubi's writer, which gives the
 * text HAPI's encoder would, in a fraction of its time ({@link org.musubi.record.fhir.FhirJsonWriter}).
 */
public final class MappedEncoding {

    public static final FhirContext CONTEXT = encoding();

    private MappedEncoding() {
    }

    private static FhirContext encoding() {
        FhirContext encoding = FhirContext.forR4();
        encoding.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return encoding;
    }
}
