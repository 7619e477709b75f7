package org.musubi.secretariat.fees;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.musubi.text.csv.CsvWriter;

/**
 * The invoices for accounting software: UTF-8 with a byte-order mark (spreadsheet software then reads it as UTF-8),
 * CRLF, the header {@value #HEADER}, one row per invoice line. The tax of a rate is computed once per invoice
 * ({@link TaxTotals}); it stands on the invoice's first line at that rate and 0 on its other lines at that rate, so the
 * column sums per invoice to the invoice's tax. Written by {@link CsvWriter}: a text beginning like a spreadsheet
 * formula is written with a leading apostrophe; a field holding a comma, a quote or a line break is quoted.
 */
public final class InvoiceCsv {

    public static final String HEADER = "請求書番号(number),請求日(date),対象月(month),施設ID(facility_id),施設名(facility),"
            + "コード(code),品目(item),金額・税抜(amount),税率(tax_rate),消費税額(tax),状態(status),訂正元(replaces),"
            + "入金日(paid_on)";

    private InvoiceCsv() {
    }

    public static String write(List<Invoice> invoices) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (Invoice invoice : invoices) {
            TaxTotals totals = invoice.totals();
            Set<Integer> taxWritten = new HashSet<>();
            for (InvoiceLine line : invoice.lines()) {
                long tax = taxWritten.add(line.taxRate()) ? totals.rates().stream()
                        .filter(r -> r.rate() == line.taxRate()).mapToLong(TaxTotals.PerRate::tax).sum() : 0;
                List<Object> fields = List.of(invoice.number(), invoice.issuedOn(), invoice.month(),
                        invoice.facilityId(), invoice.facilityName(), line.code(), line.item(), line.amount(),
                        line.taxRate(), tax, invoice.status(),
                        invoice.replaces().map(Invoice.Reference::number).orElse(""),
                        invoice.paidOn().map(Object::toString).orElse(""));
                for (int i = 0; i < fields.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(cell(fields.get(i)));
                }
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    static String cell(Object value) {
        return CsvWriter.field(value);
    }
}
