/**
 * Regional persons as the API shows them: a person opened for a caller through the access policy (one audited
 * decision) and shown as a JP Core Patient with what the caller may see of them; the identifier systems Musubi
 * knows (the regional ID, each facility's patient IDs) and the person behind an identifier. Shared by the IHE
 * patient transactions, {@code $everything} and a facility's registration of its patients.
 */
package org.musubi.fhirapi.person;
