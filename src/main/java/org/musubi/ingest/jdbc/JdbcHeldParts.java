package org.musubi.ingest.jdbc;

import java.util.List;
import org.musubi.ingest.readers.HeldParts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHeldParts implements HeldParts {

    private final JdbcClient jdbc;

    JdbcHeldParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Part> hold(String institutionCode, String dataId, int count, int number, byte[] content) {
        jdbc.sql("""
                INSERT INTO import_held_part (institution_code, data_id, part_count, part_number, content) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (institution_code, data_id, part_number) DO UPDATE SET part_count = excluded.part_count,
                  content = excluded.content, received_at = now()""")
                .params(institutionCode, dataId, count, number, content).update();
        return parts(institutionCode, dataId);
    }

    @Override
    public List<Part> parts(String institutionCode, String dataId) {
        return jdbc.sql("""
                SELECT part_count, part_number, content FROM import_held_part WHERE institution_code = ? AND data_id = ?
                ORDER BY part_number""").params(institutionCode, dataId)
                .query((rs, n) -> new Part(rs.getInt(1), rs.getInt(2), rs.getBytes(3))).list();
    }

    @Override
    public void release(String institutionCode, String dataId) {
        jdbc.sql("DELETE FROM import_held_part WHERE institution_code = ? AND data_id = ?").params(institutionCode, dataId)
                .update();
    }
}
