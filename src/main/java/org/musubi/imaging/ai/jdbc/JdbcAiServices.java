package org.musubi.imaging.ai.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.musubi.imaging.ai.AiService;
import org.musubi.imaging.ai.AiServices;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AiServices} on {@code ai_service} (V72). */
public final class JdbcAiServices implements AiServices {

    private static final String COLUMNS = """
            id, name, base_url, token_sealed, model_name, model_version, modalities, body_part, automatic, enabled,
            last_seen_indexed_at""";

    private final JdbcClient jdbc;

    public JdbcAiServices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AiService> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_service ORDER BY name, id").query((rs, n) -> service(rs)).list();
    }

    @Override
    public Optional<AiService> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_service WHERE id = ?").param(id).query((rs, n) -> service(rs))
                .optional();
    }

    @Override
    public Optional<AiService> create(AiService s) {
        try {
            long id = jdbc.sql("""
                            INSERT INTO ai_service (name, base_url, token_sealed, model_name, model_version, modalities,
                                body_part, automatic, enabled, last_seen_indexed_at)
                            VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?) RETURNING id""")
                    .params(s.name(), s.baseUrl(), s.tokenSealed(), s.modelName(), s.modelVersion(),
                            s.modalities().toArray(String[]::new), s.bodyPart(), s.automatic(), s.enabled(),
                            ts(s.lastSeenIndexedAt()))
                    .query(Long.class).single();
            return find(id);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    @Override
    public boolean update(AiService s) {
        try {
            return jdbc.sql("""
                            UPDATE ai_service SET name = ?, base_url = ?, token_sealed = coalesce(?, token_sealed),
                                model_name = ?, model_version = ?, modalities = ?::text[], body_part = ?, automatic = ?,
                                enabled = ?, last_seen_indexed_at = ? WHERE id = ?""")
                    .params(s.name(), s.baseUrl(), s.tokenSealed(), s.modelName(), s.modelVersion(),
                            s.modalities().toArray(String[]::new), s.bodyPart(), s.automatic(), s.enabled(),
                            ts(s.lastSeenIndexedAt()), s.id())
                    .update() == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public void advance(long id, Instant lastSeenIndexedAt) {
        jdbc.sql("UPDATE ai_service SET last_seen_indexed_at = ? WHERE id = ?").params(ts(lastSeenIndexedAt), id)
                .update();
    }

    private static AiService service(ResultSet rs) throws SQLException {
        String[] modalities = (String[]) rs.getArray("modalities").getArray();
        Timestamp seen = rs.getTimestamp("last_seen_indexed_at");
        return new AiService(rs.getLong("id"), rs.getString("name"), rs.getString("base_url"),
                rs.getString("token_sealed"), rs.getString("model_name"), rs.getString("model_version"),
                Arrays.asList(modalities), rs.getString("body_part"), rs.getBoolean("automatic"),
                rs.getBoolean("enabled"), seen == null ? null : seen.toInstant());
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
