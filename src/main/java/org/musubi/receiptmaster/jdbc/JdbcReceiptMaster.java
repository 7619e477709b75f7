package org.musubi.receiptmaster.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.receiptmaster.MasterEntry;
import org.musubi.receiptmaster.MasterKey;
import org.musubi.receiptmaster.MasterKind;
import org.musubi.receiptmaster.ReceiptMaster;
import org.musubi.receiptmaster.ReceiptMasterLoad;
import org.musubi.receiptmaster.ReceiptMasterStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The receipt masters' look-ups and loads: one row per (master, code); a load upserts in batches. */
@Repository
class JdbcReceiptMaster implements ReceiptMaster, ReceiptMasterStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcReceiptMaster(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Map<MasterKey, MasterEntry> find(Collection<MasterKey> keys) {
        Map<MasterKey, MasterEntry> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<MasterKey> wanted = new ArrayList<>(new LinkedHashSet<>(keys));
        String[] kinds = wanted.stream().map(k -> String.valueOf(k.kind().letter())).toArray(String[]::new);
        String[] codes = wanted.stream().map(MasterKey::code).toArray(String[]::new);
        jdbc.sql("""
                SELECT m.* FROM receipt_master m
                JOIN unnest(?::text[], ?::text[]) AS w(kind, code) ON m.kind = w.kind AND m.code = w.code""")
                .params(kinds, codes).query(JdbcReceiptMaster::entry).list().forEach(e -> found.put(e.key(), e));
        return found;
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM receipt_master").query(Long.class).single();
    }

    @Override
    public List<ReceiptMasterLoad> loads(int limit) {
        return jdbc.sql("SELECT * FROM receipt_master_load ORDER BY id DESC LIMIT ?").param(limit)
                .query(JdbcReceiptMaster::load).list();
    }

    @Override
    @Transactional
    public ReceiptMasterLoad upsert(String fileName, String loadedBy, List<MasterEntry> entries, int rejected) {
        Set<MasterKind> kinds = entries.stream().map(MasterEntry::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MasterKind.class)));
        String letters = kinds.stream().map(k -> String.valueOf(k.letter())).collect(Collectors.joining());
        long id = jdbc.sql("""
                INSERT INTO receipt_master_load (file_name, kinds, rows_loaded, rows_rejected, loaded_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""").params(fileName, letters, entries.size(), rejected, loadedBy)
                .query(Long.class).single();
        template.batchUpdate("""
                INSERT INTO receipt_master (kind, code, name, unit, yj_code, comment_pattern, comment_embeds, load_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (kind, code) DO UPDATE SET name = excluded.name, unit = excluded.unit,
                  yj_code = excluded.yj_code, comment_pattern = excluded.comment_pattern,
                  comment_embeds = excluded.comment_embeds, load_id = excluded.load_id, updated_at = now()""",
                entries, 1000, (ps, e) -> {
                    ps.setString(1, String.valueOf(e.kind().letter()));
                    ps.setString(2, e.code());
                    ps.setString(3, e.name());
                    ps.setString(4, e.unit());
                    ps.setString(5, e.yjCode());
                    ps.setString(6, e.commentPattern());
                    ps.setString(7, e.embeds().isEmpty() ? null : e.embeds().stream()
                            .map(x -> x.position() + ":" + x.digits()).collect(Collectors.joining(",")));
                    ps.setLong(8, id);
                });
        return jdbc.sql("SELECT * FROM receipt_master_load WHERE id = ?").param(id).query(JdbcReceiptMaster::load).single();
    }

    private static MasterEntry entry(ResultSet rs, int row) throws SQLException {
        MasterKind kind = MasterKind.ofLetter(rs.getString("kind")).orElseThrow();
        List<MasterEntry.Embed> embeds = new ArrayList<>();
        String written = rs.getString("comment_embeds");
        if (written != null) {
            for (String pair : written.split(",")) {
                String[] parts = pair.split(":");
                embeds.add(new MasterEntry.Embed(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            }
        }
        return new MasterEntry(kind, rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                rs.getString("yj_code"), rs.getString("comment_pattern"), embeds);
    }

    private static ReceiptMasterLoad load(ResultSet rs, int row) throws SQLException {
        return new ReceiptMasterLoad(rs.getLong("id"), rs.getString("file_name"), rs.getString("kinds"),
                rs.getInt("rows_loaded"), rs.getInt("rows_rejected"), rs.getTimestamp("loaded_at").toInstant(),
                rs.getString("loaded_by"));
    }
}
