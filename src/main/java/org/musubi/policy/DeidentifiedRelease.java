package org.musubi.policy;

import java.util.Set;
import org.musubi.registry.Profession;

/**
 * The research rule (issue 48): may the requester release a research project's cohort de-identified? Purpose {@code
 * RESEARCH} never reads a record ({@code researchNotThroughRecords}, {@link AccessPolicy}'s rule 3); this is its one
 * other route, and what it permits is read only into the de-identification pipeline (the record's {@code
 * ReleaseCohort}, into {@code deid}'s sink). It is a decision about no person, so it is not one of the access policy's
 * person rules: {@link PersonAccess#decideAs} asks it for the user as the policy sees them now.
 */
public final class DeidentifiedRelease {

    /**
     * The categories a research project's de-identified release may carry: clinical data only, never the JP-CLINS
     * flags, administrative or financial data, demographics (the release makes its own minimal Patient), documents,
     * imaging or free-text care records.
     */
    public static final Set<DataCategory> CATEGORIES = Set.of(DataCategory.ENCOUNTERS, DataCategory.DIAGNOSES,
            DataCategory.ALLERGIES, DataCategory.MEDICATIONS, DataCategory.LAB_RESULTS, DataCategory.VITALS,
            DataCategory.PROCEDURES, DataCategory.IMMUNIZATIONS);

    private DeidentifiedRelease() {
    }

    /**
     * Rule 1 (a disabled user, a suspended facility), then a project approved and within its period ({@code
     * projectOpen}) whose named users include the requester, or a network admin (the committee) ({@code
     * researchNotApproved}), then only {@link #CATEGORIES} ({@code researchCategory}), permit {@code
     * deidentifiedRelease}. Which persons are in the cohort (opted-out persons never) is the project's to say; the
     * release is decided once for the cohort and audited once.
     */
    public static Decision decide(Requester requester, boolean projectOpen, boolean named,
                                  Set<DataCategory> categories) {
        if (!requester.userActive()) {
            return new Deny(Deny.USER_DISABLED);
        }
        if (requester.facilitySuspended()) {
            return new Deny(Deny.FACILITY_SUSPENDED);
        }
        if (!projectOpen || !(named || requester.networkAdmin()) || requester.ownPersonId() != null
                || requester.profession() == Profession.RESIDENT || requester.profession() == Profession.FACILITY_SYSTEM) {
            return new Deny(Deny.RESEARCH_NOT_APPROVED);
        }
        if (categories.isEmpty() || !CATEGORIES.containsAll(categories)) {
            return new Deny(Deny.RESEARCH_CATEGORY);
        }
        return new Permit(Permit.DEIDENTIFIED_RELEASE);
    }
}
