/**
 * The receipt adapter: UKE files of the レセプト電算処理システム (記録条件仕様 医科, DPC and 調剤), read by {@link
 * org.musubi.ingest.uke.UkeReader}: per receipt the patient (RE, HO, SN; the insured-person number as JP-CLINS's
 * identifier), diagnoses (SY → Condition), drugs (IY → MedicationRequest; 調剤 → MedicationDispense), procedures and
 * materials (SI, TO → Procedure), an Encounter per visit day from the day columns, the DPC stay (BU) and comments (CO,
 * SJ), each receipt a source record that a re-sent receipt supersedes ({@code docs/no-ehr.md}).
 */
package org.musubi.ingest.uke;
