package org.musubi.publicsite;

import java.util.Optional;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityQuery;

/**
 * A resident's facility search: part of the name (kanji or kana, hiragana and half-width kana alike), the kind, the
 * municipality (a ward-city such as 広島市 covers its wards) and the role; empty criteria are ignored.
 */
public record PublicQuery(Optional<String> name, Optional<FacilityKind> kind, Optional<String> municipality,
                          Optional<Role> role) {

    /** Disclosing (開示) facilities share their records; viewing (参照) ones look at others'. */
    public enum Role {
        DISCLOSING(FacilityQuery.Role.DISCLOSING),
        VIEWING(FacilityQuery.Role.VIEWING);

        private final FacilityQuery.Role registry;

        Role(FacilityQuery.Role registry) {
            this.registry = registry;
        }

        FacilityQuery.Role registry() {
            return registry;
        }
    }

    public PublicQuery {
        name = clean(name, 100);
        kind = kind == null ? Optional.empty() : kind.filter(FacilityKind::participating);
        municipality = clean(municipality, 100);
        role = role == null ? Optional.empty() : role;
    }

    /** No criteria at all. */
    public static PublicQuery everyone() {
        return new PublicQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Optional<String> clean(Optional<String> text, int max) {
        return text == null ? Optional.empty() : text.map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.length() > max ? t.substring(0, max) : t);
    }
}
