package org.musubi.disaster.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.musubi.disaster.KnownAddresses;
import org.musubi.registry.places.Prefectures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's and the persons' addresses containing a text: facilities first (their prefecture put in front when
 * the address does not name one), then persons, then the patients facilities sent. A scan, run only when an operator
 * asks to switch disaster mode on.
 */
@Repository
class JdbcKnownAddresses implements KnownAddresses {

    private static final String SPACELESS = "replace(replace(address, ' ', ''), '\u3000', '')";
    private final JdbcClient jdbc;

    JdbcKnownAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> containing(String text, int limit) {
        String wanted = text.replace(" ", "").replace("\u3000", "");
        List<String> found = new ArrayList<>(jdbc.sql("SELECT prefecture, address FROM facility WHERE strpos(" + SPACELESS
                        + ", ?) > 0 LIMIT ?").params(wanted, limit)
                .query((rs, n) -> inPrefecture(rs.getInt(1), rs.getString(2))).list());
        for (String table : List.of("person", "source_patient")) {
            if (found.size() < limit) {
                found.addAll(jdbc.sql("SELECT address FROM " + table + " WHERE strpos(" + SPACELESS + ", ?) > 0 LIMIT ?")
                        .params(wanted, limit - found.size()).query(String.class).list());
            }
        }
        return found;
    }

    private static String inPrefecture(int prefecture, String address) {
        return Prefectures.startOf(address).isPresent() || prefecture < 1 || prefecture > 47 ? address
                : Prefectures.name(prefecture) + address;
    }
}
