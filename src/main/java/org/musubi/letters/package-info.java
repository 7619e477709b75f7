/**
 * Letters between facilities (紹介状・情報提供文書): the content model the composer fills, the PDF renders, the
 * signature covers and {@code org.musubi.letters.clins} turns into the national JP-CLINS FHIR documents. Plain,
 * immutable records with their rules in their constructors; no storage, no Spring (but for the module's settings,
 * {@link org.musubi.letters.LettersProperties}). A {@link org.musubi.letters.Letter}
 * holds its {@link org.musubi.letters.LetterKind kind}, {@link org.musubi.letters.Author author}, sending
 * {@link org.musubi.letters.Facility facility}, {@link org.musubi.letters.Addressee addressee},
 * {@link org.musubi.letters.Demographics patient} and {@link org.musubi.letters.Content content} (diagnoses, allergies,
 * results, medicines, the {@link org.musubi.letters.Stay stay} of a discharge summary,
 * {@link org.musubi.letters.Attachment attachments}).
 */
package org.musubi.letters;
