package org.musubi.secretariat.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Consumption tax is computed once per invoice and rate, rounded down (切り捨て), never per line. */
class TaxTotalsTest {

    private static InvoiceLine line(long amount, int rate) {
        return new InvoiceLine("X", "item", amount, rate);
    }

    @Test
    void taxIsRoundedDownOncePerRate() {
        // per line: 1,234 → 123.4 and 2,345 → 234.5, i.e. 123 + 234 = 357 rounded per line; once: 3,579 → 357.9 → 357
        TaxTotals totals = TaxTotals.of(List.of(line(1_234, 10), line(2_345, 10)));
        assertThat(totals.rates()).containsExactly(new TaxTotals.PerRate(10, 3_579, 357));
        assertThat(totals.total()).isEqualTo(3_936);
    }

    @Test
    void roundingOncePerInvoiceDiffersFromRoundingEachLine() {
        // three lines of 15 yen: per line 1 + 1 + 1 = 3; once per invoice 45 → 4.5 → 4
        TaxTotals totals = TaxTotals.of(List.of(line(15, 10), line(15, 10), line(15, 10)));
        assertThat(totals.tax()).isEqualTo(4);
    }

    @Test
    void ratesAreTotalledApartHighestFirst() {
        TaxTotals totals = TaxTotals.of(List.of(line(999, 8), line(10_001, 10), line(500, 0)));
        assertThat(totals.rates()).containsExactly(new TaxTotals.PerRate(10, 10_001, 1_000),
                new TaxTotals.PerRate(8, 999, 79), new TaxTotals.PerRate(0, 500, 0));
        assertThat(totals.taxable()).isEqualTo(11_500);
        assertThat(totals.tax()).isEqualTo(1_079);
        assertThat(totals.total()).isEqualTo(12_579);
    }

    @Test
    void aReductionLineLowersTheTaxable() {
        TaxTotals totals = TaxTotals.of(List.of(line(30_000, 10), line(-5_001, 10)));
        assertThat(totals.rates()).containsExactly(new TaxTotals.PerRate(10, 24_999, 2_499));
    }
}
