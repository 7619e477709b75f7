package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Function;
import org.musubi.phr.MySharing;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My sharing (あなたの情報の共有): the page, and the confirmation page of each change, which shows what will change
 * before the resident confirms it ({@link SharingChangeController} makes it). Each page is one audited read of the
 * resident's own sharing; what they name that is not theirs answers the notebook's one "not found" page.
 */
@Controller
class SharingController {

    private final MySharing sharing;
    private final Users users;

    SharingController(MySharing sharing, Users users) {
        this.sharing = sharing;
        this.users = users;
    }

    @GetMapping("/phr/sharing")
    String page(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response) {
        return show(me, model, response, s -> Optional.of("phr/sharing"));
    }

    @GetMapping("/phr/sharing/consents/{consentId}/withdraw/confirm")
    String confirmWithdraw(@AuthenticationPrincipal SignedIn me, @PathVariable long consentId, Model model,
                           HttpServletResponse response) {
        return show(me, model, response, s -> s.activeConsent(consentId).map(c -> confirm(model, "withdraw",
                "/phr/sharing/consents/" + consentId + "/withdraw", "consent", c)));
    }

    @GetMapping("/phr/sharing/block/confirm")
    String confirmBlock(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) Long facilityId,
                        Model model, HttpServletResponse response) {
        return show(me, model, response, s -> Optional.ofNullable(facilityId).flatMap(s::blockableFacility)
                .map(p -> confirm(model, "block", "/phr/sharing/block", "place", p)));
    }

    @GetMapping("/phr/sharing/blocks/{facilityId}/remove/confirm")
    String confirmUnblock(@AuthenticationPrincipal SignedIn me, @PathVariable long facilityId, Model model,
                          HttpServletResponse response) {
        return show(me, model, response, s -> s.blockedFacility(facilityId).map(p -> confirm(model, "unblock",
                "/phr/sharing/blocks/" + facilityId + "/remove", "place", p)));
    }

    @GetMapping("/phr/sharing/links/{facilityId}/end/confirm")
    String confirmEnd(@AuthenticationPrincipal SignedIn me, @PathVariable long facilityId, Model model,
                      HttpServletResponse response) {
        return show(me, model, response, s -> s.openLink(facilityId).map(l -> confirm(model, "end",
                "/phr/sharing/links/" + facilityId + "/end", "place", l.facility())));
    }

    /** Reads the resident's sharing (one audited read) and renders what {@code view} makes of it, else not found. */
    private String show(SignedIn me, Model model, HttpServletResponse response,
                        Function<MySharing.Sharing, Optional<String>> view) {
        long personId = users.find(me.userId()).map(User::personId).orElseThrow();
        model.addAttribute("resident", me);
        Optional<String> shown = sharing.read(me.userId(), personId).flatMap(s -> {
            model.addAttribute("sharing", s);
            return view.apply(s);
        });
        return shown.orElseGet(() -> PhrPages.notFound(me, model, response));
    }

    private static String confirm(Model model, String change, String action, String name, Object what) {
        model.addAttribute("change", change);
        model.addAttribute("action", action);
        model.addAttribute(name, what);
        return "phr/sharing-confirm";
    }
}
