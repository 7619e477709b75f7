package org.musubi.registry.systems;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.musubi.registry.FieldFault;

/**
 * Whether a text is usable as an identifier system: an absolute {@code http:} or {@code https:} URL with a host, an
 * OID as {@code urn:oid:} (arcs of digits without leading zeros, the first 0–2), or another URN
 * ({@code urn:<namespace>:<name>}); no spaces and no {@code |}, which separates system and value in FHIR queries.
 */
final class SystemUris {

    /** The longest system accepted (URLs of real EHRs are far shorter). */
    public static final int MAX_LENGTH = 255;
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final Pattern URN = Pattern.compile("urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[^\\s|]+");

    private SystemUris() {
    }

    /** The fault of this system (field {@code system}), empty when it is usable. */
    public static Optional<FieldFault> fault(String system) {
        if (system == null || system.isBlank()) {
            return Optional.of(FieldFault.of("system", "facility.systems.blank"));
        }
        String text = system.strip();
        if (text.length() > MAX_LENGTH) {
            return Optional.of(FieldFault.of("system", "facility.systems.length", MAX_LENGTH));
        }
        if (OID.matcher(text).matches()) {
            return Optional.of(FieldFault.of("system", "facility.systems.bareOid", text));
        }
        if (text.startsWith("urn:oid:")) {
            return OID.matcher(text.substring(8)).matches() ? Optional.empty()
                    : Optional.of(FieldFault.of("system", "facility.systems.oid", text));
        }
        return uri(text) ? Optional.empty() : Optional.of(FieldFault.of("system", "facility.systems.uri", text));
    }

    private static boolean uri(String text) {
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '|')) {
            return false;
        }
        if (text.startsWith("urn:")) {
            return URN.matcher(text).matches();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
