package org.musubi.registry;

/**
 * The participating-facility search (参加施設検索) every signed-in user may run: all given criteria
 * must hold; {@code null} or blank criteria are ignored.
 *
 * @param name part of the kanji or kana name (half-width kana and hiragana find katakana names)
 * @param kind the facility's kind
 * @param prefecture the prefecture number (1–47)
 * @param area part of the address, e.g. a municipality (広島市中区) or a town
 * @param role what the facility does in the network: it discloses its data, or it views others'
 */
public record FacilityQuery(String name, FacilityKind kind, Integer prefecture, String area, Role role) {

    /** Disclosing (開示) facilities share their data; viewing (参照) facilities look at others'. */
    public enum Role {
        DISCLOSING,
        VIEWING,
        /** Viewing only: a facility that looks at others' data but shares none of its own. */
        VIEWING_ONLY
    }
}
