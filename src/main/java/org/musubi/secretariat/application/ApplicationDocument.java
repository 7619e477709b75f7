package org.musubi.secretariat.application;

import java.time.Instant;

/**
 * A document uploaded with an application, kept in the blob store under {@code blobKey}; {@code scanned}: a configured
 * malware scanner passed it (false: no scanner was configured when it arrived).
 */
public record ApplicationDocument(long id, long applicationId, String fileName, String contentType, String blobKey,
                                  long size, boolean scanned, Instant uploadedAt) {
}
