package org.musubi.security.internal.certificate;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.musubi.database.Standby;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' registered client certificates in PostgreSQL ({@code client_certificate}). */
@Repository
public class ClientCertificateStore {

    /**
     * A registered certificate as the screen and the login see it.
     *
     * @param fingerprint SHA-256 of the DER encoding, as {@code AB:CD:…}
     * @param serial      the serial number in hexadecimal, lower case
     */
    public record Registered(long id, long userId, String fingerprint, String subject, String issuer, String serial,
                      Instant notBefore, Instant notAfter, Instant registeredAt, Instant revokedAt, Instant lastUsedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final Standby standby;

    ClientCertificateStore(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    /** Registers the certificate for the user; empty when this certificate is registered already (for anyone). */
    Optional<Long> add(long userId, X509Certificate certificate, long registeredBy) {
        try {
            return Optional.of(jdbc.sql("""
                    INSERT INTO client_certificate (user_id, fingerprint, subject, issuer, serial, not_before, not_after,
                                                    der, registered_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(userId, PemCertificates.fingerprint(certificate), name(certificate.getSubjectX500Principal()
                                    .getName()), name(certificate.getIssuerX500Principal().getName()),
                            serial(certificate.getSerialNumber()), Timestamp.from(certificate.getNotBefore().toInstant()),
                            Timestamp.from(certificate.getNotAfter().toInstant()), certificate.getEncoded(), registeredBy)
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a parsed certificate has an encoding", e);
        }
    }

    List<Registered> ofUser(long userId) {
        return jdbc.sql("SELECT * FROM client_certificate WHERE user_id = ? ORDER BY id").param(userId)
                .query(ClientCertificateStore::read).list();
    }

    Optional<Registered> byFingerprint(byte[] fingerprint) {
        return jdbc.sql("SELECT * FROM client_certificate WHERE fingerprint = ?").param(fingerprint)
                .query(ClientCertificateStore::read).optional();
    }

    /** Revokes the user's own certificate of this id; false when the user has no such certificate not yet revoked. */
    boolean revoke(long userId, long id, long revokedBy) {
        return jdbc.sql("""
                UPDATE client_certificate SET revoked_at = now(), revoked_by = ?
                WHERE id = ? AND user_id = ? AND revoked_at IS NULL""").params(revokedBy, id, userId).update() == 1;
    }

    /** Keeps when the certificate last logged someone in; not on a read-only standby, where the login goes on without. */
    void used(long id) {
        standby.unlessReadOnly(() -> jdbc.sql("UPDATE client_certificate SET last_used_at = now() WHERE id = ?")
                .param(id).update());
    }

    /** The serial number as the screen shows it: hexadecimal, lower case (negative serials, which exist, as two's). */
    static String serial(BigInteger serial) {
        return serial.signum() >= 0 ? serial.toString(16) : HexFormat.of().formatHex(serial.toByteArray());
    }

    private static String name(String distinguishedName) {
        return distinguishedName.length() > 1024 ? distinguishedName.substring(0, 1024) : distinguishedName;
    }

    private static Registered read(ResultSet rs, int row) throws SQLException {
        return new Registered(rs.getLong("id"), rs.getLong("user_id"),
                PemCertificates.colons(rs.getBytes("fingerprint")), rs.getString("subject"), rs.getString("issuer"),
                rs.getString("serial"), instant(rs, "not_before"), instant(rs, "not_after"), instant(rs, "registered_at"),
                instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
