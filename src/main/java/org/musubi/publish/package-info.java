/**
 * Data from facilities that have no system of their own (issue 46): publishing by hand from the portal (手動公開) — a
 * document (a PDF or a picture: a referral received on paper, a discharge summary, a checkup report) or a short
 * structured note (diagnoses, allergies, current medicines) for a patient the facility is linked to, corrected or
 * withdrawn later with the history kept ({@link org.musubi.publish.Publishing}) — and a care office's records of care
 * events (visits, ADL, vital signs, incidents), entered from a phone or imported from the care software's CSV export
 * ({@link org.musubi.publish.CareRecords}). Everything is the facility's own record under its own source patient,
 * entered through the record's one write door ({@code record.WriteRecords.enter}).
 */
package org.musubi.publish;
