/**
 * The HAPI FHIR plain server on {@code /fhir}: the servlet, what it serves (Patient's providers, one per IHE
 * transaction, the record types', AuditEvent, transactions) and the interceptors every request passes, among them
 * the one that keeps unexpected failures from reaching the caller.
 */
package org.musubi.fhirapi.server;
