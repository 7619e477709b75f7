/**
 * The JAHIS 電子版お薬手帳データフォーマット (e-medication notebook, "JAHIS TC") adapter: reading
 * ({@link org.musubi.ingest.jahis.JahisReader}, a {@link org.musubi.ingest.adapter.SourceReader}) and split data
 * ({@link org.musubi.ingest.jahis.JahisSplit}). Plain Java and HAPI FHIR R4 structures; no Spring, no database. By
 * role: {@code records} reads the text into checked, typed records, {@code mapping} turns them into FHIR; this package
 * holds the entry points and the split-data joining. What the reading and the writing of the file share (its code
 * tables, dates, version record and Shift_JIS, the marks a record leaves on what it became) and the writer, which
 * writes FHIR back as the same records, are the medication module's ({@code medication.notebook}), so that the FHIR API
 * and the health notebook write the file without the importer.
 *
 * <p>Mapping at a glance (JP Core profiles):
 * <ul>
 * <li>1 患者情報 → the Patient of every result, {@code authoritative}; local ID derived from kana name,
 * birth date and sex ({@code jahis-<16 hex>}), since JAHIS has no patient ID; its blood type and weight →
 * Observations dated by the file's newest dispensing;</li>
 * <li>a dispensing block (5 …) → one MedicationDispense per 201, with pharmacy, pharmacist and
 * prescriber contained; notes (281 … 601) as Annotations marked with their record number; a block without drugs →
 * one DocumentReference per note; in a file of 出力区分 2 the dose is a dose, never a quantity handed over;</li>
 * <li>3/31 → MedicationStatement (contained Medication with ingredients); 2 → AllergyIntolerance (1, 2),
 * Condition unconfirmed (3), DocumentReference (9); 4 → DocumentReference; 701 is read, not mapped.</li>
 * </ul>
 * Each record's 作成者 is kept ({@code mapping.Creators}); Shift_JIS is read by JIS X 0208's table where Windows'
 * differs (0x8160 〜 U+301C …: {@code JahisCharsets}).
 * Each block, note, OTC drug and memo is a record of its own with a content key
 * ({@link org.musubi.ingest.jahis.mapping.RecordKeys}); what a fault rejects is listed on {@code JahisReader}.
 */
package org.musubi.ingest.jahis;
