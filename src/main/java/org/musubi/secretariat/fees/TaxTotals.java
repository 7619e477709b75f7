package org.musubi.secretariat.fees;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a 適格請求書 shows per tax rate: the total of the lines at that rate (税抜) and the consumption tax on it, computed
 * once per invoice and rate (never per line) and rounded down to the yen (切り捨て), as the qualified invoice rules
 * allow (one rounding per rate per invoice). Rates in descending order.
 */
public record TaxTotals(List<PerRate> rates) {

    /** The lines at one rate: their total before tax and the tax on it. */
    public record PerRate(int rate, long taxable, long tax) {
    }

    public TaxTotals {
        rates = List.copyOf(rates);
    }

    public static TaxTotals of(List<InvoiceLine> lines) {
        Map<Integer, Long> byRate = lines.stream().collect(Collectors.groupingBy(InvoiceLine::taxRate,
                () -> new TreeMap<>(java.util.Comparator.reverseOrder()), Collectors.summingLong(InvoiceLine::amount)));
        return new TaxTotals(byRate.entrySet().stream()
                .map(e -> new PerRate(e.getKey(), e.getValue(), taxOn(e.getValue(), e.getKey()))).toList());
    }

    /** The tax on {@code taxable} yen at {@code rate} percent, rounded down (toward zero) to the yen. */
    static long taxOn(long taxable, int rate) {
        return taxable * rate / 100;
    }

    public long taxable() {
        return rates.stream().mapToLong(PerRate::taxable).sum();
    }

    public long tax() {
        return rates.stream().mapToLong(PerRate::tax).sum();
    }

    /** What the facility pays: the totals before tax and the tax. */
    public long total() {
        return taxable() + tax();
    }
}
