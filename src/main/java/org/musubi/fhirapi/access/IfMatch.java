package org.musubi.fhirapi.access;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * FHIR's version-aware update: the version a client names in {@code If-Match: W/"n"} (HAPI hands it over as the
 * version of the id it passes to an update) is the version the client means to replace.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version named, or null when the request named none (0 names "no resource yet"); a version that is not a
     * number is refused (400).
     */
    public static Integer version(IIdType id) {
        if (id == null || !id.hasVersionIdPart()) {
            return null;
        }
        return number(id.getVersionIdPart());
    }

    /** The version a transaction entry's {@code request.ifMatch} names ({@code W/"3"}, or {@code 3}), or null for none. */
    public static Integer version(String etag) {
        if (etag == null || etag.isBlank()) {
            return null;
        }
        String version = etag.strip();
        if (version.startsWith("W/")) {
            version = version.substring(2);
        }
        if (version.length() >= 2 && version.startsWith("\"") && version.endsWith("\"")) {
            version = version.substring(1, version.length() - 1);
        }
        return number(version);
    }

    private static Integer number(String version) {
        try {
            int n = Integer.parseInt(version);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequestException("If-Match の版が読めません: " + version + "（W/\"3\" のように版番号を指定してください）"
                + " / If-Match names no version: " + version + " (give the version number, e.g. W/\"3\")");
    }
}
