package org.musubi.blob.resumable.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import me.desair.tus.server.HttpMethod;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;
import me.desair.tus.server.upload.UploadLock;
import org.musubi.blob.BlobStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One tus 1.0 endpoint (creation, HEAD, PATCH, termination, checksum, expiration; OPTIONS) whose uploads live in
 * PostgreSQL and the blob store, so that any node continues any upload: tus-java-server speaks the protocol, {@link
 * DatabaseUploadStorage} keeps the uploads and {@link DatabaseUploadLocks} locks them. Each upload has an owner (a key
 * the feature chooses); an upload of another owner answers exactly like one that does not exist (404), and ids are
 * random UUIDs. The feature decides what the bytes become once they are all there ({@link #open}), under the upload's
 * lock ({@link #lock}), and removes them when it no longer needs them.
 */
public final class ResumableUploads {

    /**
     * @param uploadUri the endpoint's path, a regular expression when it has parameters (e.g.
     *                  {@code /import/[a-z0-9-]+/uploads}); an upload's URL is it followed by {@code /<id>}
     * @param maxSize   the largest upload; a larger Upload-Length is answered 413 at creation
     * @param expiry    how long an upload is kept after its last request
     * @param partSize  the largest part in the blob store (a PATCH is stored as parts of at most this)
     * @param lockWait  how long a request waits for its upload's lock (held by another request) before 423
     * @param maxHeld   the most uploads this node handles at once (each holds a database connection meanwhile)
     */
    public record Settings(String uploadUri, long maxSize, Duration expiry, long partSize, Duration lockWait, int maxHeld) {
    }

    /** What is known of an upload: its length (null while deferred), the bytes received and its tus metadata. */
    public record Upload(UUID id, Long length, long offset, Map<String, String> metadata) {

        public boolean complete() {
            return length != null && offset == length;
        }
    }

    private final TusFileUploadService tus;
    private final DatabaseUploadStorage storage;
    private final DatabaseUploadLocks locks;

    public ResumableUploads(DataSource database, BlobStore blobs, Settings settings) {
        this(database, blobs, settings, Clock.systemUTC());
    }

    ResumableUploads(DataSource database, BlobStore blobs, Settings settings, Clock clock) {
        UploadRows rows = new UploadRows(new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)));
        this.storage = new DatabaseUploadStorage(rows, blobs, settings.partSize(), clock);
        this.locks = new DatabaseUploadLocks(database, settings.lockWait(), settings.maxHeld());
        this.tus = new TusFileUploadService()
                .withUploadUri(settings.uploadUri())
                .withUploadStorageService(storage)
                .withUploadLockingService(locks)
                .withMaxUploadSize(settings.maxSize())
                .withUploadExpirationPeriod(settings.expiry().toMillis())
                // a final upload would read other uploads' bytes by their ids; not needed, not offered
                .disableTusExtension("concatenation");
    }

    /**
     * The tus method a request asks for ({@code X-HTTP-Method-Override} honoured, as tus-java-server does), or null
     * for one tus does not handle.
     */
    public String method(HttpServletRequest request) {
        HttpMethod method = HttpMethod.getMethodIfSupported(request, tus.getSupportedHttpMethods());
        return method == null ? null : method.name();
    }

    /** The upload's id named by a request's URI, or null when it names none (the endpoint itself, or no valid id). */
    public UUID id(String requestUri) {
        return storage.uuid(requestUri);
    }

    /**
     * Locks the upload for this thread (waiting up to the lock wait; {@link Busy} after it): tus's handling and
     * whatever the feature then does with the upload happen under one lock, on whichever node.
     */
    public UploadLock lock(UUID id) throws IOException {
        try {
            return locks.lock(id);
        } catch (TusException e) {
            throw new Busy(id);
        }
    }

    /** Handles one tus request for {@code owner}; the upload's lock is taken (or held already by this thread). */
    public void process(HttpServletRequest request, HttpServletResponse response, String owner) throws IOException {
        tus.process(request, response, owner);
    }

    /** The upload if it exists and is {@code owner}'s. */
    public Optional<Upload> find(UUID id, String owner) {
        UploadInfo info = storage.getUploadInfo(new me.desair.tus.server.upload.UploadId(id));
        if (info == null || !info.getOwnerKey().equals(owner)) {
            return Optional.empty();
        }
        return Optional.of(new Upload(id, info.getLength(), info.getOffset(), info.getMetadata()));
    }

    /** The bytes received, streamed part by part; to be closed by the caller. */
    public InputStream open(UUID id) throws IOException {
        try {
            return storage.getUploadedBytes(new me.desair.tus.server.upload.UploadId(id));
        } catch (TusException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Removes the bytes (once used), keeping the upload's row, so HEAD still tells a client that all arrived. */
    public void discardBytes(UUID id) throws IOException {
        storage.discardParts(id);
    }

    /** Removes the upload, its bytes and its rows (once used, when nothing more is to be told of it). */
    public void remove(UUID id) throws IOException {
        storage.remove(id);
    }

    /** Removes the expired uploads that no request holds (safe on several nodes at once). */
    public void cleanup() throws IOException {
        tus.cleanup();
    }

    /** The upload's lock is held by another request and was not released in time. */
    public static final class Busy extends IOException {
        Busy(UUID id) {
            super("The upload " + id + " is being written by another request");
        }
    }
}
