/**
 * Bundles written: transactions and batches ({@code POST /fhir}) with {@code urn:uuid:} and conditional references
 * between their entries, and JP-CLINS document and collection Bundles ({@code POST /fhir/Bundle}) stored whole and
 * entry by entry. An entry's refusal names the entry.
 */
package org.musubi.fhirapi.bundle;
