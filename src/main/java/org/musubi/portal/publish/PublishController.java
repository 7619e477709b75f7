package org.musubi.portal.publish;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Purpose;
import org.musubi.publish.DocumentKind;
import org.musubi.publish.Publishing;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 手動公開 (publishing by hand) from a patient's page: the forms (a document — PDF, JPEG or PNG — with its title, kind
 * and date; a short note of diagnoses, allergies and current medicines) and the facility's publications for the
 * person, each with its version, correctable and withdrawable (a withdrawn one stays listed as withdrawn). For a
 * facility with standing whose user's profession sees what is published; anyone else, a malformed or unknown patient
 * key: the 404 of a patient who does not exist, audited once by {@link Publishing}. A form whose content cannot be
 * published is shown again with the reason (nothing stored, nothing audited). On a read-only standby the web module's
 * filter answers every POST 503 with the standby's message.
 */
@Controller
class PublishController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final Publishing publishing;

    PublishController(Publishing publishing) {
        this.publishing = publishing;
    }

    @GetMapping("/portal/patients/{personId}/publish")
    String page(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, Model model,
                HttpServletResponse response) {
        return page(me, person(personId), model, response, null);
    }

    @PostMapping("/portal/patients/{personId}/publish/document")
    String document(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                    @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String title,
                    @RequestParam(required = false) String kind, @RequestParam(required = false) String date,
                    Model model, HttpServletResponse response) throws IOException {
        long person = person(personId);
        byte[] bytes = new byte[0];
        if (file != null && !file.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, publishing.maxBytes() + 1));
            }
        }
        try {
            Optional<String> done = publishing.document(reader(me), person, new Publishing.Upload(
                    file == null ? null : file.getOriginalFilename(), bytes), new Publishing.Described(title,
                    kind(kind), date(date)));
            return done.isPresent() ? "redirect:/portal/patients/" + person + "/publish?published" : denied(response);
        } catch (Publishing.Invalid e) {
            return page(me, person, model, response, e);
        }
    }

    @PostMapping("/portal/patients/{personId}/publish/note")
    String note(@AuthenticationPrincipal SignedIn me, @PathVariable String personId,
                @RequestParam(required = false) List<String> diagnosis,
                @RequestParam(required = false) List<String> diagnosisCode,
                @RequestParam(required = false) String allergies, @RequestParam(required = false) String medicines,
                Model model, HttpServletResponse response) {
        long person = person(personId);
        List<Publishing.Diagnosis> diagnoses = new ArrayList<>();
        List<String> texts = diagnosis == null ? List.of() : diagnosis;
        for (int i = 0; i < texts.size(); i++) {
            String code = diagnosisCode != null && i < diagnosisCode.size() ? diagnosisCode.get(i) : null;
            diagnoses.add(new Publishing.Diagnosis(texts.get(i), code));
        }
        try {
            Optional<List<String>> done = publishing.note(reader(me), person, new Publishing.Note(diagnoses,
                    lines(allergies), lines(medicines)));
            return done.isPresent() ? "redirect:/portal/patients/" + person + "/publish?published" : denied(response);
        } catch (Publishing.Invalid e) {
            return page(me, person, model, response, e);
        }
    }

    @PostMapping("/portal/patients/{personId}/publish/{type}/{id}/correct")
    String correct(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @PathVariable String type,
                   @PathVariable String id, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String date,
                   Model model, HttpServletResponse response) {
        long person = person(personId);
        try {
            return publishing.correct(reader(me), person, type, id, new Publishing.Described(title, kind(kind),
                    date(date))) ? "redirect:/portal/patients/" + person + "/publish?corrected" : denied(response);
        } catch (Publishing.Invalid e) {
            return page(me, person, model, response, e);
        }
    }

    @PostMapping("/portal/patients/{personId}/publish/{type}/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @PathVariable String type,
                    @PathVariable String id, @RequestParam(required = false) String confirmed,
                    HttpServletResponse response) {
        long person = person(personId);
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the publishing page opens with the question (a person not shown answers 404)
            return person < 0 || !id.matches("[A-Za-z0-9.-]{1,64}") ? denied(response)
                    : "redirect:/portal/patients/" + person + "/publish?confirm=" + id;
        }
        return publishing.withdraw(reader(me), person, type, id)
                ? "redirect:/portal/patients/" + person + "/publish?withdrawn" : denied(response);
    }

    private String page(SignedIn me, long person, Model model, HttpServletResponse response, Publishing.Invalid fault) {
        Optional<Publishing.Listing> listing = publishing.published(reader(me), person);
        if (listing.isEmpty()) {
            return denied(response);
        }
        if (fault != null) {
            response.setStatus(422);
            model.addAttribute("fault", fault);
        }
        model.addAttribute("personId", person);
        model.addAttribute("listing", listing.get());
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("today", LocalDate.now(JAPAN));
        model.addAttribute("maxMegabytes", publishing.maxBytes() / (1024 * 1024));
        model.addAttribute("scanning", publishing.scanning());
        return "portal/publish";
    }

    /** The person a page's address names: digits; anything else names nobody (0: the 404, audited as unknown). */
    static long person(String key) {
        return key != null && key.matches("\\d{1,18}") ? Long.parseLong(key) : 0;
    }

    static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId(), Purpose.TREATMENT);
    }

    static String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }

    private static DocumentKind kind(String kind) {
        for (DocumentKind k : DocumentKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    private static LocalDate date(String date) {
        try {
            return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }
}
