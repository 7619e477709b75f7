/**
 * PIXm, Mobile Patient Identifier Cross-reference query (ITI-83): {@code Patient/$ihe-pix}, the other identifiers of
 * the person behind a source identifier, limited to what the caller may see.
 */
package org.musubi.fhirapi.pixm;
