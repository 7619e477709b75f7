/**
 * The regional pathways' stage forms as read-only {@code Questionnaire} resources ({@code GET /fhir/Questionnaire/<id>},
 * searches by {@code url}, {@code version}, {@code status}, {@code name}), from the operators' template store through
 * {@link org.musubi.pathway.PathwayCatalog}'s store: Musubi's data, not a patient's, so any authenticated caller reads
 * them; every write is refused with 405 and an OperationOutcome. docs/pathways.md.
 */
package org.musubi.fhirapi.questionnaire;
