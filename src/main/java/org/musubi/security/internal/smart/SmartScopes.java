package org.musubi.security.internal.smart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.musubi.security.ApiScope;

/**
 * The SMART scopes a resident's app may be given: reading the resident's own record, as {@code patient/<Type>.read}
 * or {@code patient/*.read} (SMART v1) or {@code .rs} (v2), and {@code openid}, {@code fhirUser},
 * {@code launch/patient}, {@code offline_access}. Anything else (writes, {@code user/} or {@code system/} scopes, an
 * EHR launch) is never granted. What is granted is what the app asked for and its registration allows.
 */
final class SmartScopes {

    static final String OPENID = "openid";
    static final String FHIR_USER = "fhirUser";
    static final String LAUNCH_PATIENT = "launch/patient";
    static final String OFFLINE = "offline_access";
    static final List<String> CONTEXT = List.of(OPENID, FHIR_USER, LAUNCH_PATIENT, OFFLINE);
    private static final Pattern DATA = Pattern.compile("patient/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|rs)");

    private SmartScopes() {
    }

    /** The scopes of a space-separated list, each once, in order. */
    static List<String> parse(String text) {
        Set<String> scopes = new LinkedHashSet<>();
        if (text != null) {
            for (String part : text.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    scopes.add(part);
                }
            }
        }
        return List.copyOf(scopes);
    }

    /** Whether Musubi grants this scope at all. */
    static boolean known(String scope) {
        return CONTEXT.contains(scope) || DATA.matcher(scope).matches();
    }

    /** The resource type a data scope reads ({@code *} for all), or null for another scope. */
    static String type(String scope) {
        Matcher m = DATA.matcher(scope);
        return m.matches() ? m.group(1) : null;
    }

    /** What of {@code asked} the registration's {@code allowed} scopes cover, in the order asked. */
    static List<String> granted(List<String> asked, List<String> allowed) {
        return asked.stream().filter(SmartScopes::known).filter(s -> covers(allowed, s)).toList();
    }

    /** Whether the {@code allowed} scopes cover {@code scope}: the same, or a data scope of all types. */
    static boolean covers(List<String> allowed, String scope) {
        String type = type(scope);
        if (type == null) {
            return allowed.contains(scope);
        }
        return allowed.stream().map(SmartScopes::type).anyMatch(t -> t != null && (t.equals("*") || t.equals(type)));
    }

    /** Whether the scopes read anything of the record. */
    static boolean readsData(List<String> scopes) {
        return scopes.stream().anyMatch(s -> type(s) != null);
    }

    /** What the data scopes let the app's calls read, as the FHIR API's scope table sees them. */
    static Set<ApiScope> reads(List<String> scopes) {
        return scopes.stream().map(SmartScopes::type).filter(t -> t != null)
                .map(t -> new ApiScope(t, ApiScope.Access.READ)).collect(Collectors.toUnmodifiableSet());
    }

    /** The scopes of a registration that Musubi would never grant, to name them in the form's error. */
    static List<String> unknown(List<String> scopes) {
        List<String> unknown = new ArrayList<>();
        scopes.stream().filter(s -> !known(s)).forEach(unknown::add);
        return unknown;
    }

    static String joined(List<String> scopes) {
        return String.join(" ", scopes);
    }
}
