package org.musubi.blob.resumable.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.exception.UploadNotFoundException;
import me.desair.tus.server.exception.UploadOffsetMismatchException;
import me.desair.tus.server.upload.UploadId;
import me.desair.tus.server.upload.UploadIdFactory;
import me.desair.tus.server.upload.UploadInfo;
import me.desair.tus.server.upload.UploadLock;
import me.desair.tus.server.upload.UploadLockingService;
import me.desair.tus.server.upload.UploadStorageService;
import me.desair.tus.server.upload.concatenation.UploadConcatenationService;
import org.musubi.blob.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tus's storage over PostgreSQL and the blob store: an upload's information is a row, its bytes are parts in the blob
 * store's part area (S3 cannot append), one part per at most {@code partSize} bytes received, each recorded with the
 * upload's new offset once it is stored. Nothing stays on one node's disk but the part being received (spooled under
 * the blob store's {@code tmp/}); a connection that breaks keeps every byte received before it broke. Only a fixed
 * buffer is ever in memory.
 */
final class DatabaseUploadStorage implements UploadStorageService {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUploadStorage.class);
    private static final int CLEANUP_BATCH = 100;
    private final UploadRows rows;
    private final BlobStore blobs;
    private final long partSize;
    private final Clock clock;
    private UploadIdFactory ids;
    private long maxUploadSize;
    private Long expirationPeriod;
    private UploadConcatenationService concatenation;

    DatabaseUploadStorage(UploadRows rows, BlobStore blobs, long partSize, Clock clock) {
        this.rows = rows;
        this.blobs = blobs;
        this.partSize = partSize;
        this.clock = clock;
    }

    /** The upload's id as a UUID, or null when it is none (a guessed or malformed id). */
    static UUID uuid(UploadId id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    UUID uuid(String uploadUri) {
        return uuid(ids.readUploadId(uploadUri));
    }

    @Override
    public UploadInfo getUploadInfo(String uploadUrl, String ownerKey) {
        UploadInfo info = getUploadInfo(ids.readUploadId(uploadUrl));
        return info != null && Objects.equals(info.getOwnerKey(), ownerKey) ? info : null;
    }

    @Override
    public UploadInfo getUploadInfo(UploadId id) {
        UUID uuid = uuid(id);
        return uuid == null ? null : rows.find(uuid).map(this::info).orElse(null);
    }

    private UploadInfo info(UploadRows.Row row) {
        UploadInfo info = new UploadInfo();
        info.setId(new UploadId(row.id()));
        info.setOwnerKey(row.owner());
        info.setLength(row.length());
        info.setOffset(row.offset());
        info.setEncodedMetadata(row.metadata());
        if (row.expiresAt() != null) {
            // UploadInfo counts its expiry from its own clock; this gives the stored instant back to the millisecond
            info.updateExpiration(row.expiresAt().toEpochMilli() - System.currentTimeMillis());
        }
        return info;
    }

    @Override
    public String getUploadUri() {
        return ids.getUploadUri();
    }

    @Override
    public UploadInfo create(UploadInfo info, String ownerKey) {
        UploadId id = ids.createId();
        rows.insert(uuid(id), ownerKey, info.getLength(), info.getEncodedMetadata());
        info.setId(id);
        info.setOffset(0L);
        info.setOwnerKey(ownerKey);
        return info;
    }

    @Override
    public void update(UploadInfo info) throws UploadNotFoundException {
        UUID id = uuid(info.getId());
        if (id == null || rows.find(id).isEmpty()) {
            throw new UploadNotFoundException("no upload " + info.getId());
        }
        Long expires = info.getExpirationTimestamp();
        rows.update(id, info.getLength(), info.getEncodedMetadata(), expires == null ? null : Instant.ofEpochMilli(expires));
    }

    /**
     * Stores what arrives as parts of at most {@code partSize} bytes, up to the upload's length; a broken connection
     * keeps the bytes received before it broke (their part is recorded, then the failure is passed on).
     */
    @Override
    public UploadInfo append(UploadInfo info, InputStream in) throws IOException, TusException {
        if (info == null) {
            return null;
        }
        UUID id = uuid(info.getId());
        long limit = info.hasLength() ? info.getLength() : maxUploadSize > 0 ? maxUploadSize : Long.MAX_VALUE;
        long offset = info.getOffset();
        Guarded source = new Guarded(in);
        while (offset < limit) {
            long budget = Math.min(partSize, limit - offset);
            String name = id + "-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
            long stored = blobs.putPart(name, new Bounded(source, budget), budget);
            if (stored == 0) {
                blobs.deletePart(name);
                break;
            }
            if (!rows.addPart(id, new UploadRows.Part(offset, stored, name))) {
                blobs.deletePart(name);
                throw new UploadOffsetMismatchException("The upload's offset moved while this request was writing");
            }
            offset += stored;
            info.setOffset(offset);
            if (stored < budget || source.failure != null) {
                break;
            }
        }
        if (source.failure != null) {
            throw source.failure;
        }
        return info;
    }

    /** Cuts the last {@code byteCount} bytes off (tus does so when a request failed after writing, e.g. a bad checksum). */
    @Override
    public void removeLastNumberOfBytes(UploadInfo info, long byteCount) throws IOException {
        if (info == null || byteCount <= 0) {
            return;
        }
        UUID id = uuid(info.getId());
        long end = Math.max(0, info.getOffset() - byteCount);
        List<UploadRows.Part> after = rows.parts(id).stream().filter(p -> p.start() + p.size() > end).toList();
        UploadRows.Part kept = null;
        for (UploadRows.Part part : after) {
            if (part.start() < end) {
                String name = id + "-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
                long keep = end - part.start();
                try (InputStream whole = blobs.openPart(part.name()).orElseThrow(() -> missing(part))) {
                    blobs.putPart(name, new Bounded(whole, keep), keep);
                }
                kept = new UploadRows.Part(part.start(), keep, name);
            }
        }
        rows.truncate(id, end, kept);
        for (UploadRows.Part part : after) {
            blobs.deletePart(part.name());
        }
        info.setOffset(end);
    }

    @Override
    public void terminateUpload(UploadInfo info) throws IOException {
        if (info != null) {
            remove(uuid(info.getId()));
        }
    }

    /** Removes an upload: its parts' bytes first (again if a removal was cut short), then its rows. */
    void remove(UUID id) throws IOException {
        discardParts(id);
        rows.delete(id);
    }

    /** Removes the bytes of an upload, keeping what is known of it (its offset, its owner). */
    void discardParts(UUID id) throws IOException {
        for (UploadRows.Part part : rows.parts(id)) {
            blobs.deletePart(part.name());
        }
        rows.dropParts(id);
    }

    @Override
    public InputStream getUploadedBytes(String uploadUri, String ownerKey) throws UploadNotFoundException {
        UploadInfo info = getUploadInfo(uploadUri, ownerKey);
        if (info == null) {
            throw new UploadNotFoundException("no upload at " + uploadUri);
        }
        return getUploadedBytes(info.getId());
    }

    /** The bytes received, part after part, each part opened when the reading reaches it. */
    @Override
    public InputStream getUploadedBytes(UploadId id) throws UploadNotFoundException {
        UUID uuid = uuid(id);
        if (uuid == null) {
            throw new UploadNotFoundException("no upload " + id);
        }
        Iterator<UploadRows.Part> parts = rows.parts(uuid).iterator();
        return new SequenceInputStream(new java.util.Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                UploadRows.Part part = parts.next();
                try {
                    return blobs.openPart(part.name()).orElseThrow(() -> missing(part));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    @Override
    public void copyUploadTo(UploadInfo info, OutputStream out) throws IOException, UploadNotFoundException {
        try (InputStream in = getUploadedBytes(info.getId())) {
            in.transferTo(out);
        }
    }

    /**
     * Removes the uploads whose expiry has passed and that no request holds now: each under its lock, taken without
     * waiting, so that nodes cleaning at the same time share the work and never remove an upload being written.
     */
    @Override
    public void cleanupExpiredUploads(UploadLockingService locking) throws IOException {
        DatabaseUploadLocks locks = (DatabaseUploadLocks) locking;
        for (UUID id : rows.expired(clock.instant(), CLEANUP_BATCH)) {
            try (UploadLock lock = locks.tryLock(id)) {
                if (lock != null && rows.find(id).filter(r -> r.expiresAt().isBefore(clock.instant())).isPresent()) {
                    remove(id);
                    log.info("Removed the expired upload {}", id);
                }
            }
        }
    }

    private static IOException missing(UploadRows.Part part) {
        return new IOException("a part of an upload is missing from the blob store: " + part.name());
    }

    @Override
    public void setMaxUploadSize(Long maxUploadSize) {
        this.maxUploadSize = maxUploadSize != null && maxUploadSize > 0 ? maxUploadSize : 0;
    }

    @Override
    public long getMaxUploadSize() {
        return maxUploadSize;
    }

    @Override
    public Long getUploadExpirationPeriod() {
        return expirationPeriod;
    }

    @Override
    public void setUploadExpirationPeriod(Long period) {
        this.expirationPeriod = period;
    }

    @Override
    public void setUploadConcatenationService(UploadConcatenationService service) {
        this.concatenation = service;
    }

    @Override
    public UploadConcatenationService getUploadConcatenationService() {
        return concatenation;
    }

    @Override
    public void setIdFactory(UploadIdFactory ids) {
        this.ids = ids;
    }

    /** The request's body; a read that fails (the client went away) ends it instead, and the failure is kept. */
    private static final class Guarded extends FilterInputStream {
        private IOException failure;

        Guarded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (failure != null) {
                return -1;
            }
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                return -1;
            }
        }

        @Override
        public void close() {
            // the request's body is the container's to close
        }
    }

    /** At most {@code limit} bytes of a stream, leaving the rest unread; closing it leaves the stream open. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the underlying stream is the caller's
        }
    }
}
