package org.musubi.phr.otc.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.phr.otc.EnteredBy;
import org.musubi.phr.otc.MedicationNotebookFile;
import org.musubi.phr.otc.OtcEntry;
import org.musubi.phr.otc.OtcKind;
import org.musubi.phr.otc.SelfMedications;
import org.musubi.phr.web.NotebookOwner;
import org.musubi.registry.FieldFault;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resident's self-entered OTC drugs and supplements (added, changed, ended; listed on わたしのお薬) and the JAHIS
 * お薬手帳 file of their own history. The person is the signed-in resident's own, or the one they act for as a live
 * proxy; every page is one read or write through the policy, and an entry that is not this person's answers 404.
 */
@Controller
class OtcController {

    private static final MediaType SHIFT_JIS_TEXT = MediaType.parseMediaType("text/plain;charset=Shift_JIS");
    private final SelfMedications medications;
    private final MedicationNotebookFile notebookFile;
    private final NotebookOwner owner;

    OtcController(SelfMedications medications, MedicationNotebookFile notebookFile, NotebookOwner owner) {
        this.medications = medications;
        this.notebookFile = notebookFile;
        this.owner = owner;
    }

    @GetMapping("/phr/medicines/otc/new")
    String newForm(@AuthenticationPrincipal SignedIn me, Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("kind", OtcKind.OTC_DRUG.code());
        form.put("since", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString());
        return form(model, me, form, List.of(), null);
    }

    @PostMapping("/phr/medicines/otc")
    String add(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form, Model model,
               HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        return saved(medications.add(me.userId(), by(me, personId), personId, form), "added", me, form, null, model,
                response);
    }

    @GetMapping("/phr/medicines/otc/{id}/edit")
    String editForm(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model,
                    HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        Optional<OtcEntry> entry = medications.open(me.userId(), personId, id);
        if (entry.isEmpty()) {
            return notFound(response);
        }
        return form(model, me, values(entry.get()), List.of(), id);
    }

    @PostMapping("/phr/medicines/otc/{id}")
    String change(@AuthenticationPrincipal SignedIn me, @PathVariable String id, @RequestParam Map<String, String> form,
                  Model model, HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        return saved(medications.change(me.userId(), by(me, personId), personId, id, form), "changed", me, form, id,
                model, response);
    }

    /**
     * Ends an entry today once confirmed ({@code confirmed=yes}); one click without it opens the entry through the
     * policy (one audited read; not this person's: 404 as ever) and comes back to わたしのお薬 with the question open.
     */
    @PostMapping("/phr/medicines/otc/{id}/end")
    String end(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
               @RequestParam(required = false) String confirmed, HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67)
            if (medications.open(me.userId(), personId, id).isEmpty()) {
                return notFound(response);
            }
            return "redirect:/phr/medicines?confirm=" + id;
        }
        Optional<SelfMedications.Saved> saved = medications.end(me.userId(), by(me, personId), personId, id);
        if (saved.isEmpty()) {
            return notFound(response);
        }
        return "redirect:/phr/medicines?otc=" + (saved.get().stored() ? "ended" : "unchanged");
    }

    @GetMapping("/phr/medicines/okusuri-techo.txt")
    ResponseEntity<byte[]> notebookFile(@AuthenticationPrincipal SignedIn me, HttpSession session) {
        long personId = owner.of(me, session);
        Optional<byte[]> file = notebookFile.write(me.userId(), personId);
        if (file.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(SHIFT_JIS_TEXT)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"okusuri-techo.txt\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(file.get());
    }

    private String saved(Optional<SelfMedications.Saved> saved, String what, SignedIn me, Map<String, String> form,
                         String id, Model model, HttpServletResponse response) {
        if (saved.isEmpty()) {
            return notFound(response);
        }
        if (!saved.get().valid()) {
            response.setStatus(422);
            return form(model, me, form, saved.get().faults(), id);
        }
        return "redirect:/phr/medicines?otc=" + (saved.get().stored() ? what : "unchanged");
    }

    private static String form(Model model, SignedIn me, Map<String, String> form, List<FieldFault> faults, String id) {
        model.addAttribute("resident", me);
        model.addAttribute("form", form);
        model.addAttribute("faults", faults);
        model.addAttribute("entryId", id);
        model.addAttribute("kinds", OtcKind.values());
        return "phr/otc-form";
    }

    private static Map<String, String> values(OtcEntry entry) {
        Map<String, String> form = new HashMap<>();
        form.put("kind", entry.kind().code());
        form.put("name", entry.name());
        form.put("dose", entry.dose());
        form.put("since", entry.since() == null ? null : entry.since().toString());
        form.put("until", entry.until() == null ? null : entry.until().toString());
        form.put("note", entry.note());
        return form;
    }

    private EnteredBy by(SignedIn me, long personId) {
        return personId == owner.own(me) ? EnteredBy.resident() : EnteredBy.proxy(me.displayName());
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error";
    }
}
