package org.musubi.portal.admin.accounts;

import java.util.Arrays;
import java.util.List;
import org.musubi.paging.PageRequest;
import org.musubi.portal.admin.Admins;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;
import org.musubi.registry.Profession;
import org.musubi.registry.RegisterUser;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.AccountAdministration;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users: network admins manage everyone; facility admins manage their own facilities' users.
 * Temporary passwords and enrolment codes are shown to the administrator once.
 */
@Controller
class UserAdminController {

    private final Users users;
    private final Facilities facilities;
    private final RegisterUser register;
    private final AccountAdministration accounts;

    UserAdminController(Users users, Facilities facilities, RegisterUser register, AccountAdministration accounts) {
        this.users = users;
        this.facilities = facilities;
        this.register = register;
        this.accounts = accounts;
    }

    @ModelAttribute("professions")
    Profession[] professions() {
        return Arrays.stream(Profession.values()).filter(p -> p != Profession.FACILITY_SYSTEM && p != Profession.RESIDENT)
                .toArray(Profession[]::new);
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long facilityId, @RequestParam(required = false) Integer page,
                Model model) {
        Administrator admin = Admins.of(me);
        Long scope = facilityId;
        if (!admin.networkAdmin() && (scope == null || !admin.adminFacilityIds().contains(scope))) {
            scope = admin.adminFacilityIds().stream().sorted().findFirst().orElseThrow();
        }
        model.addAttribute("results", users.search(q, scope, PageRequest.of(page, 20)));
        model.addAttribute("q", q);
        model.addAttribute("facilityId", scope);
        model.addAttribute("facilityOptions", facilityOptions(admin));
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String create(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long facilityId, Model model) {
        model.addAttribute("form", UserForm.empty(facilityId));
        model.addAttribute("facilityOptions", facilityOptions(Admins.of(me)));
        return "admin/user-form";
    }

    @GetMapping("/admin/users/{id}")
    String edit(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model) {
        User user = managed(me, id);
        model.addAttribute("form", UserForm.of(user));
        model.addAttribute("userId", id);
        model.addAttribute("facilityOptions", facilityOptions(Admins.of(me)));
        return "admin/user-form";
    }

    @PostMapping("/admin/users")
    String add(@AuthenticationPrincipal SignedIn me, @ModelAttribute("form") UserForm form, Model model,
               RedirectAttributes redirect) {
        try {
            User saved = register.register(Admins.of(me), null, form.draft());
            AccountAdministration.InitialSecrets secrets = accounts.issueInitial(Admins.of(me), saved.id());
            redirect.addFlashAttribute("temporaryPassword", secrets.temporaryPassword());
            redirect.addFlashAttribute("enrolmentCode", secrets.enrolmentCode());
            return "redirect:/admin/users/" + saved.id();
        } catch (InvalidRegistration e) {
            return invalid(me, null, e, model);
        }
    }

    @PostMapping("/admin/users/{id}")
    String change(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @ModelAttribute("form") UserForm form,
                  Model model, RedirectAttributes redirect) {
        try {
            register.register(Admins.of(me), id, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/users/" + id;
        } catch (InvalidRegistration e) {
            return invalid(me, id, e, model);
        }
    }

    /**
     * Issues a new temporary password once confirmed ({@code confirmed=yes}); one click without it comes back to the
     * user's page with the question open and changes nothing (a user the administrator may not manage: 403 as before).
     */
    @PostMapping("/admin/users/{id}/password-reset")
    String resetPassword(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                         @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            return ask(me, id, "password-reset", redirect);
        }
        redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(Admins.of(me), id));
        return "redirect:/admin/users/" + id;
    }

    /** Clears the second factor and issues an enrolment code once confirmed, as {@link #resetPassword} asks first. */
    @PostMapping("/admin/users/{id}/second-factor-reset")
    String resetSecondFactor(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                             @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            return ask(me, id, "second-factor-reset", redirect);
        }
        redirect.addFlashAttribute("enrolmentCode", accounts.resetSecondFactor(Admins.of(me), id));
        return "redirect:/admin/users/" + id;
    }

    /**
     * Asked once (issue 67): back to the user's page with the question open, for a user the administrator may manage and
     * who signs in (an unknown user, another facility's, or an API client's account: 403, as the act itself answers).
     */
    private String ask(SignedIn me, long id, String act, RedirectAttributes redirect) {
        User user = users.find(id).orElseThrow(() -> new NotPermitted("unknown user"));
        if (!Admins.of(me).mayManage(user) || user.profession() == Profession.FACILITY_SYSTEM) {
            throw new NotPermitted("account administration");
        }
        redirect.addAttribute("confirm", act);
        return "redirect:/admin/users/" + id;
    }

    @ExceptionHandler(NotPermitted.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }

    private String invalid(SignedIn me, Long id, InvalidRegistration e, Model model) {
        model.addAttribute("faults", e.faults());
        model.addAttribute("userId", id);
        model.addAttribute("facilityOptions", facilityOptions(Admins.of(me)));
        return "admin/user-form";
    }

    private User managed(SignedIn me, long id) {
        User user = users.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Admins.of(me).mayManage(user)) {
            throw new NotPermitted("user " + id);
        }
        return user;
    }

    private List<Facility> facilityOptions(Administrator admin) {
        if (admin.networkAdmin()) {
            return facilities.all();
        }
        return admin.adminFacilityIds().stream().sorted().flatMap(id -> facilities.find(id).stream()).toList();
    }
}
