package org.musubi.registry.jdbc;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFacilityProfiles implements FacilityProfiles {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String SELECT = """
            SELECT f.id, f.created_at, p.municipality, p.beds, p.accepted_cards, p.listed, p.joined_on, p.left_on
              FROM facility f LEFT JOIN facility_profile p ON p.facility_id = f.id""";

    private final JdbcClient jdbc;

    JdbcFacilityProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<FacilityProfile> of(long facilityId) {
        return jdbc.sql(SELECT + " WHERE f.id = ?").param(facilityId).query(JdbcFacilityProfiles::read).optional();
    }

    @Override
    public List<FacilityProfile> all() {
        return jdbc.sql(SELECT + " ORDER BY f.id").query(JdbcFacilityProfiles::read).list();
    }

    @Override
    public boolean save(FacilityProfile profile) {
        String[] cards = profile.acceptedCards().stream().map(Enum::name).sorted().toArray(String[]::new);
        return jdbc.sql("""
                INSERT INTO facility_profile (facility_id, municipality, beds, accepted_cards, listed, joined_on, left_on)
                SELECT f.id, ?, ?, ?, ?, ?, ? FROM facility f WHERE f.id = ?
                ON CONFLICT (facility_id) DO UPDATE SET municipality = excluded.municipality, beds = excluded.beds,
                    accepted_cards = excluded.accepted_cards, listed = excluded.listed, joined_on = excluded.joined_on,
                    left_on = excluded.left_on, updated_at = now()""")
                .params(profile.municipality().orElse(null), profile.beds().orElse(null), cards, profile.listed(),
                        Date.valueOf(profile.joinedOn()), profile.leftOn().map(Date::valueOf).orElse(null),
                        profile.facilityId())
                .update() == 1;
    }

    private static FacilityProfile read(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Date joined = rs.getDate("joined_on");
        if (joined == null) {
            return FacilityProfile.defaults(id, rs.getTimestamp("created_at").toInstant().atZone(JAPAN).toLocalDate());
        }
        int beds = rs.getInt("beds");
        Optional<Integer> bedCount = rs.wasNull() ? Optional.empty() : Optional.of(beds);
        Date left = rs.getDate("left_on");
        return new FacilityProfile(id, Optional.ofNullable(rs.getString("municipality")), bedCount,
                cards(rs.getArray("accepted_cards")), rs.getBoolean("listed"), joined.toLocalDate(),
                Optional.ofNullable(left).map(Date::toLocalDate));
    }

    private static Set<AcceptedCard> cards(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<AcceptedCard> cards = EnumSet.noneOf(AcceptedCard.class);
        Arrays.stream((String[]) array.getArray()).map(AcceptedCard::valueOf).forEach(cards::add);
        return cards;
    }
}
