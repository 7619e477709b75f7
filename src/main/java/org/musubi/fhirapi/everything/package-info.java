/**
 * A person's whole record at once: {@code Patient/<id>/$everything} (through HAPI, or in JSON straight from the
 * stored JSON) and {@code $medication-notebook} (a JAHIS file), each one audited read with the directory resources
 * (organizations, practitioners) its resources refer to.
 */
package org.musubi.fhirapi.everything;
