package org.musubi.portal.chart;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.musubi.audit.Purpose;
import org.musubi.identity.Person;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.phr.sheet.SheetForm;
import org.musubi.phr.sheet.web.PhotoUploads;
import org.musubi.phr.sheet.web.SheetPages;
import org.musubi.phr.sheet.SheetPhotos;
import org.springframework.http.ResponseEntity;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 命の宝箱簡易送信: a pharmacist, care worker, nurse … of a facility linked to the patient (whoever sees the emergency
 * sheet through a consented link) enters or updates the patient's emergency sheet on their behalf; it is shown as
 * entered by them until the patient confirms or corrects it in their notebook. Anyone else is answered as for a
 * patient who does not exist.
 */
@Controller
class SheetEntryController {

    private final EmergencySheets sheets;
    private final Facilities facilities;
    private final SheetPhotos photos;

    SheetEntryController(EmergencySheets sheets, Facilities facilities, SheetPhotos photos) {
        this.sheets = sheets;
        this.facilities = facilities;
        this.photos = photos;
    }

    /** A photo of the patient's paper sheet, for the viewer's tab: one audited read, as the tab's purpose. */
    @GetMapping("/portal/patients/{personId}/emergency-sheet/photos/{sha256}")
    ResponseEntity<?> photo(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                            @PathVariable String sha256, @RequestParam(defaultValue = "TREATMENT") String purpose) {
        return PhotoUploads.serve(photos.open(author(me, PatientViewController.purpose(purpose)), personId, sha256));
    }

    @GetMapping("/portal/patients/{personId}/emergency-sheet/edit")
    String edit(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                @RequestParam(defaultValue = "false") boolean refill, Model model, HttpServletResponse response) {
        Optional<EmergencySheets.Opened> opened = sheets.openForEntry(author(me), personId);
        if (opened.isEmpty()) {
            return PatientViewController.denied(model, response);
        }
        page(model, personId, opened.get().person());
        return SheetPages.entry(model, opened.get(), refill, action(personId), action(personId) + "/edit");
    }

    @PostMapping("/portal/patients/{personId}/emergency-sheet")
    String save(@AuthenticationPrincipal SignedIn me, @PathVariable long personId,
                @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Optional<EmergencySheets.Saved> saved = sheets.save(author(me), personId, SheetForm.baseVersion(form),
                current -> SheetForm.read(form, current));
        if (saved.isEmpty()) {
            return PatientViewController.denied(model, response);
        }
        if (!saved.get().valid()) {
            response.setStatus(saved.get().conflict() ? 409 : 422);
            page(model, personId, saved.get().person());
            return SheetPages.refused(model, form, saved.get(), action(personId), action(personId) + "/edit");
        }
        return "redirect:/portal/patients/" + personId + "/notebook?sheetSaved="
                + (saved.get().stored() ? "changed" : "unchanged");
    }

    private static void page(Model model, long personId, Person person) {
        model.addAttribute("staffForm", true);
        model.addAttribute("personId", personId);
        model.addAttribute("personName", person == null ? "" : person.familyKanji() + " " + person.givenKanji());
    }

    private static String action(long personId) {
        return "/portal/patients/" + personId + "/emergency-sheet";
    }

    private EmergencySheets.Author author(SignedIn me) {
        return author(me, Purpose.TREATMENT);
    }

    private EmergencySheets.Author author(SignedIn me, Purpose purpose) {
        String facility = me.facilityId() == null ? null
                : facilities.find(me.facilityId()).map(Facility::nameKanji).orElse(null);
        return EmergencySheets.Author.staff(me.userId(), me.facilityId(), purpose, me.displayName(), me.profession(),
                facility);
    }
}
