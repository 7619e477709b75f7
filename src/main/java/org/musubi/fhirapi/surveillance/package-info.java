/**
 * The infection surveillance's daily counts for systems (issue 48, build item 5): {@code
 * MeasureReport/$surveillance-daily}, one MeasureReport per facility and day in the shape of the HL7 SANER measure
 * reports — a facility's own counts, or every facility's for a public-health office. Counts only: no patient.
 */
package org.musubi.fhirapi.surveillance;
