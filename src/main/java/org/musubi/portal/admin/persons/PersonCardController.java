package org.musubi.portal.admin.persons;

import java.io.Serializable;
import java.util.Optional;
import java.util.function.Supplier;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.cards.Cards;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.identity.cards.ReplaceCard;
import org.musubi.registry.Facilities;
import org.musubi.security.SignedIn;
import org.musubi.web.QrSvg;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operators issue a person's regional or disclosure card, record a lost card and reissue one. An issued card's
 * check code and QR code are shown once, on the page the operator returns to, to be printed on the card.
 */
@Controller
class PersonCardController {

    private final IssueCard issue;
    private final ReplaceCard replace;
    private final Cards cards;
    private final Facilities facilities;

    PersonCardController(IssueCard issue, ReplaceCard replace, Cards cards, Facilities facilities) {
        this.issue = issue;
        this.replace = replace;
        this.cards = cards;
        this.facilities = facilities;
    }

    @PostMapping("/admin/persons/{id}/cards/regional")
    String regional(@AuthenticationPrincipal SignedIn me, @PathVariable long id, RedirectAttributes redirect) {
        return issued(id, redirect, "person.done.cardIssued", () -> issue.regional(me.userId(), id));
    }

    @PostMapping("/admin/persons/{id}/cards/disclosure")
    String disclosure(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                      @RequestParam(required = false) Long hospitalId, RedirectAttributes redirect) {
        return issued(id, redirect, "person.done.cardIssued", () -> {
            long hospital = Optional.ofNullable(hospitalId).flatMap(facilities::find)
                    .filter(FacilityChoices::disclosingHospital)
                    .orElseThrow(() -> new IdentityConflict("person.card.notDisclosingHospital")).id();
            return issue.disclosure(me.userId(), id, hospital);
        });
    }

    @PostMapping("/admin/persons/{id}/cards/{number}/lost")
    String lost(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable String number,
                @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the person's page opens with the question, the card stays valid
            redirect.addAttribute("confirm", "lost-" + number);
            return "redirect:/admin/persons/" + id;
        }
        return PersonChanges.apply(id, redirect, "person.done.cardLost", () -> {
            requireOwnCard(id, number);
            replace.reportLost(me.userId(), number);
        });
    }

    @PostMapping("/admin/persons/{id}/cards/{number}/reissue")
    String reissue(@AuthenticationPrincipal SignedIn me, @PathVariable long id, @PathVariable String number,
                   RedirectAttributes redirect) {
        return issued(id, redirect, "person.done.cardReissued", () -> {
            requireOwnCard(id, number);
            return replace.reissue(me.userId(), number);
        });
    }

    /** Applies the change and hands the new card's printing details to the page, once. */
    private static String issued(long personId, RedirectAttributes redirect, String doneKey, Supplier<IssuedCard> change) {
        return PersonChanges.apply(personId, redirect, doneKey, () -> {
            IssuedCard card = change.get();
            redirect.addFlashAttribute("issuedCard", new PrintedCard(card.card().number(), card.card().issueNo(),
                    card.printedCheckCode(), card.qrPayload(), QrSvg.of(card.qrPayload())));
        });
    }

    private void requireOwnCard(long personId, String number) {
        if (cards.of(personId).stream().noneMatch(c -> c.number().equals(number))) {
            throw new IdentityConflict("identity.card.unknown");
        }
    }

    /** What the operator prints on a card just issued: shown once, never stored in clear. */
    record PrintedCard(String number, int issueNo, String checkCode, String qrPayload, String qrSvg)
            implements Serializable {
    }
}
