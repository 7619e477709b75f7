package org.musubi.secretariat.fees.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.musubi.secretariat.fees.FeeRules;
import org.musubi.secretariat.fees.FeeStore;
import org.musubi.secretariat.fees.InvoicingSettings;
import org.musubi.secretariat.fees.RegistrationNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The invoicing settings (one row) and the fee rules' versions ({@link FeeRules#write} text). */
public final class JdbcFeeStore implements FeeStore {

    private final JdbcClient jdbc;

    public JdbcFeeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<InvoicingSettings> settings() {
        return jdbc.sql("SELECT issuer_name, issuer_address, registration_number, bank_details, payment_days "
                        + "FROM invoicing_settings WHERE id = 1")
                .query((rs, n) -> new InvoicingSettings(rs.getString(1), rs.getString(2),
                        new RegistrationNumber(rs.getString(3)), rs.getString(4), rs.getInt(5))).optional();
    }

    @Override
    public void saveSettings(InvoicingSettings s) {
        jdbc.sql("""
                        INSERT INTO invoicing_settings (id, issuer_name, issuer_address, registration_number, bank_details,
                            payment_days) VALUES (1, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET issuer_name = excluded.issuer_name,
                            issuer_address = excluded.issuer_address, registration_number = excluded.registration_number,
                            bank_details = excluded.bank_details, payment_days = excluded.payment_days, updated_at = now()""")
                .params(s.issuerName(), s.issuerAddress(), s.registrationNumber().value(), s.bankDetails(),
                        s.paymentDays()).update();
    }

    @Override
    public Optional<Version> rulesFor(YearMonth month) {
        return jdbc.sql("SELECT id, rules_json, created_at FROM fee_rule WHERE effective_month <= ? "
                        + "ORDER BY effective_month DESC, id DESC LIMIT 1")
                .param(month.atDay(1)).query(JdbcFeeStore::version).optional();
    }

    @Override
    public List<Version> versions() {
        return jdbc.sql("SELECT id, rules_json, created_at FROM fee_rule ORDER BY id DESC LIMIT 200")
                .query(JdbcFeeStore::version).list();
    }

    @Override
    public long saveRules(FeeRules rules, long savedBy) {
        return jdbc.sql("INSERT INTO fee_rule (effective_month, rules_json, created_by) VALUES (?, ?, ?) RETURNING id")
                .params(rules.effectiveFrom().atDay(1), rules.write(), savedBy == 0 ? null : savedBy)
                .query(Long.class).single();
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getLong(1), FeeRules.read(rs.getString(2)), rs.getTimestamp(3).toInstant());
    }
}
