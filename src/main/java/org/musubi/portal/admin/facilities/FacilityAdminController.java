package org.musubi.portal.admin.facilities;

import java.util.List;
import java.util.stream.Collectors;
import org.musubi.paging.PageRequest;
import org.musubi.portal.admin.Admins;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.FieldFault;
import org.musubi.registry.NotPermitted;
import org.musubi.registry.RegisterFacility;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.registry.profile.SetFacilityProfile;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Network operators list, search, add, change and suspend participating facilities, and set each one's profile for
 * running the network (municipality, beds, accepted cards, listed on the public site, joined and left days).
 */
@Controller
class FacilityAdminController {

    private final Facilities facilities;
    private final RegisterFacility register;
    private final FacilityProfiles profiles;
    private final SetFacilityProfile setProfile;

    FacilityAdminController(Facilities facilities, RegisterFacility register, FacilityProfiles profiles,
                            SetFacilityProfile setProfile) {
        this.facilities = facilities;
        this.register = register;
        this.profiles = profiles;
        this.setProfile = setProfile;
    }

    @ModelAttribute("kinds")
    List<FacilityKind> kinds() {
        return FacilityKind.participatingKinds();
    }

    @GetMapping("/admin/facilities")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) FacilityKind kind,
                @RequestParam(required = false) FacilityStatus status, @RequestParam(required = false) Integer page,
                Model model) {
        model.addAttribute("results", facilities.search(q, kind, status, PageRequest.of(page, 20)));
        model.addAttribute("municipalities", profiles.all().stream().filter(p -> p.municipality().isPresent())
                .collect(Collectors.toMap(FacilityProfile::facilityId, p -> p.municipality().get(), (a, b) -> a)));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        return "admin/facilities";
    }

    @GetMapping("/admin/facilities/new")
    String create(Model model) {
        model.addAttribute("form", FacilityForm.empty());
        return "admin/facility-form";
    }

    @GetMapping("/admin/facilities/{id}")
    String edit(@PathVariable long id, Model model) {
        Facility facility = facilities.find(id).filter(f -> f.kind().participating())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("form", FacilityForm.of(facility));
        model.addAttribute("facilityId", id);
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", profiles.of(id).map(ProfileForm::of).orElseThrow(
                    () -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        }
        model.addAttribute("acceptedCards", AcceptedCard.values());
        return "admin/facility-form";
    }

    /** The profile's form: one audit row per save (SetFacilityProfile); faults come back to the facility's page. */
    @PostMapping("/admin/facilities/{id}/profile")
    String profile(@AuthenticationPrincipal SignedIn user, @PathVariable long id,
                   @ModelAttribute("profile") ProfileForm form, Model model, RedirectAttributes redirect) {
        Facility facility = facilities.find(id).filter(f -> f.kind().participating())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<FieldFault> faults = form.faults();
        if (!faults.isEmpty()) {
            model.addAttribute("profileFaults", faults);
            return edit(facility.id(), model);
        }
        try {
            setProfile.set(Admins.of(user), form.profile(id));
        } catch (NotPermitted e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("profileSaved", facility.nameKanji());
        return "redirect:/admin/facilities/" + id;
    }

    @PostMapping("/admin/facilities")
    String add(@AuthenticationPrincipal SignedIn user, @ModelAttribute("form") FacilityForm form, Model model,
               RedirectAttributes redirect) {
        return save(user, null, form, model, redirect);
    }

    @PostMapping("/admin/facilities/{id}")
    String change(@AuthenticationPrincipal SignedIn user, @PathVariable long id, @ModelAttribute("form") FacilityForm form,
                  Model model, RedirectAttributes redirect) {
        return save(user, id, form, model, redirect);
    }

    private String save(SignedIn user, Long id, FacilityForm form, Model model, RedirectAttributes redirect) {
        try {
            Facility saved = register.register(Admins.of(user), id, form.draft());
            redirect.addFlashAttribute("saved", saved.nameKanji());
            return "redirect:/admin/facilities/" + saved.id();
        } catch (InvalidRegistration e) {
            model.addAttribute("faults", e.faults());
            model.addAttribute("facilityId", id);
            return "admin/facility-form";
        }
    }
}
