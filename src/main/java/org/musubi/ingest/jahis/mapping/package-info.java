/**
 * JAHIS records → FHIR R4 (JP Core): {@link org.musubi.ingest.jahis.mapping.NotebookResults} maps a notebook
 * into one result per block, OTC drug, note and memo, with the patient, the parties (pharmacy, pharmacist,
 * institutions, prescriber), dispenses with their dosage and drug codes, and the content keys of each record.
 */
package org.musubi.ingest.jahis.mapping;
