/**
 * HL7 v2 → FHIR mappers for SS-MIX2's order and result messages, one {@link
 * org.musubi.ingest.hl7.MessageMapper} per family, found by data type through {@link
 * org.musubi.ingest.hl7.orders.OrderMappers#byDataType()}: prescriptions and injections (OMP-01/02 →
 * MedicationRequest), their administrations (OMP-11/12 → MedicationAdministration), lab, radiology,
 * endoscopy and physiology orders (OML-01, OMG-01/02/03 → ServiceRequest), lab and physiology results
 * (OML-11, OMG-13 → DiagnosticReport and Observations), performed imaging (OMG-11/12 → ImagingStudy and
 * Procedure) and diet orders (OMD → NutritionOrder).
 *
 * <p>By role: {@code medication} (prescriptions and administrations), {@code services} (service, imaging and
 * diet orders), {@code results} (lab and physiology results, mapped as the lab-result mapping maps every
 * source's), and {@code segments} (what every order message shares: ORC, timestamps, practitioners, OBX
 * texts, the mappers' problems). Only {@code results}, and {@code OrderMappers} naming each result kind,
 * depend on the lab-result mapping.
 */
package org.musubi.ingest.hl7.orders;
