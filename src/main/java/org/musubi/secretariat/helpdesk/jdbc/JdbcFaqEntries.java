package org.musubi.secretariat.helpdesk.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.secretariat.helpdesk.FaqEntries;
import org.musubi.secretariat.helpdesk.HelpCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFaqEntries implements FaqEntries {

    private static final String COLUMNS = "id, category, question, answer, position, published";
    private static final String ORDER = " ORDER BY array_position(ARRAY['LOGIN','LINKING','IMPORTS','LETTERS_BOX','OTHER'],"
            + " category), position, id";
    private final JdbcClient jdbc;

    JdbcFaqEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FaqEntry> published(HelpCategory category, List<String> words, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM helpdesk_faq WHERE published");
        List<Object> params = new ArrayList<>();
        if (category != null) {
            sql.append(" AND category = ?");
            params.add(category.name());
        }
        for (String word : words) {
            sql.append(" AND strpos(lower(question || ' ' || answer), ?) > 0");
            params.add(word);
        }
        params.add(limit);
        return jdbc.sql(sql + ORDER + " LIMIT ?").params(params).query(JdbcFaqEntries::entry).list();
    }

    @Override
    public List<FaqEntry> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM helpdesk_faq" + ORDER).query(JdbcFaqEntries::entry).list();
    }

    @Override
    public Optional<FaqEntry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM helpdesk_faq WHERE id = ?").param(id).query(JdbcFaqEntries::entry)
                .optional();
    }

    @Override
    public long save(FaqEntry e, long byUser) {
        if (e.id() == 0) {
            return jdbc.sql("""
                    INSERT INTO helpdesk_faq (category, question, answer, position, published, changed_by)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(e.category().name(), e.question(), e.answer(), e.position(), e.published(), byUser)
                    .query(Long.class).single();
        }
        int changed = jdbc.sql("""
                UPDATE helpdesk_faq SET category = ?, question = ?, answer = ?, position = ?, published = ?,
                       changed_by = ?, changed_at = now() WHERE id = ?""")
                .params(e.category().name(), e.question(), e.answer(), e.position(), e.published(), byUser, e.id())
                .update();
        return changed == 1 ? e.id() : 0;
    }

    @Override
    public boolean seed(String seedKey, FaqEntry e) {
        return jdbc.sql("""
                INSERT INTO helpdesk_faq (category, question, answer, position, published, seed_key)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (seed_key) DO NOTHING""")
                .params(e.category().name(), e.question(), e.answer(), e.position(), e.published(), seedKey)
                .update() == 1;
    }

    private static FaqEntry entry(ResultSet rs, int row) throws SQLException {
        return new FaqEntry(rs.getLong("id"), HelpCategory.valueOf(rs.getString("category")), rs.getString("question"),
                rs.getString("answer"), rs.getInt("position"), rs.getBoolean("published"));
    }
}
