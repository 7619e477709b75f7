/**
 * Request bodies on their way in: refused over the size limit, or when they are not text in their charset (naming the
 * byte offset, line and column: {@code RequestBodyDoor}), before anything reads them; read before HAPI does
 * so that nothing in them is silently lost (parser faults, DOCTYPEs), validated once against base R4 and Musubi's
 * rules, and a Bundle's entries kept as the sender wrote them in JSON.
 */
package org.musubi.fhirapi.incoming;
