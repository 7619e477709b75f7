package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.LongConsumer;
import org.musubi.consent.BlockFacility;
import org.musubi.consent.ChangedBy;
import org.musubi.consent.EndLink;
import org.musubi.consent.RecordConsent;
import org.musubi.consent.Refused;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The changes a resident confirms on My sharing: withdraw a consent, block a facility, lift a block, end a link. Each
 * goes through the consent module's use case as the resident acting on their own person ({@link ChangedBy#resident}),
 * takes effect from the very next request and leaves one audit row; then back to the page, saying what was done.
 * What is not the resident's answers the one "not found" page and changes nothing.
 */
@Controller
class SharingChangeController {

    private final RecordConsent consents;
    private final BlockFacility blocks;
    private final EndLink links;
    private final Users users;

    SharingChangeController(RecordConsent consents, BlockFacility blocks, EndLink links, Users users) {
        this.consents = consents;
        this.blocks = blocks;
        this.links = links;
        this.users = users;
    }

    @PostMapping("/phr/sharing/consents/{consentId}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedIn me, @PathVariable long consentId, RedirectAttributes redirect,
                    Model model, HttpServletResponse response) {
        return change(me, redirect, model, response, "phr.sharing.done.withdraw",
                personId -> consents.withdraw(ChangedBy.resident(me.userId()), personId, consentId));
    }

    @PostMapping("/phr/sharing/block")
    String block(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long facilityId,
                 RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return change(me, redirect, model, response, "phr.sharing.done.block",
                personId -> blocks.block(ChangedBy.resident(me.userId()), personId, facilityId));
    }

    @PostMapping("/phr/sharing/blocks/{facilityId}/remove")
    String unblock(@AuthenticationPrincipal SignedIn me, @PathVariable long facilityId, RedirectAttributes redirect,
                   Model model, HttpServletResponse response) {
        return change(me, redirect, model, response, "phr.sharing.done.unblock",
                personId -> blocks.unblock(ChangedBy.resident(me.userId()), personId, facilityId));
    }

    @PostMapping("/phr/sharing/links/{facilityId}/end")
    String end(@AuthenticationPrincipal SignedIn me, @PathVariable long facilityId, RedirectAttributes redirect,
               Model model, HttpServletResponse response) {
        return change(me, redirect, model, response, "phr.sharing.done.end",
                personId -> links.end(ChangedBy.resident(me.userId()), personId, facilityId));
    }

    private String change(SignedIn me, RedirectAttributes redirect, Model model, HttpServletResponse response,
                          String doneKey, LongConsumer change) {
        long personId = users.find(me.userId()).map(User::personId).orElseThrow();
        try {
            change.accept(personId);
            redirect.addFlashAttribute("done", doneKey);
        } catch (Refused refused) {
            if (ChangedBy.NOT_FOUND.equals(refused.messageKey())) {
                return PhrPages.notFound(me, model, response);
            }
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:/phr/sharing";
    }
}
