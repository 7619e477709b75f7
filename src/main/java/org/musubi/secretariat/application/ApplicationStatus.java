package org.musubi.secretariat.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands. The secretariat moves it RECEIVED → UNDER_REVIEW → APPROVED or RETURNED (with a reason),
 * APPROVED → SET_UP → LIVE; the applicant moves a RETURNED one back to RECEIVED by correcting and resubmitting it.
 */
public enum ApplicationStatus {
    RECEIVED,
    UNDER_REVIEW,
    APPROVED,
    RETURNED,
    SET_UP,
    LIVE;

    /** The statuses this one may move to. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, RETURNED);
            case RETURNED -> EnumSet.of(RECEIVED);
            case APPROVED -> EnumSet.of(SET_UP);
            case SET_UP -> EnumSet.of(LIVE);
            case LIVE -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean mayMoveTo(ApplicationStatus target) {
        return next().contains(target);
    }

    /** Waiting for the secretariat's decision (the home page's line counts these). */
    public boolean waiting() {
        return this == RECEIVED || this == UNDER_REVIEW;
    }

    /** Only the applicant moves a returned application on (by resubmitting it); every other step is the secretariat's. */
    public boolean applicantsStep(ApplicationStatus target) {
        return this == RETURNED && target == RECEIVED;
    }
}
