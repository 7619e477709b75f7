package org.musubi.portal.admin.persons;

import org.musubi.consent.BlockFacility;
import org.musubi.consent.ChangedBy;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operators record a person's request to block a facility from viewing their record, or to lift the block. */
@Controller
class PersonBlockController {

    private final BlockFacility blocks;

    PersonBlockController(BlockFacility blocks) {
        this.blocks = blocks;
    }

    @PostMapping("/admin/persons/{id}/blocks")
    String block(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                 @RequestParam(required = false) Long facilityId, RedirectAttributes redirect) {
        return PersonChanges.apply(id, redirect, "person.done.facilityBlocked", () -> blocks.block(ChangedBy.operator(me.userId()), id, facilityId));
    }

    /**
     * Lifts a block once confirmed ({@code confirmed=yes}); one click without it comes back to the person's page with
     * the question open and lifts nothing.
     */
    @PostMapping("/admin/persons/{id}/blocks/{facilityId}/remove")
    String unblock(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable long facilityId,
                   @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the person's page (opened through the policy, as ever) shows the question
            redirect.addAttribute("confirm", "unblock-" + facilityId);
            return "redirect:/admin/persons/" + id;
        }
        return PersonChanges.apply(id, redirect, "person.done.facilityUnblocked",
                () -> blocks.unblock(ChangedBy.operator(me.userId()), id, facilityId));
    }
}
