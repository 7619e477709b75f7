/**
 * A facility system registers its own patients: Patient create and update with the facility's patient ID (also
 * the Patients of a transaction or document Bundle); the source patient is stored and matched to a regional person
 * (名寄せ), and the Patient kept as sent.
 */
package org.musubi.fhirapi.registration;
