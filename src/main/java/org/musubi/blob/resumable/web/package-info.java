/**
 * Resumable uploads (the tus 1.0 protocol, by {@code me.desair.tus:tus-java-server}) whose state is in PostgreSQL
 * and whose bytes are parts in the blob store, so that an upload begun on one node is continued on any other
 * ({@link org.musubi.blob.resumable.web.ResumableUploads}). Generic: a feature (imports, the Box) gives the upload URI,
 * the owner of each upload and what to do with the bytes once they are all there. An adapter (HTTP and JDBC) as a
 * whole, hence {@code web}.
 */
@NamedInterface("resumable")
package org.musubi.blob.resumable.web;

import org.springframework.modulith.NamedInterface;
