package org.musubi.medication.pricelist;

import org.musubi.medication.MedicationTexts;

/** A file that cannot be read as a drug price list at all; nothing was loaded. Texts in both languages. */
public final class UnreadablePriceList extends RuntimeException {

    private final String japanese;

    public UnreadablePriceList(String key, Throwable cause, Object... args) {
        super(MedicationTexts.english(key, args), cause);
        this.japanese = MedicationTexts.japanese(key, args);
    }

    public String japanese() {
        return japanese;
    }
}
