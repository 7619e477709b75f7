package org.musubi.secretariat.fees;

import java.util.Objects;

/**
 * One line of an invoice: a code for accounting software ({@code BASE-CLINIC}, {@code BASE-HOSPITAL-200},
 * {@code DISCLOSING}, {@code MANUAL}), what it is for (Japanese, as printed), the amount in yen before tax, and the
 * consumption tax rate in percent (10; 0 for a line outside the tax).
 */
public record InvoiceLine(String code, String item, long amount, int taxRate) {

    public static final int STANDARD_RATE = 10;
    public static final long MAX_AMOUNT = 100_000_000L;

    public InvoiceLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(item, "item");
        if (code.isBlank() || code.length() > 40 || item.isBlank() || item.length() > 200) {
            throw new IllegalArgumentException("a line has a code (≤ 40) and an item (≤ 200)");
        }
        if (Math.abs(amount) > MAX_AMOUNT) {
            throw new IllegalArgumentException("an amount is at most " + MAX_AMOUNT + " yen");
        }
        if (taxRate != 0 && taxRate != 8 && taxRate != STANDARD_RATE) {
            throw new IllegalArgumentException("tax rates are 10, 8 or 0 percent");
        }
    }
}
