/**
 * How answers are written where HAPI's own way would lose or cost something: a page exactly as the store cut it
 * (its included resources kept), search pages written from the stored JSON as it is (no parsing, no re-encoding),
 * and an OperationOutcome written straight to the servlet response for what is served beside HAPI.
 */
package org.musubi.fhirapi.response;
