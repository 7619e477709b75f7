/**
 * Prescriptions and injections (OMP-01/02 → MedicationRequest, one per drug of an RP) and their administrations
 * (OMP-11/12 → MedicationAdministration): the drug and its MERIT-9 codes, dosage, quantities, identifiers and
 * categories. Independent of the lab-result mapping (ArchitectureTest keeps it so).
 */
package org.musubi.ingest.hl7.orders.medication;
