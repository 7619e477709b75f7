package org.musubi.secretariat.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The accounting CSV: BOM, one row per line, the tax of a rate once per invoice, formulas defused. */
class InvoiceCsvTest {

    private static Invoice invoice(String facilityName, List<InvoiceLine> lines) {
        return new Invoice(1, "2026-0007", YearMonth.of(2026, 10), 42, facilityName, "呉市", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1), new Invoice.Issuer("協議会", "呉市", "T7000012050002", "銀行"),
                Invoice.Status.ISSUED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), lines);
    }

    @Test
    void oneRowPerLineWithTheRatesTaxOnItsFirstLine() {
        String csv = InvoiceCsv.write(List.of(invoice("呉中央病院", List.of(
                new InvoiceLine("BASE-HOSPITAL-200", "参加費（病院 200〜399床）2026年10月分", 50_000, 10),
                new InvoiceLine("DISCLOSING", "開示施設加算 2026年10月分", 2_005, 10)))));
        assertThat(csv).startsWith("\uFEFF" + InvoiceCsv.HEADER + "\r\n");
        List<String> rows = List.of(csv.substring(1).split("\r\n"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isEqualTo("2026-0007,2026-11-01,2026-10,42,呉中央病院,BASE-HOSPITAL-200,"
                + "参加費（病院 200〜399床）2026年10月分,50000,10,5200,ISSUED,,");
        assertThat(rows.get(2)).as("52,005 × 10 % = 5,200.5 → 5,200, all on the first line")
                .endsWith(",DISCLOSING,開示施設加算 2026年10月分,2005,10,0,ISSUED,,");
    }

    @Test
    void quotesCommasAndDefusesFormulas() {
        String csv = InvoiceCsv.write(List.of(invoice("=HYPERLINK(\"x\"),病院", List.of(
                new InvoiceLine("MANUAL", "-値引き", -1_000, 10)))));
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\"),病院\",").contains(",'-値引き,-1000,10,");
    }
}
