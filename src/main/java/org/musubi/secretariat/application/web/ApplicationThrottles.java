package org.musubi.secretariat.application.web;

import java.time.Clock;
import java.time.Duration;
import org.musubi.security.LoginThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public pages' limits per client address, in this node's memory (so they keep working on a read-only standby;
 * with several nodes each counts its own): submissions and resubmissions (valid or not) per hour, and failed status
 * look-ups (a wrong reference or secret) per quarter of an hour. An address over a limit is refused until its window
 * ends, whatever it asks, so a refusal tells nothing about any application. Not LoginThrottle beans: the login's own
 * throttle is the one bean of that type.
 */
@Component
class ApplicationThrottles {

    private final LoginThrottle submissions;
    private final LoginThrottle lookups;

    ApplicationThrottles(@Value("${musubi.applications.submissions-per-hour:10}") int submissionsPerHour,
                         @Value("${musubi.applications.failed-lookups:10}") int failedLookups) {
        this.submissions = new LoginThrottle(submissionsPerHour, Duration.ofHours(1), Clock.systemUTC());
        this.lookups = new LoginThrottle(failedLookups, Duration.ofMinutes(15), Clock.systemUTC());
    }

    /** Counts a submission; true when the address is over its limit (this one refused). */
    boolean submissionRefused(String address) {
        if (submissions.refused(address)) {
            return true;
        }
        submissions.recordFailure(address);
        return false;
    }

    boolean lookupsRefused(String address) {
        return lookups.refused(address);
    }

    void lookupFailed(String address) {
        lookups.recordFailure(address);
    }
}
