package org.musubi.identity.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardKind;
import org.musubi.identity.cards.CardStatus;
import org.musubi.identity.cards.Cards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcCards implements Cards {

    private final JdbcClient jdbc;

    JdbcCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Card issue(long personId, String number, CardKind kind, Long issuingFacilityId, long userId,
                      String checkHash) {
        return jdbc.sql("""
                INSERT INTO card (number, issue_no, kind, person_id, issuing_facility_id, issued_by, check_hash)
                VALUES (?, coalesce((SELECT max(issue_no) FROM card WHERE number = ?), 0) + 1, ?, ?, ?, ?, ?)
                RETURNING *""")
                .params(number, number, kind.name(), personId, issuingFacilityId, userId <= 0 ? null : userId, checkHash)
                .query(JdbcCards::card).single();
    }

    @Override
    public Optional<Card> active(String number) {
        return jdbc.sql("SELECT * FROM card WHERE number = ? AND status = 'ACTIVE'").param(number)
                .query(JdbcCards::card).optional();
    }

    @Override
    public Optional<Card> issue(String number, int issueNo) {
        return jdbc.sql("SELECT * FROM card WHERE number = ? AND issue_no = ?").params(number, issueNo)
                .query(JdbcCards::card).optional();
    }

    @Override
    public List<Card> of(long personId) {
        return jdbc.sql("SELECT * FROM card WHERE person_id = ? ORDER BY number, issue_no").param(personId)
                .query(JdbcCards::card).list();
    }

    @Override
    public boolean retire(String number, CardStatus status) {
        return jdbc.sql("UPDATE card SET status = ?, status_changed_at = now() WHERE number = ? AND status = 'ACTIVE'")
                .params(status.name(), number).update() == 1;
    }

    @Override
    @Transactional
    public Card reissue(String number, long userId, String checkHash) {
        Card current = jdbc.sql("SELECT * FROM card WHERE number = ? ORDER BY issue_no DESC LIMIT 1 FOR UPDATE")
                .param(number).query(JdbcCards::card).single();
        retire(number, CardStatus.REISSUED);
        return issue(current.personId(), number, current.kind(), current.issuingFacilityId(), userId, checkHash);
    }

    static Card card(ResultSet rs, int row) throws SQLException {
        long facility = rs.getLong("issuing_facility_id");
        Long issuing = rs.wasNull() ? null : facility;
        return new Card(rs.getLong("id"), rs.getString("number"), rs.getInt("issue_no"), CardKind.valueOf(rs.getString("kind")),
                rs.getLong("person_id"), issuing, CardStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("check_hash"));
    }
}
