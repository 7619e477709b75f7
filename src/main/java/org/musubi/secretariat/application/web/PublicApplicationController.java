package org.musubi.secretariat.application.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.secretariat.application.ApplicantUser;
import org.musubi.secretariat.application.Application;
import org.musubi.secretariat.application.ApplicationDesk;
import org.musubi.secretariat.application.ApplicationDocuments;
import org.musubi.secretariat.application.Upload;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public pages, before any login: the application form ({@code /apply}), the receipt with the reference number
 * and the secret (shown once, never again), and the status page ({@code /apply/status}) where the pair shows the
 * status and the secretariat's notices, and a returned application is corrected and resubmitted. A pair that finds
 * nothing, whichever half was wrong and from whichever form, gets one answer: 404 and the same page.
 */
@Controller
class PublicApplicationController {

    private final ApplicationDesk desk;
    private final ApplicationDocuments documents;
    private final ApplicationThrottles throttles;

    PublicApplicationController(ApplicationDesk desk, ApplicationDocuments documents, ApplicationThrottles throttles) {
        this.desk = desk;
        this.documents = documents;
        this.throttles = throttles;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", FacilityKind.participatingKinds());
        model.addAttribute("professions", ApplicantUser.OFFERED.stream().sorted().toList());
        model.addAttribute("cards", AcceptedCard.values());
        model.addAttribute("maxMegabytes", documents.maxBytes() / (1024 * 1024));
        model.addAttribute("maxFiles", ApplicationDocuments.MAX_FILES);
    }

    @GetMapping("/apply")
    String form(Model model) {
        model.addAttribute("form", ApplicationForm.empty());
        return "apply/form";
    }

    @PostMapping("/apply")
    String submit(@ModelAttribute("form") ApplicationForm form,
                  @RequestParam(name = "documents", required = false) List<MultipartFile> files,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (throttles.submissionRefused(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("throttled", true);
            return "apply/form";
        }
        try {
            ApplicationDesk.Receipt receipt = desk.submit(form.draft(), uploads(files));
            model.addAttribute("receipt", receipt);
            return "apply/receipt";
        } catch (InvalidRegistration invalid) {
            model.addAttribute("faults", invalid.faults());
            return "apply/form";
        }
    }

    @GetMapping("/apply/status")
    String lookup() {
        return "apply/status-lookup";
    }

    @PostMapping("/apply/status")
    String status(@RequestParam(required = false) String reference, @RequestParam(required = false) String secret,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        if (throttles.lookupsRefused(address)) {
            return throttled(response, model);
        }
        Optional<Application> found = desk.lookUp(reference, secret);
        if (found.isEmpty()) {
            throttles.lookupFailed(address);
            return notFound(response, model);
        }
        return show(found.get(), reference, secret, ApplicationForm.of(found.get().draft()), model);
    }

    @PostMapping("/apply/status/resubmit")
    String resubmit(@RequestParam(required = false) String reference, @RequestParam(required = false) String secret,
                    @ModelAttribute("form") ApplicationForm form,
                    @RequestParam(name = "documents", required = false) List<MultipartFile> files,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        if (throttles.lookupsRefused(address) || throttles.submissionRefused(address)) {
            return throttled(response, model);
        }
        try {
            Optional<Application> resubmitted = desk.resubmit(reference, secret, form.draft(), uploads(files));
            if (resubmitted.isEmpty()) {
                throttles.lookupFailed(address);
                return notFound(response, model);
            }
            model.addAttribute("resubmitted", true);
            return show(resubmitted.get(), reference, secret, form, model);
        } catch (ApplicationDesk.InvalidResubmission invalid) {
            model.addAttribute("faults", invalid.faults());
            return show(invalid.application(), reference, secret, form, model);
        } catch (ApplicationDesk.NotReturned notReturned) {
            model.addAttribute("notReturned", true);
            Application application = notReturned.application();
            return show(application, reference, secret, ApplicationForm.of(application.draft()), model);
        }
    }

    private String show(Application application, String reference, String secret, ApplicationForm form, Model model) {
        model.addAttribute("filed", application);
        model.addAttribute("notices", desk.notices(application));
        model.addAttribute("documentNames", desk.documents(application).stream().map(d -> d.fileName()).toList());
        model.addAttribute("reference", reference);
        model.addAttribute("secret", secret);
        model.addAttribute("form", form);
        return "apply/status";
    }

    /** The one answer to a pair that finds nothing: the same page and status whatever was typed. */
    private static String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("notFound", true);
        return "apply/status-lookup";
    }

    private static String throttled(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("throttled", true);
        return "apply/status-lookup";
    }

    private static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            files.stream().filter(f -> f != null && !f.isEmpty())
                    .forEach(f -> uploads.add(new Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream)));
        }
        return uploads;
    }
}
