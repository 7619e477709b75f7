package org.musubi.security.internal.passkey;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.security.SignedIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A signed-in resident's passkeys ({@code /phr/passkeys}): the list, adding one (creation options, then the browser's
 * attestation) and removing one. Each change is audited. TOTP stays: a passkey is an alternative second factor.
 */
@Controller
class PasskeyEnrolmentController {

    private static final int MAX_PASSKEYS = 10;
    private final PasskeyCeremonies ceremonies;
    private final Audit audit;

    PasskeyEnrolmentController(PasskeyCeremonies ceremonies, Audit audit) {
        this.ceremonies = ceremonies;
        this.audit = audit;
    }

    @GetMapping("/phr/passkeys")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("resident", me);
        model.addAttribute("passkeys", ceremonies.store().ofUser(me.userId()));
        return "phr/passkeys";
    }

    @PostMapping(value = "/phr/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> options(@AuthenticationPrincipal SignedIn me, HttpServletRequest request) {
        var existing = ceremonies.store().ofUser(me.userId());
        if (existing.size() >= MAX_PASSKEYS) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(ceremonies.creationOptions(request.getSession(), RelyingParty.of(request), me.userId(),
                me.loginId(), me.displayName(), existing));
    }

    @PostMapping(value = "/phr/passkeys", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> add(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String label,
                                            @RequestBody String attestation, HttpServletRequest request) {
        String name = label == null || label.isBlank() ? "passkey" : label.strip();
        name = name.length() > 64 ? name.substring(0, 64) : name;
        try {
            PasskeyCeremonies.Created created = ceremonies.verifyCreation(request.getSession(), RelyingParty.of(request),
                    attestation);
            long id = ceremonies.store().add(me.userId(), created.credentialId(), created.attestedData(),
                    created.signCount(), name);
            audit.record(AuditEntry.of(AuditAction.SECOND_FACTOR_ENROL, Outcome.PERMIT).on("User", me.userId())
                    .reason("passkey " + id + " added"));
            return ResponseEntity.ok(Map.of("redirect", request.getContextPath() + "/phr/passkeys?added"));
        } catch (PasskeyCeremonies.Refused | DuplicateKeyException refused) {
            audit.record(AuditEntry.of(AuditAction.SECOND_FACTOR_ENROL, Outcome.DENY).on("User", me.userId())
                    .reason(refused.getMessage() == null ? "passkey refused" : refused.getMessage()));
            return ResponseEntity.badRequest().body(Map.of("error", "passkey.refused"));
        }
    }

    /**
     * Removes one of the resident's own passkeys once confirmed ({@code confirmed=yes}); one click without it comes back
     * to the page with the question open (a passkey that is not theirs: back to the page, as the act itself answers).
     */
    @PostMapping("/phr/passkeys/{id}/remove")
    String remove(@AuthenticationPrincipal SignedIn me, @PathVariable long id,
                  @RequestParam(required = false) String confirmed) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67)
            boolean own = ceremonies.store().ofUser(me.userId()).stream().anyMatch(p -> p.id() == id);
            return own ? "redirect:/phr/passkeys?confirm=" + id : "redirect:/phr/passkeys";
        }
        if (ceremonies.store().remove(me.userId(), id)) {
            audit.record(AuditEntry.of(AuditAction.SECOND_FACTOR_RESET, Outcome.PERMIT).on("User", me.userId())
                    .reason("passkey " + id + " removed"));
        }
        return "redirect:/phr/passkeys";
    }
}
