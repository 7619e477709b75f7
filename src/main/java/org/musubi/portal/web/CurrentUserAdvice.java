package org.musubi.portal.web;

import org.musubi.security.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user (or null), and for network admins the break-the-glass alert, on every page's model. */
@ControllerAdvice
class CurrentUserAdvice {

    private final org.musubi.consent.Consents consents;
    private final org.musubi.emergency.EmergencyReviews reviews;

    CurrentUserAdvice(org.musubi.consent.Consents consents, org.musubi.emergency.EmergencyReviews reviews) {
        this.consents = consents;
        this.reviews = reviews;
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
