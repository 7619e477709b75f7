/**
 * {@code /fhir/Binary}: documents and images streamed to and from the blob store beside HAPI, their Binary resource
 * in the record store so that reads pass the access policy and the audit trail like any resource.
 */
package org.musubi.fhirapi.binary;
