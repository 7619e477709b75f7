package org.musubi.secretariat.fees;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;

/**
 * The monthly run: for every facility that took part in the month, its fee under the rules in force then
 * ({@link FeeCalculator}); one invoice per facility with a fee, none for a free one (listed with the reason). Idempotent:
 * a facility that already has an invoice in force for the month keeps it (same number, same amounts) and gets no
 * other; when the rules now give another fee than that invoice says, the run reports the difference and changes
 * nothing — the operator corrects it ({@link Invoices#correct}), which replaces the invoice by a new one. A difference
 * is not reported again for a correction made under the rules now in force (the operator decided it). Numbers are
 * given in facility id order. One audit row per run (CREATE InvoiceRun, the month and the counts).
 */
public final class MonthlyRun {

    static final String RUN = "InvoiceRun";

    private final Facilities facilities;
    private final FacilityProfiles profiles;
    private final FeeStore fees;
    private final InvoiceStore invoices;
    private final Audit audit;
    private final BooleanSupplier readOnly;

    public MonthlyRun(Facilities facilities, FacilityProfiles profiles, FeeStore fees, InvoiceStore invoices,
                      Audit audit, BooleanSupplier readOnly) {
        this.facilities = facilities;
        this.profiles = profiles;
        this.fees = fees;
        this.invoices = invoices;
        this.audit = audit;
        this.readOnly = readOnly;
    }

    /** A facility that pays nothing this month, and why. */
    public record FreeFacility(long facilityId, String name, FeeCalculator.Free reason) {
    }

    /** An invoice in force whose amounts the rules now in force would make otherwise ({@code now}: empty when free). */
    public record Difference(Invoice invoice, List<InvoiceLine> now) {

        public TaxTotals nowTotals() {
            return TaxTotals.of(now);
        }
    }

    /**
     * What a run did (or, for {@link #preview}, would do): invoices issued by it, invoices in force that were kept as
     * they are, differences to decide, free facilities.
     */
    public record Report(YearMonth month, Optional<Long> ruleVersion, List<Invoice> issued, List<Invoice> kept,
                         List<Difference> differences, List<FreeFacility> free, List<FeeCalculator.Fee> toIssue) {
    }

    /** Thrown when the network's invoicing settings (issuer, 登録番号) are not set yet: no invoice can be issued. */
    public static final class NoSettings extends RuntimeException {
        NoSettings() {
            super("the network's invoicing settings are not set");
        }
    }

    /** What a run of {@code month} would do now, without doing it. */
    public Report preview(YearMonth month) {
        return plan(month);
    }

    /** Runs {@code month} for a network administrator, invoices dated {@code issuedOn}. */
    public Report run(Administrator admin, YearMonth month, LocalDate issuedOn) {
        FeeSettings.allowed(admin, AuditAction.CREATE, RUN, month, audit, readOnly);
        return issue(month, issuedOn, admin.userId(), null);
    }

    /** Runs {@code month} as the system (the demo's seeding), invoices dated {@code issuedOn}. */
    public Report runAs(Actor system, YearMonth month, LocalDate issuedOn) {
        if (readOnly.getAsBoolean()) {
            throw new org.musubi.database.ReadOnlyStandbyException();
        }
        return issue(month, issuedOn, 0, system);
    }

    private Report issue(YearMonth month, LocalDate issuedOn, long by, Actor system) {
        InvoicingSettings settings = fees.settings().orElseThrow(NoSettings::new);
        return audit.allOrNothing(() -> {
            Report plan = plan(month);
            Map<Long, Facility> byId = facilities.all().stream()
                    .collect(Collectors.toMap(Facility::id, Function.identity()));
            List<Invoice> issued = new ArrayList<>();
            for (FeeCalculator.Fee fee : plan.toIssue()) {
                Facility facility = byId.get(fee.facilityId());
                issued.add(invoices.insert(new InvoiceStore.Draft(month, facility.id(), facility.nameKanji(),
                        Optional.ofNullable(facility.address()).orElse(""), issuedOn,
                        issuedOn.plusDays(settings.paymentDays()), issuer(settings), Optional.empty(), Optional.empty(),
                        plan.ruleVersion(), by, fee.lines())));
            }
            AuditEntry entry = AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on(RUN, month)
                    .reason(issued.size() + " issued, " + plan.kept().size() + " kept, " + plan.differences().size()
                            + " differences, " + plan.free().size() + " free");
            audit.record(system == null ? entry : entry.by(system));
            return new Report(month, plan.ruleVersion(), issued, plan.kept(), plan.differences(), plan.free(), List.of());
        });
    }

    static Invoice.Issuer issuer(InvoicingSettings settings) {
        return new Invoice.Issuer(settings.issuerName(), settings.issuerAddress(),
                settings.registrationNumber().value(), settings.bankDetails());
    }

    private Report plan(YearMonth month) {
        Optional<FeeStore.Version> version = fees.rulesFor(month);
        FeeRules rules = version.map(FeeStore.Version::rules).orElseGet(() -> FeeRules.none(month));
        Map<Long, Invoice> inForce = invoices.current(month).stream()
                .collect(Collectors.toMap(Invoice::facilityId, Function.identity()));
        Map<Long, FacilityProfile> byFacility = profiles.all().stream()
                .collect(Collectors.toMap(FacilityProfile::facilityId, Function.identity()));
        List<Invoice> kept = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        List<FreeFacility> free = new ArrayList<>();
        List<FeeCalculator.Fee> toIssue = new ArrayList<>();
        for (Facility facility : facilities.all().stream().filter(f -> f.kind().participating())
                .sorted(java.util.Comparator.comparingLong(Facility::id)).toList()) {
            FacilityProfile profile = byFacility.get(facility.id());
            Invoice current = inForce.remove(facility.id());
            if (profile == null || FeeCalculator.daysTakenPart(profile, month) == 0) {
                if (current != null) {
                    differences.add(new Difference(current, List.of()));
                }
                continue;
            }
            FeeCalculator.Fee fee = FeeCalculator.fee(rules, facility, profile, month);
            if (current == null) {
                if (fee.free().isPresent()) {
                    free.add(new FreeFacility(facility.id(), facility.nameKanji(), fee.free().get()));
                } else {
                    toIssue.add(fee);
                }
            } else if (current.lines().equals(fee.lines()) || decidedUnder(current, version)) {
                kept.add(current);
            } else {
                differences.add(new Difference(current, fee.lines()));
            }
        }
        inForce.values().forEach(current -> differences.add(new Difference(current, List.of())));
        return new Report(month, version.map(FeeStore.Version::id), List.of(), kept, differences, free, toIssue);
    }

    /** A correction the operator made under the rules now in force stands as they decided it. */
    private static boolean decidedUnder(Invoice current, Optional<FeeStore.Version> version) {
        return current.replaces().isPresent() && version.isPresent()
                && current.ruleVersion().filter(v -> v.equals(version.get().id())).isPresent();
    }
}
