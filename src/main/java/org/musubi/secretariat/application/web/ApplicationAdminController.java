package org.musubi.secretariat.application.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Administrator;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;
import org.musubi.secretariat.application.Application;
import org.musubi.secretariat.application.ApplicationDocument;
import org.musubi.secretariat.application.ApplicationDocuments;
import org.musubi.secretariat.application.ApplicationQueue;
import org.musubi.secretariat.application.ApplicationStatus;
import org.musubi.secretariat.application.Onboarding;
import org.musubi.security.SignedIn;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The secretariat's queue of applications (network admins only; the security chain answers 403 to anyone else):
 * the list with a status filter, a page per application with its users, documents and history, and its steps. An
 * approval's page shows each new user's login id, temporary password and enrolment code once, to hand over.
 */
@Controller
class ApplicationAdminController {

    private final ApplicationQueue queue;
    private final ApplicationDocuments documents;

    ApplicationAdminController(ApplicationQueue queue, ApplicationDocuments documents) {
        this.queue = queue;
        this.documents = documents;
    }

    @GetMapping("/admin/applications")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page, Model model) {
        String filter = status == null || status.isBlank() ? "waiting" : status;
        model.addAttribute("results", queue.list(admin(me), statuses(filter), PageRequest.of(page, 50)));
        model.addAttribute("status", filter);
        model.addAttribute("statuses", ApplicationStatus.values());
        return "admin/applications";
    }

    @GetMapping("/admin/applications/{id}")
    String show(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                @RequestParam(required = false) String done, Model model) {
        Application application = find(me, id);
        model.addAttribute("filed", application);
        model.addAttribute("events", queue.events(id));
        model.addAttribute("documents", queue.documents(id));
        model.addAttribute("done", java.util.Arrays.stream(ApplicationStatus.values()).map(Enum::name)
                .filter(n -> n.equals(done)).findFirst().orElse(null));
        return "admin/application";
    }

    @PostMapping("/admin/applications/{id}/review")
    String review(@AuthenticationPrincipal SignedIn me, @PathVariable long id, HttpServletResponse response,
                  Model model) {
        return move(me, id, ApplicationStatus.UNDER_REVIEW, null, response, model);
    }

    @PostMapping("/admin/applications/{id}/return")
    String giveBack(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                    @RequestParam(required = false) String note, HttpServletResponse response, Model model) {
        return move(me, id, ApplicationStatus.RETURNED, note, response, model);
    }

    @PostMapping("/admin/applications/{id}/set-up")
    String setUp(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                 @RequestParam(required = false) String note, HttpServletResponse response, Model model) {
        return move(me, id, ApplicationStatus.SET_UP, note, response, model);
    }

    @PostMapping("/admin/applications/{id}/live")
    String live(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                @RequestParam(required = false) String note, HttpServletResponse response, Model model) {
        return move(me, id, ApplicationStatus.LIVE, note, response, model);
    }

    @PostMapping("/admin/applications/{id}/approve")
    String approve(@AuthenticationPrincipal SignedIn me, @PathVariable long id, HttpServletResponse response,
                   Model model) {
        try {
            Onboarding.Created created = queue.approve(admin(me), id);
            model.addAttribute("filed", queue.find(admin(me), id));
            model.addAttribute("created", created);
            return "admin/application-approved";
        } catch (ApplicationQueue.CodeTaken taken) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("codeTaken", taken.holder());
            return show(me, id, null, model);
        } catch (InvalidRegistration invalid) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("faults", invalid.faults());
            return show(me, id, null, model);
        } catch (ApplicationQueue.WrongStep wrong) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("wrongStep", true);
            return show(me, id, null, model);
        }
    }

    @GetMapping("/admin/applications/{id}/documents/{documentId}")
    void document(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable long documentId,
                  HttpServletResponse response) throws IOException {
        ApplicationDocument document = queue.document(admin(me), id, documentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try (InputStream in = documents.open(document)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))) {
            response.setContentType(document.contentType());
            response.setContentLengthLong(document.size());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(document.fileName(), StandardCharsets.UTF_8).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            in.transferTo(response.getOutputStream());
        }
    }

    @ExceptionHandler(NotPermitted.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }

    @ExceptionHandler(ApplicationQueue.NoSuchApplication.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String missing() {
        return "error/404";
    }

    private String move(SignedIn me, long id, ApplicationStatus target, String note, HttpServletResponse response,
                        Model model) {
        try {
            queue.move(admin(me), id, target, note);
            return "redirect:/admin/applications/" + id + "?done=" + target.name();
        } catch (InvalidRegistration invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("faults", invalid.faults());
            model.addAttribute("note", note);
            return show(me, id, null, model);
        } catch (ApplicationQueue.WrongStep wrong) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("wrongStep", true);
            return show(me, id, null, model);
        }
    }

    private Application find(SignedIn me, long id) {
        return queue.find(admin(me), id);
    }

    private static Administrator admin(SignedIn me) {
        return new Administrator(me.userId(), me.networkAdmin(), me.adminFacilityIds());
    }

    private static Set<ApplicationStatus> statuses(String filter) {
        if (filter.equals("waiting")) {
            return EnumSet.of(ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW);
        }
        if (filter.equals("all")) {
            return EnumSet.noneOf(ApplicationStatus.class);
        }
        try {
            return EnumSet.of(ApplicationStatus.valueOf(filter.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return EnumSet.of(ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW);
        }
    }
}
