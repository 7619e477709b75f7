/**
 * Self-entered OTC drugs and supplements (市販薬・サプリメント) of the health notebook (issue 25, items 4 and 9): the
 * resident or their proxy adds, changes and ends them on わたしのお薬 ({@link org.musubi.phr.otc.SelfMedications}, the
 * form {@link org.musubi.phr.otc.OtcForm}); stored as FHIR MedicationStatements of category {@code patientspecified}
 * under the resident's own source patient at the notebook's facility (policy category MEDICATIONS) with a Provenance
 * ({@link org.musubi.phr.otc.OtcWrites}; read by {@link org.musubi.phr.otc.OtcRecords}; {@link
 * org.musubi.phr.otc.OtcFhir}). The resident's own medication history as a JAHIS 電子版お薬手帳 file ({@link
 * org.musubi.phr.otc.MedicationNotebookFile}). Plain Java but for its configuration; its pages are in {@code web}. A
 * named interface: the clinicians' 健康手帳ビューワ (portal) shows the entries, labelled as patient-reported, through it.
 */
@NamedInterface("otc")
package org.musubi.phr.otc;

import org.springframework.modulith.NamedInterface;
