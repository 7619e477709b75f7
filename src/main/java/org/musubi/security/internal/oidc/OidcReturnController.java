package org.musubi.security.internal.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.musubi.security.LoginThrottle;
import org.musubi.security.SignedIn;
import org.musubi.security.internal.login.LoginAccount;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The end of a round trip, back on Musubi's own site with the session: the answer is checked against the round trip
 * the session had under way ({@link RoundTrip}), then it logs the resident in (by the card alone, or as the step
 * after the password of the account that proved it in this session) or links the signed-in resident's account.
 */
@Controller
class OidcReturnController {

    private final RoundTrip roundTrip;
    private final OidcAccounts accounts;
    private final OidcSessions sessions;
    private final LinkMyNumber linking;
    private final LoginThrottle throttle;

    OidcReturnController(RoundTrip roundTrip, OidcAccounts accounts, OidcSessions sessions, LinkMyNumber linking,
                         LoginThrottle throttle) {
        this.roundTrip = roundTrip;
        this.accounts = accounts;
        this.sessions = sessions;
        this.linking = linking;
        this.throttle = throttle;
    }

    @GetMapping("/phr/oidc/return")
    String finish(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                  @RequestParam(required = false) String error, Authentication authentication,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        if (throttle.refused(request.getRemoteAddr())) {
            return OidcPages.result(model, response, 429, "oidc.throttled");
        }
        Object principal = authentication == null ? null : authentication.getPrincipal();
        RoundTrip.Pending pending;
        try {
            pending = roundTrip.take(request.getSession(false));
        } catch (Refused none) {
            sessions.refuse(null, RoundTrip.Purpose.LOGIN, null, null, none.reason(), request);
            return OidcPages.result(model, response, 400, "oidc.failed");
        }
        if (!sameAccount(pending, principal)) {
            return refused(pending, "the session is no longer the one that started the round trip", request, response,
                    model);
        }
        RoundTrip.Verified verified;
        try {
            verified = roundTrip.finish(pending, state, code, error);
        } catch (Refused refused) {
            return refused(pending, refused.reason(), request, response, model);
        }
        if (pending.purpose() == RoundTrip.Purpose.LINK) {
            return "redirect:/phr/mynumber?" + switch (linking.link(verified, pending.userId())) {
                case LINKED, ALREADY_LINKED -> "linked";
                case SUBJECT_TAKEN -> "taken";
                case ACCOUNT_TAKEN -> "accountTaken";
            };
        }
        return switch (accounts.resolve(verified)) {
            case OidcAccounts.Ready ready -> "redirect:" + sessions.complete(ready, verified, request, response);
            case OidcAccounts.Unlinked unlinked -> {
                sessions.refuse(pending.providerId(), pending.purpose(), null, null,
                        "subject not linked to any account, " + OidcSessions.fingerprint(verified), request);
                yield OidcPages.result(model, response, 403, "oidc.unlinked");
            }
            case OidcAccounts.NotAllowed no -> {
                boolean locked = sessions.refuse(pending.providerId(), pending.purpose(), no.userId(), no.loginId(),
                        no.reason() + ", " + OidcSessions.fingerprint(verified), request);
                yield locked || no.locked() ? sessions.lockedOut(request, no.userId(), no.loginId())
                        : OidcPages.result(model, response, 403, pending.purpose() == RoundTrip.Purpose.SECOND_STEP
                        ? "oidc.notThisAccount" : "oidc.failed");
            }
        };
    }

    /** The account that started the round trip is the one this session is signed in as (or at the password step of). */
    private static boolean sameAccount(RoundTrip.Pending pending, Object principal) {
        return switch (pending.purpose()) {
            case LOGIN -> !(principal instanceof SignedIn);
            case SECOND_STEP -> principal instanceof LoginAccount account && account.userId() == pending.userId();
            case LINK -> principal instanceof SignedIn me && me.userId() == pending.userId();
        };
    }

    private String refused(RoundTrip.Pending pending, String reason, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        if (pending.purpose() == RoundTrip.Purpose.LINK) {
            linking.refused(pending.providerId(), pending.userId(), reason);
            return "redirect:/phr/mynumber?failed";
        }
        String loginId = pending.userId() == null ? null : accounts.loginId(pending.userId());
        if (sessions.refuse(pending.providerId(), pending.purpose(), pending.userId(), loginId, reason, request)) {
            return sessions.lockedOut(request, pending.userId(), loginId);
        }
        return OidcPages.result(model, response, 400, "oidc.failed");
    }
}
