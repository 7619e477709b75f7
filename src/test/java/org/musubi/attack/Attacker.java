package org.musubi.attack;

import java.util.Set;
import org.musubi.registry.Profession;

/**
 * Who attacks from clinic B: the clinic's own system with its own API client and a set of scopes, or one of the
 * clinic's users, signed in with both factors, by profession, through the portal and (reads only) through /fhir
 * with the browser's session.
 *
 * @param scopes the API client's scopes; empty for a user in a browser (who reads as with {@code system/*.read})
 */
record Attacker(String name, Profession profession, Set<String> scopes) {

    static Attacker system(String name, String... scopes) {
        return new Attacker(name, Profession.FACILITY_SYSTEM, Set.of(scopes));
    }

    static Attacker user(Profession profession) {
        return new Attacker(profession.name(), profession, Set.of());
    }

    boolean api() {
        return profession == Profession.FACILITY_SYSTEM;
    }

    /** Whether the caller's scopes let it read this type; a container (Bundle) only under {@code system/*.read}. */
    boolean scopeReads(String type) {
        if (!api()) {
            return true;
        }
        boolean all = scopes.contains("system/*.read") || scopes.contains("system/*.*");
        return all || !type.equals("Bundle") && (scopes.contains("system/" + type + ".read")
                || scopes.contains("system/" + type + ".*"));
    }

    boolean scopeWrites(String type) {
        return api() && (scopes.contains("system/*.write") || scopes.contains("system/*.*")
                || scopes.contains("system/" + type + ".write"));
    }

    @Override
    public String toString() {
        return name;
    }
}
