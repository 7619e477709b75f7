/**
 * The one reading of a stored Observation for every screen: its value ({@link
 * org.musubi.record.fhir.observation.ObservationValue}: a quantity, a text or a panel's components, and the one way a
 * value — a blood pressure too — is written) and its flag ({@link org.musubi.record.fhir.observation.ObservationFlag}:
 * the reporting facility's interpretation, else the reference range; the one table of HL7's interpretation codes). The
 * viewer's chart, the lab table, the crews' dataset and the residents' checkups and vital signs read through it, so
 * that the same result reads the same on every screen. A named interface beside {@code record.fhir}.
 */
@NamedInterface("observation")
package org.musubi.record.fhir.observation;

import org.springframework.modulith.NamedInterface;
