package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.musubi.medication.fhir.Medications;
import org.musubi.phr.MyMedicines;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** わたしのお薬: the resident's prescriptions and dispensings from every facility, with duplicate alerts. */
@Controller
class MedicinesController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final MyMedicines medicines;
    private final NotebookOwner owner;

    MedicinesController(MyMedicines medicines, NotebookOwner owner) {
        this.medicines = medicines;
        this.owner = owner;
    }

    @GetMapping("/phr/medicines")
    String medicines(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response,
                     HttpSession session) {
        long personId = owner.of(me, session);
        var read = medicines.read(me.userId(), personId);
        if (read.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        List<Medications.DrugHistory> drugs = read.get().byDrug(LocalDate.now(JAPAN));
        model.addAttribute("resident", me);
        model.addAttribute("alerts", read.get().alerts());
        model.addAttribute("current", drugs.stream().filter(Medications.DrugHistory::current).toList());
        model.addAttribute("past", drugs.stream().filter(d -> !d.current()).toList());
        return "phr/medicines";
    }
}
