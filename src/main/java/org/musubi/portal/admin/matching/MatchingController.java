package org.musubi.portal.admin.matching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.linkage.DecideReview;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.paging.PageRequest;
import org.musubi.policy.PersonAccess;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Network operators work through the queue of uncertain matches (名寄せ確認). */
@Controller
class MatchingController {

    private final MatchReviews reviews;
    private final DecideReview decide;
    private final IdentityStore identities;
    private final PersonAccess access;
    private final Facilities facilities;

    MatchingController(MatchReviews reviews, DecideReview decide, IdentityStore identities, PersonAccess access,
                       Facilities facilities) {
        this.reviews = reviews;
        this.decide = decide;
        this.identities = identities;
        this.access = access;
        this.facilities = facilities;
    }

    @GetMapping("/admin/matching")
    String queue(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("results", reviews.open(PageRequest.of(page, 20)));
        return "admin/matching";
    }

    @GetMapping("/admin/matching/{id}")
    String review(@AuthenticationPrincipal SignedIn me, @PathVariable long id, Model model) {
        MatchReviews.OpenReview review = reviews.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<Long, Person> persons = new LinkedHashMap<>();
        Map<Long, List<ScorePart>> parts = new LinkedHashMap<>();
        for (MatchReviews.ReviewCandidate c : review.candidates()) {
            parts.put(c.personId(), ScorePart.of(c.breakdown()));
            if (access.openPerson(me.userId(), Purpose.OPERATIONS, c.personId()).permitted()) {
                identities.person(c.personId()).ifPresent(p -> persons.put(c.personId(), p.person()));
            }
        }
        model.addAttribute("review", review);
        model.addAttribute("persons", persons);
        model.addAttribute("parts", parts);
        model.addAttribute("registrable", decide.registrable(review));
        model.addAttribute("facilityName", facilities.find(review.sourcePatient().facilityId())
                .map(Facility::nameKanji).orElse(""));
        return "admin/matching-review";
    }

    @PostMapping("/admin/matching/{id}/link")
    String link(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam long personId,
                RedirectAttributes redirect) {
        return decided(id, redirect, () -> decide.linkTo(me.userId(), id, personId));
    }

    @PostMapping("/admin/matching/{id}/new-person")
    String newPerson(@AuthenticationPrincipal SignedIn me, @PathVariable long id, RedirectAttributes redirect) {
        return decided(id, redirect, () -> decide.newPerson(me.userId(), id));
    }

    @PostMapping("/admin/matching/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal SignedIn me, @PathVariable long id, RedirectAttributes redirect) {
        return decided(id, redirect, () -> decide.dismiss(me.userId(), id));
    }

    private String decided(long id, RedirectAttributes redirect, Runnable decision) {
        try {
            decision.run();
            redirect.addFlashAttribute("decided", id);
            return "redirect:/admin/matching";
        } catch (IdentityConflict conflict) {
            redirect.addFlashAttribute("error", conflict.messageKey());
            return "redirect:/admin/matching/" + id;
        }
    }
}
