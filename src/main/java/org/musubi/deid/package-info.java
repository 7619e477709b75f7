/**
 * De-identification (issue 48, deid): rules in the model of a FHIR de-identification configuration
 * ({@link org.musubi.deid.DeidConfig}: keep, redact, dateshift, cryptohash, generalize, substitute per element path or
 * FHIR data type, first match wins), applied by {@link org.musubi.deid.DeidEngine} to one person's FHIR JSON at a time
 * with a walker over the Jackson tree; a k-anonymity check with a lattice search over generalisation levels and
 * suppression ({@link org.musubi.deid.KAnonymity}); a two-pass streaming pipeline writing NDJSON per resource type
 * ({@link org.musubi.deid.DeidPipeline}). Pure domain: no database, no Spring; research projects and the Bulk export
 * call it. See docs/deidentification.md.
 */
package org.musubi.deid;
