package org.musubi.fhirapi.export.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.fhirapi.export.ExportJob;
import org.musubi.fhirapi.export.ExportJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The exports' rows in PostgreSQL: any node answers a job's status and files. */
@Repository
class JdbcExportJobs implements ExportJobs {

    private final JdbcClient jdbc;

    JdbcExportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void start(ExportJob job) {
        jdbc.sql("""
                INSERT INTO bulk_export_job (id, facility_id, user_id, level, request, types, since, status,
                  transaction_time) VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?)""")
                .params(job.id(), job.facilityId(), job.userId(), job.level().name(), job.request(),
                        job.types() == null ? null : job.types().stream().sorted().toArray(String[]::new),
                        timestamp(job.since()), timestamp(job.transactionTime()))
                .update();
    }

    @Override
    public Optional<ExportJob> find(UUID id) {
        Optional<ExportJob> job = jdbc.sql("SELECT * FROM bulk_export_job WHERE id = ?").param(id)
                .query((rs, n) -> job(rs, List.of())).optional();
        return job.map(j -> new ExportJob(j.id(), j.facilityId(), j.userId(), j.level(), j.request(), j.types(),
                j.since(), j.status(), j.progress(), j.error(), j.transactionTime(), j.expiresAt(), files(id)));
    }

    private List<ExportJob.ExportFile> files(UUID id) {
        return jdbc.sql("SELECT * FROM bulk_export_file WHERE job_id = ? ORDER BY seq").param(id)
                .query((rs, n) -> new ExportJob.ExportFile(rs.getInt("seq"), rs.getString("resource_type"),
                        rs.getString("part"), rs.getLong("count"), rs.getLong("bytes"))).list();
    }

    @Override
    public void progress(UUID id, String progress) {
        jdbc.sql("UPDATE bulk_export_job SET progress = ? WHERE id = ? AND status = 'RUNNING'").params(progress, id)
                .update();
    }

    @Override
    @Transactional
    public boolean done(UUID id, List<ExportJob.ExportFile> files, Instant finishedAt, Instant expiresAt) {
        if (!finish(id, "DONE", null, finishedAt, expiresAt)) {
            return false;
        }
        for (ExportJob.ExportFile file : files) {
            jdbc.sql("""
                    INSERT INTO bulk_export_file (job_id, seq, resource_type, part, count, bytes)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, file.seq(), file.type(), file.part(), file.count(), file.bytes()).update();
        }
        return true;
    }

    @Override
    public boolean failed(UUID id, String error, Instant finishedAt, Instant expiresAt) {
        return finish(id, "FAILED", error, finishedAt, expiresAt);
    }

    private boolean finish(UUID id, String status, String error, Instant finishedAt, Instant expiresAt) {
        return jdbc.sql("""
                UPDATE bulk_export_job SET status = ?, error = ?, finished_at = ?, expires_at = ?
                WHERE id = ? AND status = 'RUNNING'""")
                .params(status, error, timestamp(finishedAt), timestamp(expiresAt), id).update() == 1;
    }

    @Override
    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM bulk_export_job WHERE id = ?").param(id).update() == 1;
    }

    @Override
    public int running(long userId) {
        return jdbc.sql("SELECT count(*) FROM bulk_export_job WHERE user_id = ? AND status = 'RUNNING'").param(userId)
                .query(Integer.class).single();
    }

    @Override
    public List<UUID> running() {
        return jdbc.sql("SELECT id FROM bulk_export_job WHERE status = 'RUNNING'").query(UUID.class).list();
    }

    @Override
    public List<ExportJob> expired(Instant now) {
        List<UUID> ids = jdbc.sql("""
                SELECT id FROM bulk_export_job WHERE status <> 'RUNNING' AND expires_at < ? ORDER BY expires_at
                LIMIT 1000""").param(timestamp(now)).query(UUID.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private static ExportJob job(ResultSet rs, List<ExportJob.ExportFile> files) throws SQLException {
        Array types = rs.getArray("types");
        return new ExportJob(rs.getObject("id", UUID.class), rs.getLong("facility_id"), rs.getLong("user_id"),
                ExportJob.Level.valueOf(rs.getString("level")), rs.getString("request"),
                types == null ? null : Set.of((String[]) types.getArray()), instant(rs.getTimestamp("since")),
                ExportJob.Status.valueOf(rs.getString("status")), rs.getString("progress"), rs.getString("error"),
                instant(rs.getTimestamp("transaction_time")), instant(rs.getTimestamp("expires_at")), files);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
