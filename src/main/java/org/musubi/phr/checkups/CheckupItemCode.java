package org.musubi.phr.checkups;

import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * A paper checkup item's code ({@link PaperItem#code()}): its 特定健診項目コード (the code a checkup centre's file uses
 * for it, with the common method) and the item's name as the standard form writes it (stored as the code's display and
 * text), with what the code tells: the LOINC code the 特定健診 import adds, the group and the analyte.
 */
public record CheckupItemCode(String itemCode, String standardName) {

    /** The LOINC code the 特定健診 table ({@link Loinc#ofCheckupItem}) gives the item; null when none. */
    public String loinc() {
        return Loinc.ofCheckupItem(itemCode).orElse(null);
    }

    String loincDisplay() {
        return Loinc.display(loinc());
    }

    public CheckupGroup group() {
        return CheckupGroup.of(FhirSystems.CHECKUP_ITEM, itemCode);
    }

    /** The analyte (the item code's first five characters): results of one analyte form one trend. */
    public String analyte() {
        return itemCode.substring(0, 5);
    }
}
