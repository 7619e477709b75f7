package org.musubi.blob.resumable.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The uploads' rows ({@code resumable_upload}) and their parts' rows ({@code resumable_upload_part}). */
final class UploadRows {

    /** One upload as stored. */
    record Row(UUID id, String owner, Long length, long offset, String metadata, Instant createdAt, Instant expiresAt) {
    }

    /** One part: the bytes [start, start + size) of its upload, in the blob store's part area under {@code name}. */
    record Part(long start, long size, String name) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    UploadRows(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void insert(UUID id, String owner, Long length, String metadata) {
        jdbc.update("INSERT INTO resumable_upload (id, owner, length, metadata) VALUES (?, ?, ?, ?)", id, owner, length,
                metadata);
    }

    Optional<Row> find(UUID id) {
        return jdbc.query("SELECT id, owner, length, upload_offset, metadata, created_at, expires_at FROM resumable_upload"
                + " WHERE id = ?", UploadRows::row, id).stream().findFirst();
    }

    /** What the protocol may change besides the offset: the length (once deferred), the metadata, the expiry. */
    void update(UUID id, Long length, String metadata, Instant expiresAt) {
        jdbc.update("UPDATE resumable_upload SET length = ?, metadata = ?, expires_at = ? WHERE id = ?", length, metadata,
                expiresAt == null ? null : Timestamp.from(expiresAt), id);
    }

    /**
     * Records a part stored in the blob store and moves the offset past it, if the offset is still {@code start}
     * (another writer that lost its lock finds it moved and keeps nothing).
     */
    boolean addPart(UUID id, Part part) {
        Boolean added = transactions.execute(status -> {
            int moved = jdbc.update("UPDATE resumable_upload SET upload_offset = ? WHERE id = ? AND upload_offset = ?",
                    part.start() + part.size(), id, part.start());
            if (moved == 0) {
                return false;
            }
            jdbc.update("INSERT INTO resumable_upload_part (upload_id, start_offset, size, name) VALUES (?, ?, ?, ?)", id,
                    part.start(), part.size(), part.name());
            return true;
        });
        return Boolean.TRUE.equals(added);
    }

    List<Part> parts(UUID id) {
        return jdbc.query("SELECT start_offset, size, name FROM resumable_upload_part WHERE upload_id = ? ORDER BY start_offset",
                (rs, n) -> new Part(rs.getLong(1), rs.getLong(2), rs.getString(3)), id);
    }

    /** Cuts the upload back to {@code end}: the parts from there on go, {@code kept} (if any) takes the cut part's place. */
    void truncate(UUID id, long end, Part kept) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM resumable_upload_part WHERE upload_id = ? AND start_offset + size > ?", id, end);
            if (kept != null) {
                jdbc.update("INSERT INTO resumable_upload_part (upload_id, start_offset, size, name) VALUES (?, ?, ?, ?)",
                        id, kept.start(), kept.size(), kept.name());
            }
            jdbc.update("UPDATE resumable_upload SET upload_offset = ? WHERE id = ?", end, id);
        });
    }

    /** Forgets the parts (their bytes are gone or used), keeping the upload and its offset. */
    void dropParts(UUID id) {
        jdbc.update("DELETE FROM resumable_upload_part WHERE upload_id = ?", id);
    }

    /** Removes the upload, its parts' rows, and the rows of features that reference it. */
    void delete(UUID id) {
        jdbc.update("DELETE FROM resumable_upload WHERE id = ?", id);
    }

    /** Uploads whose expiry has passed, oldest first. */
    List<UUID> expired(Instant now, int limit) {
        return jdbc.query("SELECT id FROM resumable_upload WHERE expires_at < ? ORDER BY expires_at LIMIT ?",
                (rs, n) -> rs.getObject(1, UUID.class), Timestamp.from(now), limit);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long length = rs.getLong("length");
        Long known = rs.wasNull() ? null : length;
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Row(rs.getObject("id", UUID.class), rs.getString("owner"), known, rs.getLong("upload_offset"),
                rs.getString("metadata"), rs.getTimestamp("created_at").toInstant(),
                expires == null ? null : expires.toInstant());
    }
}
