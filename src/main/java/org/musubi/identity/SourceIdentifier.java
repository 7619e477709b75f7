package org.musubi.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An identifier that names a facility's source patient: in the facility's own (built-in) patient-ID system
 * ({@link #LOCAL}, whatever that system's URI), whose value is a local ID, or in another system declared as the
 * facility's patient IDs. A source patient registered first by a declared identifier has {@code system|value} as its
 * local ID ({@link #localId()}), which no built-in patient ID can be: patient IDs never contain {@code |}.
 */
public record SourceIdentifier(String system, String value) {

    /** The system of the facility's own patient IDs. */
    public static final String LOCAL = "";
    private static final Pattern DECLARED_KEY = Pattern.compile("([a-z][a-z0-9+.-]*:[^|]+)\\|(.+)");

    public SourceIdentifier {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(value, "value");
    }

    public static SourceIdentifier local(String value) {
        return new SourceIdentifier(LOCAL, value);
    }

    public boolean isLocal() {
        return LOCAL.equals(system);
    }

    /** The local ID of a source patient first registered by this identifier. */
    public String localId() {
        return isLocal() ? value : system + "|" + value;
    }

    /** The identifier a source patient with this local ID was first registered by. */
    public static SourceIdentifier ofLocalId(String localId) {
        var key = DECLARED_KEY.matcher(localId);
        return key.matches() ? new SourceIdentifier(key.group(1), key.group(2)) : local(localId);
    }
}
