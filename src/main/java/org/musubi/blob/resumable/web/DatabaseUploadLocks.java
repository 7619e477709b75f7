package org.musubi.blob.resumable.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import me.desair.tus.server.exception.UploadAlreadyLockedException;
import me.desair.tus.server.upload.UploadId;
import me.desair.tus.server.upload.UploadIdFactory;
import me.desair.tus.server.upload.UploadLock;
import me.desair.tus.server.upload.UploadLockingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tus's locks as PostgreSQL advisory locks, one per upload, held by a connection for the length of a request: every
 * node sees them, and a node that dies drops its connections and with them its locks, so the upload is at once free
 * for another node. A request that finds its upload locked waits up to {@code wait}, then is answered 423 (tus clients
 * retry). A thread that holds an upload's lock gets it again at once (the caller may hold it around tus's own request
 * handling). At most {@code maxHeld} locks are held by this node at a time, so uploads never take every connection of
 * the pool.
 */
final class DatabaseUploadLocks implements UploadLockingService {

    /** The first key of every advisory lock of resumable uploads ("tus1"), the second being the upload's. */
    static final int LOCK_CLASS = 0x74757331;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUploadLocks.class);
    private static final long POLL_MILLIS = 100;
    private final DataSource database;
    private final Duration wait;
    private final Semaphore permits;
    private final ThreadLocal<Map<UUID, Held>> mine = ThreadLocal.withInitial(HashMap::new);
    private UploadIdFactory ids;

    DatabaseUploadLocks(DataSource database, Duration wait, int maxHeld) {
        this.database = database;
        this.wait = wait;
        this.permits = new Semaphore(maxHeld, true);
    }

    @Override
    public UploadLock lockUploadByUri(String requestUri) throws UploadAlreadyLockedException, IOException {
        UUID id = DatabaseUploadStorage.uuid(ids.readUploadId(requestUri));
        return id == null ? null : lock(id, wait);
    }

    /** The upload's lock, waiting up to {@code wait} for it; {@link UploadAlreadyLockedException} after that. */
    UploadLock lock(UUID id) throws UploadAlreadyLockedException, IOException {
        return lock(id, wait);
    }

    /** The upload's lock if no one holds it now, else null. */
    UploadLock tryLock(UUID id) throws IOException {
        try {
            return lock(id, Duration.ZERO);
        } catch (UploadAlreadyLockedException e) {
            return null;
        }
    }

    private UploadLock lock(UUID id, Duration patience) throws UploadAlreadyLockedException, IOException {
        Held held = mine.get().get(id);
        if (held != null) {
            held.depth++;
            return held;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            if (!permits.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw locked(id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw locked(id);
        }
        Connection connection = null;
        try {
            connection = database.getConnection();
            connection.setAutoCommit(true);
            while (!call(connection, "SELECT pg_try_advisory_lock(?, ?)", id)) {
                if (System.nanoTime() >= deadline) {
                    throw locked(id);
                }
                Thread.sleep(POLL_MILLIS);
            }
            Held lock = new Held(id, connection);
            mine.get().put(id, lock);
            return lock;
        } catch (SQLException e) {
            closeQuietly(connection);
            permits.release();
            throw new IOException("could not lock the upload " + id + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(connection);
            permits.release();
            throw locked(id);
        } catch (UploadAlreadyLockedException e) {
            closeQuietly(connection);
            permits.release();
            throw e;
        }
    }

    private static UploadAlreadyLockedException locked(UUID id) {
        return new UploadAlreadyLockedException("The upload " + id + " is being written by another request");
    }

    private static boolean call(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, id.hashCode());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a lock's connection failed", e);
            }
        }
    }

    /** Nothing to clean: a lock lives only as long as its connection. */
    @Override
    public void cleanupStaleLocks() {
    }

    @Override
    public boolean isLocked(UploadId uploadId) {
        UUID id = DatabaseUploadStorage.uuid(uploadId);
        if (id == null) {
            return false;
        }
        try (UploadLock lock = tryLock(id)) {
            return lock == null;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void setIdFactory(UploadIdFactory ids) {
        this.ids = ids;
    }

    /** A lock held by this thread; released when the outermost holder lets it go. */
    private final class Held implements UploadLock {
        private final UUID id;
        private final Connection connection;
        private int depth = 1;

        Held(UUID id, Connection connection) {
            this.id = id;
            this.connection = connection;
        }

        @Override
        public String getUploadUri() {
            return id.toString();
        }

        @Override
        public void release() {
            if (--depth > 0) {
                return;
            }
            mine.get().remove(id);
            try {
                call(connection, "SELECT pg_advisory_unlock(?, ?)", id);
            } catch (SQLException e) {
                log.warn("Unlocking the upload {} failed; its lock ends with its connection", id, e);
            } finally {
                closeQuietly(connection);
                permits.release();
            }
        }

        @Override
        public void close() {
            release();
        }
    }
}
