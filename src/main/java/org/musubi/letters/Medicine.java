package org.musubi.letters;

/**
 * A current medicine (現在の処方).
 *
 * @param drug      the drug (name and codes: YJ, HOT, 一般名コード)
 * @param dosage    the dosage as written ({@code 1回1錠 1日3回 毎食後 14日分}), or {@code null}
 * @param recordRef the stored MedicationRequest or MedicationDispense, or {@code null}
 */
public record Medicine(Coded drug, String dosage, String recordRef) {

    public Medicine {
        if (drug == null) {
            throw new IllegalArgumentException("medicine.drug is required");
        }
    }
}
