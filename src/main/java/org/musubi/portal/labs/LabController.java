package org.musubi.portal.labs;

import jakarta.servlet.http.HttpServletResponse;
import org.musubi.audit.Purpose;
import org.musubi.portal.chart.ViewPurpose;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A patient's lab results: the table of tests × days and one test's trend. Each page view is one
 * read through the access policy (one audit row); a refusal is a 403 with the reason.
 */
@Controller
class LabController {

    private final LabRecords labs;

    LabController(LabRecords labs) {
        this.labs = labs;
    }

    @GetMapping("/portal/patients/{personId}/labs")
    String table(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                 @RequestParam(defaultValue = "TREATMENT") String purpose, @RequestParam(defaultValue = "0") int page,
                 Model model, HttpServletResponse response) {
        LabRecords.Opened opened = open(me, personId, purpose, model);
        if (!(opened instanceof LabRecords.Shown shown)) {
            return denied((LabRecords.Refused) opened, model, response);
        }
        model.addAttribute("table", LabTable.of(shown.results(), page));
        return "portal/labs";
    }

    @GetMapping("/portal/patients/{personId}/labs/trend")
    String trend(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @RequestParam String analyte,
                 @RequestParam(defaultValue = "TREATMENT") String purpose, Model model, HttpServletResponse response) {
        LabRecords.Opened opened = open(me, personId, purpose, model);
        if (!(opened instanceof LabRecords.Shown shown)) {
            return denied((LabRecords.Refused) opened, model, response);
        }
        model.addAttribute("trend", LabTrend.of(shown.results(), analyte));
        return "portal/lab-trend";
    }

    private LabRecords.Opened open(SignedIn me, String personId, String purpose, Model model) {
        Purpose why = ViewPurpose.of(purpose);
        model.addAttribute("personId", personId);
        LabRecords.Opened opened = labs.open(me, why, personId);
        if (opened instanceof LabRecords.Shown shown) {
            model.addAttribute("header", shown.header());
            model.addAttribute("person", shown.header().person());
            model.addAttribute("tab", "labs");
            model.addAttribute("purpose", ViewPurpose.parameter(why));
            model.addAttribute("facilities", shown.facilities());
            model.addAttribute("patientData", shown.patientData());
            model.addAttribute("truncated", shown.truncated());
        }
        return opened;
    }

    /** The one page for a patient the user may not see or who does not exist (the reason is the audit trail's). */
    private static String denied(LabRecords.Refused refused, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }
}
