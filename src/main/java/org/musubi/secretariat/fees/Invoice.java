package org.musubi.secretariat.fees;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * An issued invoice as it was sent: its number ({@code 2026-0001}, sequential per year of the invoiced month), the month
 * it invoices, the addressee and the issuer as they were on the issue date, its lines, and what happened to it since:
 * {@code status} REPLACED once a correction replaced it ({@code replacedBy} names that one), {@code paidOn} once marked
 * paid. A correction names the invoice it {@code replaces} and the {@code reason}. {@code ruleVersion}: the fee rules'
 * version in force when it was issued.
 */
public record Invoice(long id, String number, YearMonth month, long facilityId, String facilityName,
                      String facilityAddress, LocalDate issuedOn, LocalDate dueOn, Issuer issuer, Status status,
                      Optional<Reference> replaces, Optional<String> reason, Optional<Reference> replacedBy,
                      Optional<LocalDate> paidOn, Optional<Long> ruleVersion, List<InvoiceLine> lines) {

    /** ISSUED: in force; REPLACED: a correction replaced it (kept, downloadable, never edited). */
    public enum Status {
        ISSUED,
        REPLACED
    }

    /** The issuer printed on the invoice: name, address, 登録番号, bank details. */
    public record Issuer(String name, String address, String registrationNumber, String bankDetails) {
    }

    /** Another invoice named by this one. */
    public record Reference(long id, String number) {
    }

    public Invoice {
        lines = List.copyOf(lines);
    }

    public TaxTotals totals() {
        return TaxTotals.of(lines);
    }

    public boolean paid() {
        return paidOn.isPresent();
    }
}
