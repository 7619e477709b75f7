package org.musubi.secretariat.fees;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Where invoices are kept: inserted, then only marked replaced or paid. */
public interface InvoiceStore {

    /** What a new invoice is, before it has a number. */
    record Draft(YearMonth month, long facilityId, String facilityName, String facilityAddress, LocalDate issuedOn,
                 LocalDate dueOn, Invoice.Issuer issuer, Optional<Long> replaces, Optional<String> reason,
                 Optional<Long> ruleId, long createdBy, List<InvoiceLine> lines) {
    }

    /** Which invoices a list shows. */
    enum Filter {
        ALL, UNPAID, PAID, REPLACED
    }

    /** Stores the draft with the next number of its month's year (callers hold the transaction); the invoice. */
    Invoice insert(Draft draft);

    Optional<Invoice> find(long id);

    /** The invoices in force (not replaced) of {@code month}, by facility. */
    List<Invoice> current(YearMonth month);

    /** Invoices of {@code month} (every month when empty) passing {@code filter}, by number. At most {@code limit}. */
    List<Invoice> list(Optional<YearMonth> month, Filter filter, int limit);

    /** ISSUED → REPLACED; false when it was not in force. */
    boolean markReplaced(long id);

    /** Sets the day it was paid (or clears it); false when there is no such invoice. */
    boolean markPaid(long id, Optional<LocalDate> paidOn);
}
