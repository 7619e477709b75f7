/**
 * IHE MHD (Mobile access to Health Documents, 4.x, FHIR R4) for letters between facilities on {@code /fhir}: ITI-65
 * Provide Document Bundle sends a letter when its SubmissionSet names an intended recipient; ITI-67 and ITI-66 find
 * the letters to and from the caller's facility as DocumentReferences and SubmissionSet Lists synthesised from the
 * exchange's rows (searched without {@code patient}; with it, the record's own DocumentReferences and Lists); ITI-68
 * retrieves a letter's document or PDF as {@code Binary/letter-<id>}. Everything passes the letters exchange
 * ({@code org.musubi.letters.exchange.LetterExchange}): its policy, its one audit row per interaction.
 */
package org.musubi.fhirapi.mhd;
