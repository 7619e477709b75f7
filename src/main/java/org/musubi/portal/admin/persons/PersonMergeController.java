package org.musubi.portal.admin.persons;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.cards.CardNumber;
import org.musubi.identity.link.MergePersons;
import org.musubi.identity.link.UnmergePersons;
import org.musubi.policy.Decision;
import org.musubi.policy.PersonAccess;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operators merge a duplicate person into the one on screen, after a confirmation showing both,
 * and undo merges. The confirmation opens both persons through the access policy.
 */
@Controller
class PersonMergeController {

    private final MergePersons merge;
    private final UnmergePersons unmerge;
    private final IdentityStore identities;
    private final PersonAccess access;

    PersonMergeController(MergePersons merge, UnmergePersons unmerge, IdentityStore identities, PersonAccess access) {
        this.merge = merge;
        this.unmerge = unmerge;
        this.identities = identities;
        this.access = access;
    }

    @GetMapping("/admin/persons/{id}/merge")
    String confirm(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                   @RequestParam(required = false) String regionalId, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Optional<String> number = CardNumber.read(regionalId).map(CardNumber::number);
        Optional<RegisteredPerson> other = number.flatMap(identities::personByRegionalId);
        String problem = number.isEmpty() ? "person.merge.regionalIdInvalid" : other.isEmpty() ? "identity.person.unknown"
                : other.get().id() == id ? "identity.merge.samePerson" : null;
        if (problem != null) {
            redirect.addFlashAttribute("error", problem);
            return "redirect:/admin/persons/" + id;
        }
        Optional<Decision> denied = firstDenied(me, id, other.get().id());
        if (denied.isPresent()) {
            model.addAttribute("decision", denied.get().key());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "admin/person-denied";
        }
        model.addAttribute("survivor", identities.person(id).orElseThrow());
        model.addAttribute("merged", other.get());
        return "admin/person-merge";
    }

    /** Opens each person through the policy (one audit row each); the first denial, if any. */
    private Optional<Decision> firstDenied(SignedIn me, long... personIds) {
        for (long personId : personIds) {
            Decision decision = access.openPerson(me.userId(), Purpose.OPERATIONS, personId);
            if (!decision.permitted()) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    @PostMapping("/admin/persons/{id}/merge")
    String merge(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @RequestParam long mergedId,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return PersonChanges.apply(id, redirect, "person.done.merged",
                () -> merge.merge(me.userId(), id, mergedId, PersonChanges.reason(reason)));
    }

    /**
     * Undoes a merge once confirmed ({@code confirmed=yes}, sent with the reason from the same form); one click without
     * it comes back to the person's page with the question open and undoes nothing.
     */
    @PostMapping("/admin/persons/{id}/merges/{mergeId}/unmerge")
    String unmerge(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable long mergeId,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed,
                   RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the person's page (opened through the policy, as ever) shows the question
            redirect.addAttribute("confirm", "unmerge-" + mergeId);
            return "redirect:/admin/persons/" + id;
        }
        return PersonChanges.apply(id, redirect, "person.done.unmerged",
                () -> unmerge.unmerge(me.userId(), mergeId, PersonChanges.reason(reason)));
    }
}
