package org.musubi.security.internal.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.musubi.registry.Administrator;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's client certificates on the operator's screens ({@code /admin/users/{id}/certificates}): the list with
 * subject, issuer, serial, SHA-256 fingerprint and validity, registering one (a PEM file or pasted text) and revoking
 * one. A user the administrator does not manage, an id nobody has, and a certificate that is not that user's all
 * answer the same 404.
 */
@Controller
class CertificateAdminController {

    private final ClientCertificateAdministration certificates;

    CertificateAdminController(ClientCertificateAdministration certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/admin/users/{userId}/certificates")
    String list(@AuthenticationPrincipal SignedIn me, @PathVariable long userId, Model model) {
        ClientCertificateAdministration.Managed managed = certificates.of(admin(me), userId)
                .orElseThrow(CertificateAdminController::notFound);
        model.addAttribute("managedUser", managed.user());
        model.addAttribute("certificates", managed.certificates());
        return "admin/user-certificates";
    }

    @PostMapping("/admin/users/{userId}/certificates")
    String register(@AuthenticationPrincipal SignedIn me, @PathVariable long userId,
                    @RequestParam(required = false) String pem, @RequestParam(required = false) MultipartFile pemFile,
                    RedirectAttributes redirect) throws IOException {
        String text = pemFile != null && !pemFile.isEmpty() ? read(pemFile) : pem;
        switch (certificates.register(admin(me), userId, text)) {
            case ClientCertificateAdministration.Added added ->
                    redirect.addFlashAttribute("registered", added.fingerprint());
            case ClientCertificateAdministration.Invalid invalid ->
                    redirect.addFlashAttribute("fault", invalid.messageKey());
            case ClientCertificateAdministration.NotFound none -> throw notFound();
        }
        return "redirect:/admin/users/" + userId + "/certificates";
    }

    @PostMapping("/admin/users/{userId}/certificates/{certificateId}/revoke")
    String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable long userId, @PathVariable long certificateId,
                  @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        if (!"yes".equals(confirmed)) {
            // asked once (issue 67): the list opens with the question (a list the caller may not see answers 404)
            redirect.addAttribute("confirm", certificateId);
            return "redirect:/admin/users/" + userId + "/certificates";
        }
        if (!certificates.revoke(admin(me), userId, certificateId)) {
            throw notFound();
        }
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/admin/users/" + userId + "/certificates";
    }

    private static Administrator admin(SignedIn me) {
        return new Administrator(me.userId(), me.networkAdmin(), me.adminFacilityIds());
    }

    /** At most {@link PemCertificates#MAX_PEM} bytes and one more, so that a longer file is refused as too long. */
    private static String read(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readNBytes(PemCertificates.MAX_PEM + 1), StandardCharsets.US_ASCII);
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
