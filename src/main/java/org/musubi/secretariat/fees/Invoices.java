package org.musubi.secretariat.fees;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.NotPermitted;

/**
 * The issued invoices: read, corrected, marked paid. A correction is a new invoice with its own number, dated today,
 * for the same facility and month, naming the one it replaces and why; the replaced one moves to REPLACED and is
 * otherwise kept as it was (both stay downloadable). One audit row per change (CREATE Invoice for a correction,
 * UPDATE Invoice for a paid mark); network administrators only; a read-only standby refuses.
 */
public final class Invoices {

    static final String INVOICE = "Invoice";
    /** The longest reason a correction gives. */
    public static final int MAX_REASON = 500;

    private final InvoiceStore store;
    private final FeeStore fees;
    private final Audit audit;
    private final BooleanSupplier readOnly;
    private final Clock clock;

    public Invoices(InvoiceStore store, FeeStore fees, Audit audit, BooleanSupplier readOnly, Clock clock) {
        this.store = store;
        this.fees = fees;
        this.audit = audit;
        this.readOnly = readOnly;
        this.clock = clock;
    }

    /** Japan time: the day an invoice is dated. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public Optional<Invoice> find(long id) {
        return store.find(id);
    }

    public List<Invoice> list(Optional<YearMonth> month, InvoiceStore.Filter filter) {
        return store.list(month, filter, 2000);
    }

    /**
     * Replaces the invoice in force {@code id} by a new one of {@code lines} for {@code reason}; the new invoice.
     * {@link NotPermitted} for a replaced or unknown invoice (nothing to correct).
     */
    public Invoice correct(Administrator admin, long id, List<InvoiceLine> lines, String reason) {
        FeeSettings.allowed(admin, AuditAction.CREATE, INVOICE, id, audit, readOnly);
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON || lines.isEmpty()) {
            throw new IllegalArgumentException("a correction has lines and a reason of at most " + MAX_REASON);
        }
        InvoicingSettings settings = fees.settings().orElseThrow(MonthlyRun.NoSettings::new);
        return audit.allOrNothing(() -> {
            Invoice old = store.find(id).filter(i -> i.status() == Invoice.Status.ISSUED).orElse(null);
            if (old == null || !store.markReplaced(id)) {
                audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on(INVOICE, id).reason("not in force"));
                throw new NotInForce(id);
            }
            LocalDate today = LocalDate.now(clock.withZone(JAPAN));
            Invoice made = store.insert(new InvoiceStore.Draft(old.month(), old.facilityId(), old.facilityName(),
                    old.facilityAddress(), today, today.plusDays(settings.paymentDays()), MonthlyRun.issuer(settings),
                    Optional.of(old.id()), Optional.of(reason.strip()),
                    fees.rulesFor(old.month()).map(FeeStore.Version::id), admin.userId(), lines));
            audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on(INVOICE, made.id())
                    .reason("correction " + made.number() + " replaces " + old.number()));
            return made;
        });
    }

    /**
     * A correction of an invoice no longer in force (another administrator's correction replaced it first, or there is
     * no such invoice): nothing was stored.
     */
    public static final class NotInForce extends RuntimeException {
        public NotInForce(long id) {
            super("no invoice in force " + id);
        }
    }

    /** Marks the invoice paid on {@code paidOn} (empty: unpaid again); false when there is no such invoice. */
    public boolean markPaid(Administrator admin, long id, Optional<LocalDate> paidOn) {
        FeeSettings.allowed(admin, AuditAction.UPDATE, INVOICE, id, audit, readOnly);
        return audit.allOrNothing(() -> {
            boolean done = store.markPaid(id, paidOn);
            audit.record(AuditEntry.of(AuditAction.UPDATE, done ? Outcome.PERMIT : Outcome.DENY).on(INVOICE, id)
                    .reason(done ? paidOn.map(d -> "paid " + d).orElse("unpaid") : "no such invoice"));
            return done;
        });
    }
}
