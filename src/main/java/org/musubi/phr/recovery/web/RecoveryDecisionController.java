package org.musubi.phr.recovery.web;

import jakarta.servlet.http.HttpServletResponse;
import org.musubi.phr.recovery.DecideRecovery;
import org.musubi.phr.recovery.DecideRecovery.Outcome;
import org.musubi.phr.recovery.DecideRecovery.Verdict;
import org.musubi.phr.recovery.Desk;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff confirm or refuse a person's pending re-registration of the health notebook: at a linked facility's counter
 * from the patient viewer, with the check code printed on the person's card, or at the network office from the
 * person's page. Then back to that page, saying what was done or why nothing was. At the counter, whoever may not
 * decide it (or asks for one that is not pending) gets the viewer's one "cannot show" page, as for a person who does
 * not exist.
 */
@Controller
class RecoveryDecisionController {

    private static final String COUNTER = "/portal/patients/{personId}/phr-recovery/{recoveryId}";
    private static final String OFFICE = "/admin/persons/{personId}/phr-recovery/{recoveryId}";
    private final DecideRecovery decide;

    RecoveryDecisionController(DecideRecovery decide) {
        this.decide = decide;
    }

    @PostMapping(COUNTER + "/confirm")
    String confirmAtCounter(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                            @PathVariable long recoveryId, @RequestParam(required = false) String checkCode,
                            RedirectAttributes redirect, HttpServletResponse response) {
        return atCounter(me, personId, recoveryId, Verdict.CONFIRM, checkCode, redirect, response);
    }

    @PostMapping(COUNTER + "/refuse")
    String refuseAtCounter(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                           @PathVariable long recoveryId, @RequestParam(required = false) String checkCode,
                           RedirectAttributes redirect, HttpServletResponse response) {
        return atCounter(me, personId, recoveryId, Verdict.REFUSE, checkCode, redirect, response);
    }

    @PostMapping(OFFICE + "/confirm")
    String confirmAtOffice(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                           @PathVariable long recoveryId, RedirectAttributes redirect) {
        return atOffice(me, personId, recoveryId, Verdict.CONFIRM, redirect);
    }

    @PostMapping(OFFICE + "/refuse")
    String refuseAtOffice(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                          @PathVariable long recoveryId, RedirectAttributes redirect) {
        return atOffice(me, personId, recoveryId, Verdict.REFUSE, redirect);
    }

    private String atCounter(SignedIn me, long personId, long recoveryId, Verdict verdict, String checkCode,
                             RedirectAttributes redirect, HttpServletResponse response) {
        Outcome outcome = decide.decide(me.userId(), Desk.COUNTER, personId, recoveryId, verdict, checkCode);
        if (outcome == Outcome.NOT_FOUND) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "portal/denied";
        }
        said(redirect, verdict, outcome);
        return "redirect:/portal/patients/" + personId;
    }

    private String atOffice(SignedIn me, long personId, long recoveryId, Verdict verdict, RedirectAttributes redirect) {
        said(redirect, verdict, decide.decide(me.userId(), Desk.OFFICE, personId, recoveryId, verdict, null));
        return "redirect:/admin/persons/" + personId;
    }

    private static void said(RedirectAttributes redirect, Verdict verdict, Outcome outcome) {
        switch (outcome) {
            case DONE -> redirect.addFlashAttribute("recoveryDone",
                    verdict == Verdict.CONFIRM ? "phr.recovery.confirmed" : "phr.recovery.refused");
            case CARD_NOT_PROVED -> redirect.addFlashAttribute("recoveryError", DecideRecovery.CARD_NOT_PROVED);
            case LOGIN_ID_TAKEN -> redirect.addFlashAttribute("recoveryError", DecideRecovery.LOGIN_ID_TAKEN);
            case NOT_FOUND -> redirect.addFlashAttribute("recoveryError", DecideRecovery.NOT_PENDING);
        }
    }
}
