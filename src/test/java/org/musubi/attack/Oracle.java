package org.musubi.attack;

import java.util.EnumSet;
import java.util.Set;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.DataCategory;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Profession;

/**
 * What the attack matrix expects, written from the promise rather than from the policy's code: clinic B sees
 * hospital A's data only under the person's consent and a live link of B's own (for treatment), or under the
 * user's own break-the-glass and the person's emergency consent (the emergency minimum, for the professions that
 * may break the glass); always only the categories the caller's profession may see, and for a system only the
 * types its scopes allow.
 */
final class Oracle {

    /** The default matrix, with the row the integration tests configure ({@code MUNICIPAL_STAFF=NONE}). */
    private static final ProfessionMatrix MATRIX = ProfessionMatrix.defaults().with(Profession.MUNICIPAL_STAFF, Set.of());

    private Oracle() {
    }

    /**
     * The categories of A's data the caller sees in this state: never A's administrative data (claims), nor what A
     * flagged JP-CLINS 未提供, which stay within the hospital that recorded them, whatever the consent, the link or the
     * glass. Data flagged 未告知 (not yet told to the patient) is seen by clinicians like the data it flags: the flag
     * hides it from the patient's side only.
     */
    static Set<DataCategory> categories(AttackState state, Attacker attacker) {
        Set<DataCategory> seen = kinds(state, attacker);
        if (!seen.isEmpty()) {
            seen.add(DataCategory.UNINFORMED);
        }
        return seen;
    }

    /** The kinds of A's data the caller sees in this state (no flags). */
    private static Set<DataCategory> kinds(AttackState state, Attacker attacker) {
        Set<DataCategory> matrix = EnumSet.noneOf(DataCategory.class);
        matrix.addAll(MATRIX.categoriesOf(attacker.profession()));
        matrix.removeAll(DataCategory.SOURCE_FACILITY_ONLY);
        matrix.removeAll(DataCategory.FLAGS);
        return switch (state) {
            case CONSENT_AND_LINK -> matrix;
            // the person consented, for another hospital's data only: the person opens, A's data stays hidden
            case OTHER_HOSPITALS_DISCLOSURE_CARD -> EnumSet.noneOf(DataCategory.class);
            case EMERGENCY_GLASS -> {
                if (!AccessPolicy.DEFAULT_EMERGENCY_PROFESSIONS.contains(attacker.profession())) {
                    yield EnumSet.noneOf(DataCategory.class);
                }
                Set<DataCategory> minimum = EnumSet.noneOf(DataCategory.class);
                minimum.addAll(matrix);
                minimum.retainAll(DataCategory.EMERGENCY_MINIMUM);
                yield minimum;
            }
            default -> EnumSet.noneOf(DataCategory.class);
        };
    }

    /**
     * Whether the person opens for the caller at all (a header, a Patient, an $everything): under a consent (of any
     * scope) and a live link, or the caller's own break-the-glass, for a profession that sees something.
     */
    static boolean opens(AttackState state, Attacker attacker) {
        return state == AttackState.OTHER_HOSPITALS_DISCLOSURE_CARD
                ? !MATRIX.categoriesOf(attacker.profession()).isEmpty() : !categories(state, attacker).isEmpty();
    }

    /**
     * Whether the caller may see what the marker stands for. The person's own name shows wherever the person opens
     * (the network's record of who the person is, which the caller confirmed when linking); everything else only
     * where the caller sees A's data of its categories.
     */
    static boolean sees(Victim.Marker marker, AttackState state, Attacker attacker) {
        if (marker == Victim.Marker.DEMOGRAPHICS && opens(state, attacker)) {
            return MATRIX.allows(attacker.profession(), DataCategory.DEMOGRAPHICS) && attacker.scopeReads(marker.type);
        }
        return categories(state, attacker).containsAll(marker.categories) && attacker.scopeReads(marker.type);
    }

    /**
     * Whether the caller may act for the person as a holder of their record (issue a notebook registration code): the
     * person opens for treatment through a live link of the caller's facility, made with the card — never a consent
     * alone, an ended link, break-the-glass or a look-alike matched by 名寄せ.
     */
    static boolean holds(AttackState state, Attacker attacker) {
        return (state == AttackState.CONSENT_AND_LINK || state == AttackState.OTHER_HOSPITALS_DISCLOSURE_CARD)
                && opens(state, attacker);
    }

    /**
     * Whether the caller may enter the person's emergency sheet on their behalf: a consented live link covering the
     * health notebook's data, and a profession that sees the sheet.
     */
    static boolean entersOnBehalf(AttackState state, Attacker attacker) {
        return state == AttackState.CONSENT_AND_LINK && MATRIX.allows(attacker.profession(), DataCategory.EMERGENCY_SHEET);
    }

    /** Whether the state is the emergency one, whose requests declare purpose EMERGENCY. */
    static boolean emergency(AttackState state) {
        return state == AttackState.EMERGENCY_GLASS;
    }
}
