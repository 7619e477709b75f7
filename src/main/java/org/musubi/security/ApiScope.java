package org.musubi.security;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an API client may do, as a SMART on FHIR v1 system scope: {@code system/Patient.read},
 * {@code system/*.read}, {@code system/*.write} or {@code system/*.*}. Scopes only narrow: the access
 * policy still decides on every patient, whatever the scope.
 *
 * @param resourceType a FHIR resource type, or {@code *} for all
 */
public record ApiScope(String resourceType, Access access) {

    private static final Pattern FORM = Pattern.compile("system/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|\\*)");

    public enum Access { READ, WRITE, ALL }

    public ApiScope {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(access, "access");
    }

    /** Parses one scope; throws {@link IllegalArgumentException} naming the text when it is not one. */
    public static ApiScope parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a system scope: " + text);
        }
        Access access = switch (m.group(2)) {
            case "read" -> Access.READ;
            case "write" -> Access.WRITE;
            default -> Access.ALL;
        };
        return new ApiScope(m.group(1), access);
    }

    /** Parses a space-separated list, as OAuth2 sends it; blank gives an empty set. */
    public static Set<ApiScope> parseList(String text) {
        Set<ApiScope> scopes = new LinkedHashSet<>();
        if (text != null) {
            for (String part : text.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    scopes.add(parse(part));
                }
            }
        }
        return scopes;
    }

    /** Whether this scope allows reading ({@code write == false}) or writing a resource of the type. */
    public boolean permits(String type, boolean write) {
        boolean typeFits = resourceType.equals("*") || resourceType.equals(type);
        boolean accessFits = access == Access.ALL || (write ? access == Access.WRITE : access == Access.READ);
        return typeFits && accessFits;
    }

    /** Whether everything this scope allows, {@code wider} allows too. */
    public boolean within(ApiScope wider) {
        boolean typeFits = wider.resourceType.equals("*") || wider.resourceType.equals(resourceType);
        boolean accessFits = wider.access == Access.ALL || wider.access == access;
        return typeFits && accessFits;
    }

    @Override
    public String toString() {
        return "system/" + resourceType + "." + (access == Access.ALL ? "*" : access.name().toLowerCase(Locale.ROOT));
    }
}
