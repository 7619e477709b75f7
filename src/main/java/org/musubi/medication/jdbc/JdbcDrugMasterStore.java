package org.musubi.medication.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.medication.Drug;
import org.musubi.medication.DrugKind;
import org.musubi.medication.master.DrugMasterLoad;
import org.musubi.medication.master.DrugMasterStore;
import org.musubi.medication.DrugNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a loaded price list: batch upsert, then the products of the kinds it is a whole list of that it
 * did not carry are marked not listed.
 */
@Repository
class JdbcDrugMasterStore implements DrugMasterStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcDrugMasterStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    @Transactional
    public DrugMasterLoad replace(String fileName, String loadedBy, List<Drug> drugs, Set<DrugKind> kinds, int rejected) {
        String[] complete = completeKinds(drugs, kinds);
        long id = jdbc.sql("""
                INSERT INTO drug_master_load (file_name, rows_loaded, rows_rejected, loaded_by) VALUES (?, ?, ?, ?)
                RETURNING id""").params(fileName, drugs.size(), rejected, loadedBy).query(Long.class).single();
        template.batchUpdate("""
                INSERT INTO drug_master (yj_code, kind, ingredient_name, standard, product_name, product_name_key, maker,
                  price, generic, brand, brand_with_generic, transitional_until, remarks, listed, load_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)
                ON CONFLICT (yj_code) DO UPDATE SET kind = excluded.kind, ingredient_name = excluded.ingredient_name,
                  standard = excluded.standard, product_name = excluded.product_name,
                  product_name_key = excluded.product_name_key, maker = excluded.maker, price = excluded.price,
                  generic = excluded.generic, brand = excluded.brand, brand_with_generic = excluded.brand_with_generic,
                  transitional_until = excluded.transitional_until, remarks = excluded.remarks, listed = true,
                  load_id = excluded.load_id, updated_at = now()""", drugs, 1000, (ps, d) -> {
            ps.setString(1, d.yjCode());
            ps.setString(2, d.kind().name());
            ps.setString(3, d.ingredientName());
            ps.setString(4, d.standard());
            ps.setString(5, d.productName());
            ps.setString(6, DrugNames.normalize(d.productName()));
            ps.setString(7, d.maker());
            ps.setBigDecimal(8, d.price());
            ps.setBoolean(9, d.generic());
            ps.setString(10, d.brand());
            ps.setBoolean(11, d.brandWithGeneric());
            ps.setString(12, d.transitionalUntil());
            ps.setString(13, d.remarks());
            ps.setLong(14, id);
        });
        int unlisted = jdbc.sql("""
                UPDATE drug_master SET listed = false, updated_at = now()
                WHERE listed AND load_id <> ? AND kind = ANY (?)""")
                .params(id, complete).update();
        return jdbc.sql("UPDATE drug_master_load SET rows_unlisted = ? WHERE id = ? RETURNING *").params(unlisted, id)
                .query(JdbcDrugMasterStore::load).single();
    }

    /**
     * The kinds this list is a whole list of: it carries at least half as many products of the kind as are
     * listed now. A partial or mostly refused file only adds and updates, it never unlists a kind wholesale.
     */
    private String[] completeKinds(List<Drug> drugs, Set<DrugKind> kinds) {
        Map<String, Long> listed = new HashMap<>();
        jdbc.sql("SELECT kind, count(*) AS n FROM drug_master WHERE listed GROUP BY kind")
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getLong("n"))).list()
                .forEach(e -> listed.put(e.getKey(), e.getValue()));
        Map<DrugKind, Long> carried = drugs.stream().collect(Collectors.groupingBy(Drug::kind, Collectors.counting()));
        return kinds.stream().filter(k -> carried.getOrDefault(k, 0L) * 2 >= listed.getOrDefault(k.name(), 0L))
                .map(DrugKind::name).toArray(String[]::new);
    }

    static DrugMasterLoad load(ResultSet rs, int row) throws SQLException {
        return new DrugMasterLoad(rs.getLong("id"), rs.getString("file_name"), rs.getInt("rows_loaded"),
                rs.getInt("rows_rejected"), rs.getInt("rows_unlisted"), rs.getTimestamp("loaded_at").toInstant(),
                rs.getString("loaded_by"));
    }
}
