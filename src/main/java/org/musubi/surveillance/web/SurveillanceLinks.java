package org.musubi.surveillance.web;

import java.util.Optional;
import java.util.Set;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.security.SignedIn;
import org.musubi.surveillance.SurveillanceDemo;
import org.springframework.stereotype.Component;

/**
 * Who the surveillance's pages are for, in one place: the form for the staff of a reporting facility (not a resident,
 * not an API client), the dashboard for a public-health office's officers (its public-health nurses and doctors). The
 * pages refuse everyone else; the header's navigation ({@code ${@surveillanceLinks.of(me)}}, evaluated only where the
 * header is drawn) links each user to the page that is theirs, and nobody else to either.
 */
@Component("surveillanceLinks")
public class SurveillanceLinks {

    private static final Set<String> OFFICERS = Set.of(Profession.PUBLIC_HEALTH_NURSE.name(), Profession.DOCTOR.name());
    private static final Set<String> NOT_REPORTERS = Set.of(Profession.FACILITY_SYSTEM.name(), Profession.RESIDENT.name());

    private final Facilities facilities;

    SurveillanceLinks(Facilities facilities) {
        this.facilities = facilities;
    }

    /** The user's facility when it reports and the user may report for it. */
    Optional<Facility> reporting(SignedIn me) {
        return me == null || me.facilityId() == null || NOT_REPORTERS.contains(me.profession()) ? Optional.empty()
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
