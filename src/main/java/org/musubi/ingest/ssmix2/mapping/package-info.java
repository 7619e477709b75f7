/**
 * HL7 v2 → FHIR mappers for the data types SS-MIX2 reads itself ({@link
 * org.musubi.ingest.ssmix2.mapping.BuiltInMappers}): patient information (ADT-00 → Patient, body height and
 * weight, blood type, AL1 allergies), encounter events (ADT-01 … ADT-52 → Encounter, joined to their stay),
 * allergies (ADT-61) and diagnoses (PPR-01 → Condition), with the source keys of what one record maps.
 */
package org.musubi.ingest.ssmix2.mapping;
