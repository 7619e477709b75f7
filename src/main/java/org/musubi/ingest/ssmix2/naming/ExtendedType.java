package org.musubi.ingest.ssmix2.naming;

import java.util.Optional;

/**
 * An extended-storage (拡張ストレージ) data-type folder name:
 * {@code [local code]^local name^[local system]^standard code^standard name^standard system}, e.g.
 * {@code ^退院時サマリー^^18842-5^退院時サマリー^LN}; a local-only type has the first three parts
 * ({@code L-OBSERVATIONS^OBSERVATIONS^99ZL01}).
 */
public record ExtendedType(String localCode, String localName, String localSystem, String standardCode, String standardName,
                    String standardSystem) {

    public static Optional<ExtendedType> parse(String folder) {
        if (folder.indexOf('/') >= 0 || folder.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        String[] parts = folder.split("\\^", -1);
        if (parts.length != 3 && parts.length != 6) {
            return Optional.empty();
        }
        String[] six = new String[6];
        for (int i = 0; i < 6; i++) {
            six[i] = i < parts.length ? parts[i] : "";
        }
        ExtendedType type = new ExtendedType(six[0], six[1], six[2], six[3], six[4], six[5]);
        return type.localCode.isEmpty() && type.localName.isEmpty() && type.standardCode.isEmpty()
                ? Optional.empty() : Optional.of(type);
    }

    public boolean standard() {
        return !standardCode.isEmpty();
    }

    /** Whether a content folder's type field names this type: the whole folder name, or its local or standard code. */
    boolean namedBy(String field, String folder) {
        return field.equals(folder) || (!localCode.isEmpty() && field.equals(localCode))
                || (!standardCode.isEmpty() && field.equals(standardCode));
    }

    /** The name to show: the standard name, else the local one. */
    public String display() {
        return !standardName.isEmpty() ? standardName : !localName.isEmpty() ? localName : localCode;
    }
}
