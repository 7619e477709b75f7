/**
 * {@code Patient/<id>/$summary} (the IPS operation, http://hl7.org/fhir/uv/ips/OperationDefinition/summary): the
 * emergency minimum dataset ({@link org.musubi.emergency.dataset.MinimumDataset}) as a FHIR document, a Bundle of type
 * {@code document} headed by an IPS-shaped Composition (LOINC 60591-5) whose sections (medication summary, allergies,
 * problem list, vital signs, results, advance directives) reference the resources the dataset shows, in the same
 * Bundle. One audited read through the access policy, the same 404 for an unknown person and a refused one.
 */
package org.musubi.fhirapi.summary;
