/**
 * A patient's medications read from stored FHIR resources: prescriptions (MedicationRequest) and dispensings
 * (MedicationDispense) from every hospital and pharmacy become rows of the medication list, each with the
 * {@link org.musubi.medication.MedicationEntry} the duplicate checks read ({@link
 * org.musubi.medication.fhir.MedicationRows}), grouped per drug with the checks' alerts ({@link
 * org.musubi.medication.fhir.Medications}). A named interface, so that the chart, the emergency view and the PHR
 * show the same list; the caller names the sending facilities.
 */
@NamedInterface("fhir")
package org.musubi.medication.fhir;

import org.springframework.modulith.NamedInterface;
