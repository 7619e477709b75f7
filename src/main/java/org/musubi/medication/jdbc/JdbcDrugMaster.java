package org.musubi.medication.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.medication.Drug;
import org.musubi.medication.DrugKind;
import org.musubi.medication.master.DrugMaster;
import org.musubi.medication.master.DrugMasterLoad;
import org.musubi.medication.DrugNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drug master's lookups in PostgreSQL ({@code drug_master}, {@code drug_master_load}). */
@Repository
class JdbcDrugMaster implements DrugMaster {

    private static final String ORDER = " ORDER BY listed DESC, yj_code";
    private final JdbcClient jdbc;

    JdbcDrugMaster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Drug> findByYjCode(String yjCode) {
        return jdbc.sql("SELECT * FROM drug_master WHERE yj_code = ?").param(DrugNames.code(yjCode))
                .query(JdbcDrugMaster::drug).optional();
    }

    @Override
    public List<Drug> findByName(String name) {
        return jdbc.sql("SELECT * FROM drug_master WHERE product_name_key = ?" + ORDER).param(DrugNames.normalize(name))
                .query(JdbcDrugMaster::drug).list();
    }

    @Override
    public Map<String, Drug> findByCodes(Collection<String> codes) {
        Map<String, Drug> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        String[] keys = new LinkedHashSet<>(codes.stream().map(DrugNames::code).toList()).toArray(String[]::new);
        Map<String, Drug> byKey = new HashMap<>();
        jdbc.sql("SELECT * FROM drug_master WHERE yj_code = ANY (?)").param(keys).query(JdbcDrugMaster::drug).list()
                .forEach(d -> byKey.put(d.yjCode(), d));
        for (String code : codes) {
            Drug drug = byKey.get(DrugNames.code(code));
            if (drug != null) {
                found.put(code, drug);
            }
        }
        return found;
    }

    @Override
    public Map<String, List<Drug>> findByNames(Collection<String> names) {
        Map<String, List<Drug>> found = new HashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        String[] keys = new LinkedHashSet<>(names.stream().map(DrugNames::normalize).toList()).toArray(String[]::new);
        jdbc.sql("SELECT * FROM drug_master WHERE product_name_key = ANY (?)" + ORDER).param(keys)
                .query((rs, n) -> Map.entry(rs.getString("product_name_key"), drug(rs, n))).list()
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM drug_master").query(Long.class).single();
    }

    @Override
    public List<DrugMasterLoad> loads(int limit) {
        return jdbc.sql("SELECT * FROM drug_master_load ORDER BY id DESC LIMIT ?").param(limit)
                .query(JdbcDrugMasterStore::load).list();
    }

    static Drug drug(ResultSet rs, int row) throws SQLException {
        return new Drug(rs.getString("yj_code"), DrugKind.valueOf(rs.getString("kind")), rs.getString("ingredient_name"),
                rs.getString("standard"), rs.getString("product_name"), rs.getString("maker"), rs.getBigDecimal("price"),
                rs.getBoolean("generic"), rs.getString("brand"), rs.getBoolean("brand_with_generic"),
                rs.getString("transitional_until"), rs.getString("remarks"), rs.getBoolean("listed"));
    }
}
