package org.musubi.box;

import java.time.Instant;
import java.util.UUID;

/**
 * A file in Box.
 *
 * @param id             random, unguessable
 * @param senderUser     who uploaded it
 * @param senderFacility the facility they acted for
 * @param senderName     the sender's name as shown
 * @param name           the file's name as uploaded
 * @param contentType    its content type as uploaded
 * @param size           bytes
 * @param sha256         the content's SHA-256, checked on every download
 * @param message        the sender's message, or {@code null}
 * @param scan           what the malware scan found
 * @param uploadedAt     when it was uploaded
 * @param expiresAt      when it stops being downloadable (and is swept)
 * @param personId       the patient (regional person) the file is about, or {@code null}: then each recipient is
 *                       decided by the access policy at each download
 * @param recordDocument the DocumentReference it was attached to in the patient's record, or {@code null}
 * @param part           the blob store part that holds the content (Box's own namespace: never shared with a record's
 *                       content): {@code box-<id>} as uploaded, another name once an editor saved a new version
 * @param lostAt         when a restore found the content missing or not matching its SHA-256 (docs/backup.md), or
 *                       {@code null}: a lost file is treated as expired — never downloaded — and says why
 */
public record BoxFile(UUID id, long senderUser, Long senderFacility, String senderName, String name, String contentType,
                      long size, String sha256, String message, ScanStatus scan, Instant uploadedAt, Instant expiresAt,
                      Long personId, String recordDocument, String part, Instant lostAt) {

    public BoxFile {
        part = part == null ? "box-" + id : part;
    }

    /** A file whose content is where it was put. */
    public BoxFile(UUID id, long senderUser, Long senderFacility, String senderName, String name, String contentType,
                   long size, String sha256, String message, ScanStatus scan, Instant uploadedAt, Instant expiresAt,
                   Long personId, String recordDocument, String part) {
        this(id, senderUser, senderFacility, senderName, name, contentType, size, sha256, message, scan, uploadedAt,
                expiresAt, personId, recordDocument, part, null);
    }

    /** A file as uploaded, its content under {@code box-<id>}. */
    public BoxFile(UUID id, long senderUser, Long senderFacility, String senderName, String name, String contentType,
                   long size, String sha256, String message, ScanStatus scan, Instant uploadedAt, Instant expiresAt) {
        this(id, senderUser, senderFacility, senderName, name, contentType, size, sha256, message, scan, uploadedAt,
                expiresAt, null, null, null);
    }

    /** What the malware scan found; only CLEAN and UNSCANNED (scanning switched off, the operator warned) download. */
    public enum ScanStatus {
        CLEAN, INFECTED, NOT_SCANNED, UNSCANNED;

        public boolean downloadable() {
            return this == CLEAN || this == UNSCANNED;
        }
    }

    /** Past its retention (a lost file is kept listed until then, saying why it cannot be downloaded). */
    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Whether a restore found its content missing or other than its SHA-256: treated as expired. */
    public boolean lost() {
        return lostAt != null;
    }
}
