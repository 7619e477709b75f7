package org.musubi.medication.pricelist;

import java.util.Objects;
import org.musubi.medication.MedicationTexts;

/**
 * A row of a drug price list that was not loaded: where (file, sheet — blank for CSV — row number as
 * the spreadsheet shows it, column header), a stable message key and the texts in Japanese and English.
 */
public record PriceListProblem(String file, String sheet, int row, String field, String key, String japanese,
                               String english) {

    public PriceListProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
    }

    public static PriceListProblem of(String file, String sheet, int row, String field, String key, Object... args) {
        return new PriceListProblem(file, sheet == null ? "" : sheet, row, field, key, MedicationTexts.japanese(key, args),
                MedicationTexts.english(key, args));
    }

    /** {@code file [sheet] row N, field: English / 日本語}. */
    @Override
    public String toString() {
        return file + (sheet.isEmpty() ? "" : " [" + sheet + "]") + " row " + row + (field == null ? "" : ", " + field)
                + ": " + english + " / " + japanese;
    }
}
