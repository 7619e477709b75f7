/**
 * Text read at the door: a request's query string, form fields and multipart text fields are read strictly in their
 * charset before anything uses them, and a request holding bytes that are no text in it is refused (400) naming the
 * field and the position — nothing reaches the record, a page or 名寄せ with U+FFFD in place of what was sent. The FHIR
 * API's bodies are read so by {@code fhirapi.incoming}, the importers' files by their readers, all with
 * {@link org.musubi.text.StrictText}.
 */
package org.musubi.web.encoding;
