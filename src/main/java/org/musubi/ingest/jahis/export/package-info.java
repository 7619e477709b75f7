/**
 * FHIR → JAHIS TC lines for {@link org.musubi.ingest.jahis.JahisWriter}: the patient record, the items (notes,
 * OTC drugs, memos), and the MedicationDispenses grouped back into dispensing blocks with their RPs, reading the
 * stored parties a dispensing refers to as it reads contained ones; what the mapping took from JAHIS comes back
 * as the same records.
 */
package org.musubi.ingest.jahis.export;
