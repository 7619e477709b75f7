package org.musubi.secretariat.fees.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.secretariat.fees.Invoice;
import org.musubi.secretariat.fees.InvoiceLine;
import org.musubi.secretariat.fees.InvoiceStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invoices and their lines. A number is the year of the invoiced month and the next value of that year's counter
 * ({@code invoice_counter}, incremented in the caller's transaction, so a rolled-back run leaves no gap and two runs
 * wait for each other's numbers); the unique index {@code invoice_current} keeps one invoice in force per facility
 * and month.
 */
public final class JdbcInvoiceStore implements InvoiceStore {

    private static final String SELECT = """
            SELECT i.id, i.number, i.month, i.facility_id, i.facility_name, i.facility_address, i.issued_on, i.due_on,
                i.issuer_name, i.issuer_address, i.registration_number, i.bank_details, i.status, i.replaces_id,
                r.number AS replaces_number, i.reason, n.id AS replaced_by_id, n.number AS replaced_by_number, i.paid_on,
                i.rule_id
            FROM invoice i LEFT JOIN invoice r ON r.id = i.replaces_id LEFT JOIN invoice n ON n.replaces_id = i.id
            """;

    private final JdbcClient jdbc;

    public JdbcInvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Invoice insert(Draft d) {
        int year = d.month().getYear();
        int next = jdbc.sql("""
                        INSERT INTO invoice_counter (year, last) VALUES (?, 1)
                        ON CONFLICT (year) DO UPDATE SET last = invoice_counter.last + 1 RETURNING last""")
                .param(year).query(Integer.class).single();
        String number = String.format("%d-%04d", year, next);
        long id = jdbc.sql("""
                        INSERT INTO invoice (number, month, facility_id, facility_name, facility_address, issued_on, due_on,
                            issuer_name, issuer_address, registration_number, bank_details, status, replaces_id, reason,
                            rule_id, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?, ?, ?, ?) RETURNING id""")
                .params(number, d.month().atDay(1), d.facilityId(), d.facilityName(), d.facilityAddress(), d.issuedOn(),
                        d.dueOn(), d.issuer().name(), d.issuer().address(), d.issuer().registrationNumber(),
                        d.issuer().bankDetails(), d.replaces().orElse(null), d.reason().orElse(null),
                        d.ruleId().orElse(null), d.createdBy() == 0 ? null : d.createdBy())
                .query(Long.class).single();
        for (int i = 0; i < d.lines().size(); i++) {
            InvoiceLine line = d.lines().get(i);
            jdbc.sql("INSERT INTO invoice_line (invoice_id, position, code, item, amount, tax_rate) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, i + 1, line.code(), line.item(), line.amount(), line.taxRate()).update();
        }
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Invoice> find(long id) {
        return withLines(jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(JdbcInvoiceStore::head).list())
                .stream().findFirst();
    }

    @Override
    public List<Invoice> current(YearMonth month) {
        return withLines(jdbc.sql(SELECT + " WHERE i.month = ? AND i.status = 'ISSUED' ORDER BY i.facility_id")
                .param(month.atDay(1)).query(JdbcInvoiceStore::head).list());
    }

    @Override
    public List<Invoice> list(Optional<YearMonth> month, Filter filter, int limit) {
        String where = switch (filter) {
            case ALL -> "TRUE";
            case UNPAID -> "i.status = 'ISSUED' AND i.paid_on IS NULL";
            case PAID -> "i.paid_on IS NOT NULL";
            case REPLACED -> "i.status = 'REPLACED'";
        };
        List<Object> params = new ArrayList<>();
        if (month.isPresent()) {
            where += " AND i.month = ?";
            params.add(month.get().atDay(1));
        }
        params.add(limit);
        return withLines(jdbc.sql(SELECT + " WHERE " + where + " ORDER BY i.month DESC, i.number LIMIT ?")
                .params(params).query(JdbcInvoiceStore::head).list());
    }

    @Override
    public boolean markReplaced(long id) {
        return jdbc.sql("UPDATE invoice SET status = 'REPLACED' WHERE id = ? AND status = 'ISSUED'").param(id).update() == 1;
    }

    @Override
    public boolean markPaid(long id, Optional<LocalDate> paidOn) {
        return jdbc.sql("UPDATE invoice SET paid_on = ? WHERE id = ?").params(paidOn.orElse(null), id).update() == 1;
    }

    private List<Invoice> withLines(List<Invoice> heads) {
        if (heads.isEmpty()) {
            return heads;
        }
        Map<Long, List<InvoiceLine>> lines = new HashMap<>();
        jdbc.sql("SELECT invoice_id, code, item, amount, tax_rate FROM invoice_line WHERE invoice_id = ANY (?) "
                        + "ORDER BY invoice_id, position")
                .param(heads.stream().map(Invoice::id).toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new InvoiceLine(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5)));
                });
        return heads.stream().map(h -> new Invoice(h.id(), h.number(), h.month(), h.facilityId(), h.facilityName(),
                h.facilityAddress(), h.issuedOn(), h.dueOn(), h.issuer(), h.status(), h.replaces(), h.reason(),
                h.replacedBy(), h.paidOn(), h.ruleVersion(), lines.getOrDefault(h.id(), List.of()))).toList();
    }

    private static Invoice head(ResultSet rs, int n) throws SQLException {
        long replaces = rs.getLong("replaces_id");
        Optional<Invoice.Reference> replacesRef = rs.wasNull() ? Optional.empty()
                : Optional.of(new Invoice.Reference(replaces, rs.getString("replaces_number")));
        long replacedBy = rs.getLong("replaced_by_id");
        Optional<Invoice.Reference> replacedByRef = rs.wasNull() ? Optional.empty()
                : Optional.of(new Invoice.Reference(replacedBy, rs.getString("replaced_by_number")));
        long rule = rs.getLong("rule_id");
        Optional<Long> ruleId = rs.wasNull() ? Optional.empty() : Optional.of(rule);
        Date paid = rs.getDate("paid_on");
        return new Invoice(rs.getLong("id"), rs.getString("number"),
                YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("facility_id"),
                rs.getString("facility_name"), rs.getString("facility_address"), rs.getDate("issued_on").toLocalDate(),
                rs.getDate("due_on").toLocalDate(), new Invoice.Issuer(rs.getString("issuer_name"),
                rs.getString("issuer_address"), rs.getString("registration_number"), rs.getString("bank_details")),
                Invoice.Status.valueOf(rs.getString("status")), replacesRef, Optional.ofNullable(rs.getString("reason")),
                replacedByRef, Optional.ofNullable(paid).map(Date::toLocalDate), ruleId, List.of());
    }
}
