package org.musubi.phr.web;

import java.time.LocalDate;
import org.musubi.phr.points.HealthPoints;
import org.musubi.phr.points.PointsLedger;
import org.musubi.security.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's health points screen ({@code /admin/phr-points}, network administrators): the rules, events and their
 * codes (shown once), and recording a redemption for a person.
 */
@Controller
class PointsAdminController {

    private final HealthPoints points;
    private final PointsLedger ledger;

    PointsAdminController(HealthPoints points, PointsLedger ledger) {
        this.points = points;
        this.ledger = ledger;
    }

    @GetMapping("/admin/phr-points")
    String screen(Model model) {
        var rules = ledger.rules();
        PointsLedger.Rule checkup = rules.get(PointsLedger.Kind.CHECKUP);
        PointsLedger.Rule vitals = rules.get(PointsLedger.Kind.VITALS_DAYS);
        model.addAttribute("checkupPoints", checkup == null ? 0 : checkup.points());
        model.addAttribute("vitalsPoints", vitals == null ? 0 : vitals.points());
        model.addAttribute("vitalsDays", vitals == null || vitals.daysRequired() == null ? 20 : vitals.daysRequired());
        model.addAttribute("events", ledger.events(50));
        return "admin/phr-points";
    }

    @PostMapping("/admin/phr-points/rules")
    String rules(@AuthenticationPrincipal SignedIn me, @RequestParam int checkupPoints, @RequestParam int vitalsPoints,
                 @RequestParam int vitalsDays, RedirectAttributes redirect) {
        if (checkupPoints < 0 || vitalsPoints < 0 || checkupPoints > 100_000 || vitalsPoints > 100_000
                || vitalsDays < 1 || vitalsDays > 31) {
            redirect.addFlashAttribute("done", "invalid");
            return "redirect:/admin/phr-points";
        }
        ledger.setRule(new PointsLedger.Rule(PointsLedger.Kind.CHECKUP, checkupPoints, null), me.userId());
        ledger.setRule(new PointsLedger.Rule(PointsLedger.Kind.VITALS_DAYS, vitalsPoints, vitalsDays), me.userId());
        redirect.addFlashAttribute("done", "rules");
        return "redirect:/admin/phr-points";
    }

    @PostMapping("/admin/phr-points/events")
    String event(@AuthenticationPrincipal SignedIn me, @RequestParam String name,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, @RequestParam int points,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                 RedirectAttributes redirect) {
        if (name.isBlank() || name.length() > 200 || points < 1 || points > 100_000 || validTo.isBefore(heldOn)) {
            redirect.addFlashAttribute("done", "invalid");
            return "redirect:/admin/phr-points";
        }
        redirect.addFlashAttribute("eventCode", this.points.createEvent(me.userId(), name, heldOn, points, validTo));
        return "redirect:/admin/phr-points";
    }

    @PostMapping("/admin/phr-points/redeem")
    String redeem(@AuthenticationPrincipal SignedIn me, @RequestParam long personId, @RequestParam int points,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        String text = note == null ? null : note.strip().substring(0, Math.min(500, note.strip().length()));
        redirect.addFlashAttribute("done", this.points.redeem(me.userId(), personId, points, text) ? "redeemed" : "notRedeemed");
        return "redirect:/admin/phr-points";
    }
}
