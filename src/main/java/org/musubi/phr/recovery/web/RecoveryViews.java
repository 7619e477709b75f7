package org.musubi.phr.recovery.web;

import java.util.Optional;
import org.musubi.phr.recovery.AccountRecoveries;
import org.musubi.phr.recovery.DecideRecovery;
import org.musubi.phr.recovery.Desk;
import org.musubi.phr.recovery.MyRecovery;
import org.springframework.stereotype.Component;

/**
 * What pages outside this package show of re-registrations, read by the templates as {@code @phrRecovery}: the notices
 * on the resident's notebook home, and a person's pending one in the patient viewer's header (for a counter that may
 * decide it) and on the operator's person page. The staff pages call it only after their own audited opening of the
 * person, with that opening's decision.
 */
@Component("phrRecovery")
public class RecoveryViews {

    private final DecideRecovery decide;
    private final MyRecovery mine;

    RecoveryViews(DecideRecovery decide, MyRecovery mine) {
        this.decide = decide;
        this.mine = mine;
    }

    /** The notices about the signed-in resident's own account (never about a person they act for). */
    public MyRecovery.Notices forResident(long userId) {
        return mine.of(userId);
    }

    /**
     * The person's pending recovery, for counter staff who opened the person with this decision, by the viewer's key
     * for the patient: only a page opened by the person's id shows it (a facility's own-patient page never does).
     */
    public Optional<AccountRecoveries.Pending> atCounter(String decisionKey, String patientKey) {
        return patientKey != null && patientKey.matches("\\d{1,18}")
                ? decide.shownAt(Desk.COUNTER, decisionKey, Long.parseLong(patientKey)) : Optional.empty();
    }

    /** The person's pending recovery, for the network office that opened the person with this decision. */
    public Optional<AccountRecoveries.Pending> atOffice(String decisionKey, long personId) {
        return decide.shownAt(Desk.OFFICE, decisionKey, personId);
    }
}
