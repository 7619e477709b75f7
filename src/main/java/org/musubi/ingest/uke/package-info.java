/**
 * The receipt adapter: UKE files of the レセプト電算処理システム (記録条件仕様 医科, DPC and 調剤), read by {@link
 * org.musubi.ingest.uke.UkeReader}: per receipt the patient (RE, HO, SN; the insured-person number as JP-CLINS's
 * identifier), diagnoses (SY → Condition; 疑い from 修飾語 or free text), drugs (IY → MedicationRequest; 調剤 →
 * MedicationDispense), procedures and materials (SI, TO → Procedure), an Encounter per visit day from the day columns,
 * the DPC stay (BU) and comments (CO on the item the 記録条件仕様 says, {@code ReceiptComments}; SJ and comments of no item
 * the receipt's), every code named from the receipt masters ({@code ReceiptNames}), each receipt a source record that a
 * re-sent receipt supersedes ({@code docs/no-ehr.md}). A receipt is rejected only for a value Musubi needs.
 */
package org.musubi.ingest.uke;
