package org.musubi.phr.otc;

import java.util.Arrays;
import java.util.Optional;

/** What a self-entered medicine is: an OTC drug (一般用医薬品, 市販薬) or a supplement (サプリメント・健康食品). */
public enum OtcKind {
    OTC_DRUG("otc-drug"),
    SUPPLEMENT("supplement");

    private final String code;

    OtcKind(String code) {
        this.code = code;
    }

    /** The code in {@link org.musubi.record.fhir.FhirSystems#PHR_OTC_KIND} and the form. */
    public String code() {
        return code;
    }

    /** The label's key: {@code phr.otc.kind.otc-drug} … */
    public String labelKey() {
        return "phr.otc.kind." + code;
    }

    public static Optional<OtcKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
