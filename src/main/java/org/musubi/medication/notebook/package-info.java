/**
 * The お薬手帳 (e-medication notebook) as a JAHIS 電子版お薬手帳データフォーマット file ("JAHIS TC"): what reading and
 * writing the file share — its code tables ({@code JahisCodes}), dates ({@code JahisDate}), number forms, version
 * record and Shift_JIS ({@code JahisFormat}), drug code types ({@code DrugCodes}), the URIs and codes of what its
 * records become ({@code JahisSystems}) and the marks a record leaves on it so that it is written back as the same
 * record ({@code Creators}, {@code NoteRecords}) — and the writer, {@code JahisWriter}, which writes a person's
 * medication history (stored FHIR) as a file: the patient record, the items (notes, OTC drugs, memos), and the
 * MedicationDispenses grouped back into dispensing blocks with their RPs, reading the stored parties a dispensing
 * refers to as it reads contained ones. The import reads such files ({@code ingest.jahis}, which uses this package);
 * the FHIR API ({@code $medication-notebook}) and the health notebook write them. A named interface; plain Java and
 * HAPI FHIR R4 structures.
 */
@NamedInterface("notebook")
package org.musubi.medication.notebook;

import org.springframework.modulith.NamedInterface;
