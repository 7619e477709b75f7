package org.musubi.secretariat.fees;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.registry.Administrator;
import org.musubi.registry.NotPermitted;

/**
 * The network's invoicing settings and fee rules, changed by network administrators only: each change one audit row
 * (UPDATE InvoicingSettings, CREATE FeeRule with the new version's id), a refusal one DENY row; a read-only standby
 * refuses every change ({@link ReadOnlyStandbyException}).
 */
public final class FeeSettings {

    static final String SETTINGS = "InvoicingSettings";
    static final String RULE = "FeeRule";

    private final FeeStore store;
    private final Audit audit;
    private final BooleanSupplier readOnly;

    public FeeSettings(FeeStore store, Audit audit, BooleanSupplier readOnly) {
        this.store = store;
        this.audit = audit;
        this.readOnly = readOnly;
    }

    public Optional<InvoicingSettings> settings() {
        return store.settings();
    }

    /** The rules in force in {@code month}: the newest version on or before it, or none charged. */
    public FeeRules rulesFor(YearMonth month) {
        return store.rulesFor(month).map(FeeStore.Version::rules).orElseGet(() -> FeeRules.none(month));
    }

    public List<FeeStore.Version> versions() {
        return store.versions();
    }

    public void saveSettings(Administrator admin, InvoicingSettings settings) {
        allowed(admin, AuditAction.UPDATE, SETTINGS, 1);
        audit.allOrNothing(() -> {
            store.saveSettings(settings);
            audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on(SETTINGS, 1)
                    .reason("issuer " + settings.registrationNumber()));
            return null;
        });
    }

    /** Saves a new version of the rules from their month on; its id. */
    public long saveRules(Administrator admin, FeeRules rules) {
        allowed(admin, AuditAction.CREATE, RULE, rules.effectiveFrom());
        return audit.allOrNothing(() -> {
            long id = store.saveRules(rules, admin.userId());
            audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on(RULE, id)
                    .reason("from " + rules.effectiveFrom()));
            return id;
        });
    }

    /**
     * Sets the settings and a first version of the rules when no settings exist yet (the demo's seeding), as
     * {@code system}: one audit row each; false when settings existed (nothing changed).
     */
    public boolean seed(org.musubi.audit.Actor system, InvoicingSettings settings, FeeRules rules) {
        if (readOnly.getAsBoolean()) {
            throw new ReadOnlyStandbyException();
        }
        return audit.allOrNothing(() -> {
            if (store.settings().isPresent()) {
                return false;
            }
            store.saveSettings(settings);
            audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on(SETTINGS, 1)
                    .reason("issuer " + settings.registrationNumber()).by(system));
            long id = store.saveRules(rules, 0);
            audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on(RULE, id)
                    .reason("from " + rules.effectiveFrom()).by(system));
            return true;
        });
    }

    /** Refuses anyone but a network administrator (one DENY row) and any change on a read-only standby. */
    static void allowed(Administrator admin, AuditAction action, String type, Object id, Audit audit,
                        BooleanSupplier readOnly) {
        if (!admin.networkAdmin()) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on(type, id).reason("not a network admin"));
            throw new NotPermitted("fees and invoices");
        }
        if (readOnly.getAsBoolean()) {
            throw new ReadOnlyStandbyException();
        }
    }

    private void allowed(Administrator admin, AuditAction action, String type, Object id) {
        allowed(admin, action, type, id, audit, readOnly);
    }
}
