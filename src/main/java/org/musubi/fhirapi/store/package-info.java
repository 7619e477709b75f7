/**
 * Between HAPI resources and the record store ({@code org.musubi.record}): a stored resource as HAPI's model with its
 * version, and an incoming resource as a write, validated, indexed and attached to the writer's own source patient.
 */
package org.musubi.fhirapi.store;
