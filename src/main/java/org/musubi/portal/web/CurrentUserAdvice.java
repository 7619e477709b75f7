package org.musubi.portal.web;

import org.musubi.consent.Consents;
import org.musubi.emergency.EmergencyReviews;
import org.musubi.policy.AccessPolicy;
import org.musubi.registry.Profession;
import org.musubi.security.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user (or null), for network admins the break-the-glass alert, and which of the profession-bound
 * buttons the user's profession can use (decided from the profession alone, no query) on every page's model.
 */
@ControllerAdvice
class CurrentUserAdvice {

    private final Consents consents;
    private final EmergencyReviews reviews;

    private final AccessPolicy policy;

    CurrentUserAdvice(Consents consents, EmergencyReviews reviews,
                      AccessPolicy policy) {
        this.consents = consents;
        this.reviews = reviews;
        this.policy = policy;
    }

    /**
     * Whether the user's profession may break the glass at all ({@code AccessPolicy.breaksGlass}): the screens show
     * the emergency-access button only then. The server refuses the others all the same.
     */
    @ModelAttribute("mayBreakGlass")
    boolean mayBreakGlass() {
        return policy.breaksGlass(profession(me()));
    }

    /** Whether the user's profession may read the facility's own records as its backup (the policy's rule 10). */
    @ModelAttribute("mayReadOwnRecords")
    boolean mayReadOwnRecords() {
        Profession profession = profession(me());
        return profession != null && AccessPolicy.OWN_RECORDS_PROFESSIONS.contains(profession);
    }

    private static Profession profession(SignedIn me) {
        if (me == null || me.profession() == null) {
            return null;
        }
        try {
            return Profession.valueOf(me.profession());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Of those, how many wait longer than {@code musubi.emergency.review-overdue} (issue 26). */
    @ModelAttribute("overdueEmergencies")
    Long overdueEmergencies() {
        SignedIn me = me();
        return me != null && me.networkAdmin() ? reviews.overdue() : null;
    }

    /** The break-the-glass alert: network administrators see on every page how many accesses await review. */
    @ModelAttribute("unreviewedEmergencies")
    Long unreviewedEmergencies() {
        SignedIn me = me();
        return me != null && me.networkAdmin() ? consents.countUnreviewedEmergencies() : null;
    }

    @ModelAttribute("me")
    SignedIn me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedIn signedIn ? signedIn : null;
    }
}
