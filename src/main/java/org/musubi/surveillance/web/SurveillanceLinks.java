package org.musubi.surveillance.web;

import java.util.Optional;
import java.util.Set;
import org.musubi.policy.AccessPolicy;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.security.SignedIn;
import org.musubi.surveillance.SurveillanceDemo;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who the surveillance's pages are for, in one place: the form for the clinical staff of a reporting facility (the
 * professions of {@link AccessPolicy#OWN_RECORDS_PROFESSIONS}: not its clerks, not a resident, not an API client), the dashboard for a public-health office's officers (its public-health nurses and doctors). The
 * pages refuse everyone else; the header's navigation ({@code ${@surveillanceLinks.of(me)}}, evaluated only where the
 * header is drawn, through {@code portal.menu.Doors}, for which this class is a named interface) links each user to the page that is theirs, and nobody else to either.
 */
@Component("surveillanceLinks")
@NamedInterface("surveillance-links")
public class SurveillanceLinks {

    private static final Set<String> OFFICERS = Set.of(Profession.PUBLIC_HEALTH_NURSE.name(), Profession.DOCTOR.name());
    /** The professions that report a facility's daily counts: its clinical staff (not its clerks, care or crews). */
    private static final Set<String> REPORTERS = AccessPolicy.OWN_RECORDS_PROFESSIONS.stream().map(Profession::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Facilities facilities;

    SurveillanceLinks(Facilities facilities) {
        this.facilities = facilities;
    }

    /** The user's facility when it reports and the user may report for it. */
    Optional<Facility> reporting(SignedIn me) {
        return me == null || me.facilityId() == null || !REPORTERS.contains(me.profession()) ? Optional.empty()
                : facilities.find(me.facilityId()).filter(f -> SurveillanceDemo.reports(f.kind()));
    }

    /** Whether the user is an officer of a public-health office. */
    boolean officer(SignedIn me) {
        return me != null && me.facilityId() != null && OFFICERS.contains(me.profession())
                && facilities.find(me.facilityId()).map(f -> f.kind() == FacilityKind.PUBLIC_HEALTH_CENTER).orElse(false);
    }

    /** The surveillance page that is the user's: the dashboard, the form, or none (null). */
    public String of(SignedIn me) {
        if (officer(me)) {
            return SurveillanceController.DASHBOARD;
        }
        return reporting(me).isPresent() ? SurveillanceController.FORM : null;
    }
}
