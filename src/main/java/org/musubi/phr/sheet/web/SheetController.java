package org.musubi.phr.sheet.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.phr.sheet.SheetForm;
import org.musubi.phr.sheet.SheetPhotos;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.musubi.phr.sheet.SheetVersion;
import org.musubi.phr.web.NotebookOwner;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 命の宝箱: the resident's emergency sheet — shown, entered (prefilled with the medicines of the dispensing record),
 * confirmed after a facility's staff entered it on their behalf, its versions, and printed. The person is the
 * signed-in resident's own, or the one they act for as a live proxy; every page is one read or write through the
 * policy.
 */
@Controller
class SheetController {

    private final EmergencySheets sheets;
    private final NotebookOwner owner;
    private final SheetPrinting printing;
    private final SheetPhotos photos;

    SheetController(EmergencySheets sheets, NotebookOwner owner, SheetPrinting printing, SheetPhotos photos) {
        this.sheets = sheets;
        this.owner = owner;
        this.printing = printing;
        this.photos = photos;
    }

    @GetMapping("/phr/emergency-sheet")
    String page(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String saved, Model model,
                HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        Optional<EmergencySheets.Opened> opened = sheets.open(author(me, personId), personId);
        if (opened.isEmpty()) {
            return notFound(response);
        }
        model.addAttribute("resident", me);
        model.addAttribute("current", opened.get().current().orElse(null));
        model.addAttribute("saved", saved);
        return "phr/sheet";
    }

    @GetMapping("/phr/emergency-sheet/edit")
    String edit(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "false") boolean refill, Model model,
                HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        Optional<EmergencySheets.Opened> opened = sheets.openForEntry(author(me, personId), personId);
        if (opened.isEmpty()) {
            return notFound(response);
        }
        model.addAttribute("resident", me);
        return SheetPages.entry(model, opened.get(), refill, "/phr/emergency-sheet", "/phr/emergency-sheet/edit");
    }

    @PostMapping("/phr/emergency-sheet")
    String save(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        Optional<EmergencySheets.Saved> saved = sheets.save(author(me, personId), personId,
                SheetForm.baseVersion(form), current -> SheetForm.read(form, current));
        if (saved.isEmpty()) {
            return notFound(response);
        }
        if (!saved.get().valid()) {
            response.setStatus(saved.get().conflict() ? 409 : 422);
            model.addAttribute("resident", me);
            return SheetPages.refused(model, form, saved.get(), "/phr/emergency-sheet", "/phr/emergency-sheet/edit");
        }
        return "redirect:/phr/emergency-sheet?saved=" + (saved.get().stored() ? "changed" : "unchanged");
    }

    @PostMapping("/phr/emergency-sheet/confirm")
    String confirm(@AuthenticationPrincipal SignedIn me, HttpServletResponse response, HttpSession session) {
        long personId = owner.of(me, session);
        Optional<EmergencySheets.Saved> saved = sheets.confirm(author(me, personId), personId);
        if (saved.isEmpty()) {
            return notFound(response);
        }
        return "redirect:/phr/emergency-sheet?saved=" + (saved.get().stored() ? "confirmed" : "unchanged");
    }

    @GetMapping("/phr/emergency-sheet/history")
    String history(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response,
                   HttpSession session) {
        long personId = owner.of(me, session);
        Optional<List<SheetVersion>> versions = sheets.history(author(me, personId), personId);
        if (versions.isEmpty()) {
            return notFound(response);
        }
        model.addAttribute("resident", me);
        model.addAttribute("versions", versions.get());
        return "phr/sheet-history";
    }

    @GetMapping("/phr/emergency-sheet/print")
    ResponseEntity<?> print(@AuthenticationPrincipal SignedIn me, HttpServletResponse response,
                                                   HttpSession session) {
        long personId = owner.of(me, session);
        return printing.pdf(author(me, personId), personId, response);
    }

    @PostMapping("/phr/emergency-sheet/photos")
    String addPhoto(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) MultipartFile photo,
                    @RequestParam(required = false) String caption, RedirectAttributes redirect,
                    HttpServletResponse response, HttpSession session) throws IOException {
        long personId = owner.of(me, session);
        byte[] bytes = PhotoUploads.bytes(photo, photos.maxBytes());
        Optional<EmergencySheets.Saved> saved = photos.add(author(me, personId), personId,
                photo == null ? null : photo.getOriginalFilename(), bytes, caption);
        if (saved.isEmpty()) {
            return notFound(response);
        }
        if (!saved.get().valid()) {
            redirect.addFlashAttribute("photoFaults", saved.get().faults());
            return "redirect:/phr/emergency-sheet";
        }
        return "redirect:/phr/emergency-sheet?saved=" + (saved.get().stored() ? "changed" : "unchanged");
    }

    @GetMapping("/phr/emergency-sheet/photos/{sha256}")
    ResponseEntity<?> photo(@AuthenticationPrincipal SignedIn me, @PathVariable String sha256, HttpSession session) {
        long personId = owner.of(me, session);
        return PhotoUploads.serve(photos.open(author(me, personId), personId, sha256));
    }

    private EmergencySheets.Author author(SignedIn me, long personId) {
        return personId == owner.own(me) ? EmergencySheets.Author.resident(me.userId())
                : EmergencySheets.Author.proxy(me.userId(), me.displayName());
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error";
    }
}
