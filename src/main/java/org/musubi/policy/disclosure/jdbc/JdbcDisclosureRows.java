package org.musubi.policy.disclosure.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.musubi.policy.Disclosure;
import org.musubi.policy.DisclosureKind;
import org.musubi.policy.disclosure.DisclosureRows;
import org.musubi.registry.Profession;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link DisclosureRows} on the table of V88: a facility or user id of 0 (none) is stored as null. */
public final class JdbcDisclosureRows implements DisclosureRows {

    private final JdbcClient jdbc;

    public JdbcDisclosureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(String source, Disclosure d, String purpose, Instant until) {
        String readers = d.readers().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return jdbc.sql("""
                        INSERT INTO disclosure (kind, person_id, from_patient_id, from_facility_id, to_facility_id,
                            to_user_id, readers, purpose, until, source)
                        VALUES (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?) RETURNING id""")
                .params(d.kind().name(), d.personId(), d.fromPatientId(), orNull(d.fromFacilityId()),
                        orNull(d.toFacilityId()), d.toUserId(), readers, purpose,
                        until == null ? null : Timestamp.from(until), source)
                .query(Long.class).single();
    }

    @Override
    public Optional<Disclosure> find(long id) {
        return jdbc.sql("""
                        SELECT kind, person_id, from_patient_id, from_facility_id, to_facility_id, to_user_id, readers
                        FROM disclosure WHERE id = ?""")
                .param(id).query((rs, n) -> disclosure(rs)).optional();
    }

    @Override
    public OptionalLong idOf(String source) {
        return jdbc.sql("SELECT id FROM disclosure WHERE source = ?").param(source).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static Disclosure disclosure(ResultSet rs) throws SQLException {
        Array array = rs.getArray("readers");
        String[] readers = array == null ? new String[0] : (String[]) array.getArray();
        return new Disclosure(DisclosureKind.valueOf(rs.getString("kind")), rs.getLong("person_id"),
                (Long) rs.getObject("from_patient_id", Long.class), rs.getLong("from_facility_id"),
                rs.getLong("to_facility_id"), rs.getObject("to_user_id", Long.class),
                Arrays.stream(readers).map(Profession::valueOf).collect(Collectors.toSet()));
    }

    private static Long orNull(long id) {
        return id == 0 ? null : id;
    }
}
