package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.musubi.medication.fhir.Medications;
import org.musubi.phr.otc.SelfMedications;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * わたしのお薬: the resident's prescriptions and dispensings from every facility, with duplicate alerts, and the OTC
 * drugs and supplements they entered themselves (entered, changed and ended in {@code phr.otc.web}); one audited read.
 */
@Controller
class MedicinesController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final SelfMedications medicines;
    private final NotebookOwner owner;

    MedicinesController(SelfMedications medicines, NotebookOwner owner) {
        this.medicines = medicines;
        this.owner = owner;
    }

    @GetMapping("/phr/medicines")
    String medicines(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String otc, Model model,
                     HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        var read = medicines.page(me.userId(), personId);
        if (read.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        LocalDate today = LocalDate.now(JAPAN);
        Medications medications = read.get().medications();
        model.addAttribute("resident", me);
        model.addAttribute("alerts", medications.alerts());
        model.addAttribute("otcCurrent", read.get().entries().stream().filter(e -> e.current(today)).toList());
        model.addAttribute("otcPast", read.get().entries().stream().filter(e -> !e.current(today)).toList());
        model.addAttribute("otcSaved", otc);
        model.addAttribute("current", medications.current());
        model.addAttribute("past", medications.past());
        return "phr/medicines";
    }
}
