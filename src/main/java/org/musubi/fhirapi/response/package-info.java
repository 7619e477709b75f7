/**
 * How answers leave the server beside HAPI's own encoding: a page exactly as the store cut it, search pages written
 * from the stored JSON as it is (no parsing, no re-encoding), and an OperationOutcome written straight to the
 * servlet response.
 */
package org.musubi.fhirapi.response;
