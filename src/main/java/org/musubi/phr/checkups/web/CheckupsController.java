package org.musubi.phr.checkups.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.phr.checkups.Checkup;
import org.musubi.phr.checkups.CheckupTrend;
import org.musubi.phr.checkups.PaperForm;
import org.musubi.phr.checkups.PaperItem;
import org.musubi.phr.checkups.PaperPhotos;
import org.musubi.phr.checkups.ReadCheckups;
import org.musubi.phr.checkups.RecordPaperCheckup;
import org.musubi.phr.sheet.web.PhotoUploads;
import org.musubi.phr.web.NotebookOwner;
import org.musubi.registry.FieldFault;
import org.musubi.security.SignedIn;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * 健診結果: the resident's checkups from every checkup centre and their own paper results, with ranges, flags and
 * each item's values across the years; the paper-result form with its photo; the photo itself. The person is the
 * signed-in resident's own, or the one they act for as a live proxy; every page is one read or write through the
 * policy, and whatever is not this reader's answers like something that does not exist.
 */
@Controller
class CheckupsController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final ReadCheckups read;
    private final RecordPaperCheckup record;
    private final PaperPhotos photos;
    private final NotebookOwner owner;

    CheckupsController(ReadCheckups read, RecordPaperCheckup record, PaperPhotos photos, NotebookOwner owner) {
        this.read = read;
        this.record = record;
        this.photos = photos;
        this.owner = owner;
    }

    @GetMapping("/phr/checkups")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String saved, Model model,
                HttpServletResponse response, HttpSession session) {
        Optional<List<Checkup>> checkups = read.all(me.userId(), owner.of(me, session));
        if (checkups.isEmpty()) {
            return notFound(response);
        }
        model.addAttribute("resident", me);
        model.addAttribute("checkups", checkups.get());
        model.addAttribute("trends", CheckupTrend.of(checkups.get()));
        model.addAttribute("saved", saved);
        return "phr/checkups";
    }

    @GetMapping("/phr/checkups/paper")
    String paperForm(@AuthenticationPrincipal SignedIn me, Model model) {
        return form(me, Map.of(), List.of(), model);
    }

    @PostMapping("/phr/checkups/paper")
    String addPaper(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form,
                    @RequestParam(required = false) MultipartFile photo, Model model, HttpServletResponse response,
                    HttpSession session) throws IOException {
        long personId = owner.of(me, session);
        byte[] bytes = PhotoUploads.bytes(photo, photos.maxBytes());
        PaperPhotos.Checked checked = bytes.length == 0 ? null
                : photos.check(photo == null ? null : photo.getOriginalFilename(), bytes);
        PaperForm.Read entry = PaperForm.read(form, checked != null && checked.photo() != null, LocalDate.now(JAPAN));
        List<FieldFault> faults = new ArrayList<>(entry.faults());
        if (checked != null && checked.fault() != null) {
            faults.add(checked.fault());
        }
        if (!faults.isEmpty()) {
            response.setStatus(422);
            return form(me, form, faults, model);
        }
        String proxy = personId == owner.own(me) ? null : me.displayName();
        Optional<RecordPaperCheckup.Saved> saved = record.save(new RecordPaperCheckup.Author(me.userId(), proxy), personId,
                entry.entry(), checked == null ? null : checked.photo());
        if (saved.isEmpty()) {
            return notFound(response);
        }
        return "redirect:/phr/checkups?saved=" + (saved.get().changed().isEmpty() ? "unchanged" : "added");
    }

    @GetMapping("/phr/checkups/{reportId}/photo")
    ResponseEntity<?> photo(@AuthenticationPrincipal SignedIn me, @PathVariable String reportId, HttpSession session) {
        Optional<ReadCheckups.Photo> photo = read.photo(me.userId(), owner.of(me, session), reportId);
        if (photo.isEmpty()) {
            return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("Not found");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.get().mediaType()))
                .cacheControl(CacheControl.noStore().cachePrivate()).header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(new InputStreamResource(photo.get().content()));
    }

    private static String form(SignedIn me, Map<String, String> typed, List<FieldFault> faults, Model model) {
        model.addAttribute("resident", me);
        model.addAttribute("typed", typed);
        model.addAttribute("faults", faults);
        model.addAttribute("items", List.of(PaperItem.values()).stream().filter(PaperItem::typed).toList());
        model.addAttribute("today", LocalDate.now(JAPAN).toString());
        return "phr/checkup-paper";
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error";
    }
}
