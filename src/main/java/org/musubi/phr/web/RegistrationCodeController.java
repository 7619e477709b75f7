package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.musubi.phr.IssueRegistrationCode;
import org.musubi.security.SignedIn;
import org.musubi.web.QrSvg;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A facility's counter (from the patient viewer) or an operator (from the person's page) issues a resident a
 * registration code for the health notebook: the answer is the printable slip, with the code and a QR code of the
 * registration page's address carrying it. The code is shown this once. Whoever may not open the person gets the
 * viewer's one "cannot show" page, as for a person who does not exist.
 */
@Controller
class RegistrationCodeController {

    private final IssueRegistrationCode issue;

    RegistrationCodeController(IssueRegistrationCode issue) {
        this.issue = issue;
    }

    @PostMapping({"/portal/patients/{personId}/phr-code", "/admin/persons/{personId}/phr-code"})
    String issue(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        Optional<IssueRegistrationCode.Issued> issued = issue.issue(me.userId(), personId);
        if (issued.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "portal/denied";
        }
        String printed = issued.get().code().printed();
        String address = ServletUriComponentsBuilder.fromContextPath(request).path("/phr/register")
                .queryParam("code", printed).toUriString();
        model.addAttribute("personName", issued.get().personName());
        model.addAttribute("code", printed);
        model.addAttribute("expiresAt", issued.get().code().expiresAt());
        model.addAttribute("address", address);
        model.addAttribute("qr", QrSvg.of(address));
        return "phr/code-slip";
    }
}
