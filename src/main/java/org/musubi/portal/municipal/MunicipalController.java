package org.musubi.portal.municipal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.carenet.municipal.DocumentKind;
import org.musubi.carenet.municipal.ListMunicipalDocuments;
import org.musubi.carenet.municipal.PrintMunicipalDocument;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The lists of the 主治医意見書 and the 退院時情報共有 sheet — the municipality's outbox, the doctor's inbox, the
 * hospital's sent sheets, the care manager's inbox — and a document's PDF; and what the municipal pages read from a
 * request alike. Composing is {@link MunicipalComposeController}'s, a document's page and its acts {@link
 * MunicipalDocumentController}'s. Every read goes through a use case, which applies the access policy and writes the
 * one audit row; anything refused, and anything absent, gets the viewer's 404 ({@code portal/denied}).
 */
@Controller
class MunicipalController {

    private final ListMunicipalDocuments lists;
    private final PrintMunicipalDocument printing;
    private final DocumentPdf printer;

    MunicipalController(ListMunicipalDocuments lists, PrintMunicipalDocument printing, DocumentPdf printer) {
        this.lists = lists;
        this.printing = printing;
        this.printer = printer;
    }

    @GetMapping("/portal/municipal/opinions")
    String outbox(@AuthenticationPrincipal SignedIn me, Model model) {
        return list(model, me, DocumentKind.OPINION, true, "municipal.outbox");
    }

    @GetMapping("/portal/municipal/opinions/inbox")
    String inbox(@AuthenticationPrincipal SignedIn me, Model model) {
        return list(model, me, DocumentKind.OPINION, false, "municipal.inbox");
    }

    @GetMapping("/portal/municipal/sheets")
    String sheetsSent(@AuthenticationPrincipal SignedIn me, Model model) {
        return list(model, me, DocumentKind.DISCHARGE_SHEET, true, "municipal.sheets.outbox");
    }

    @GetMapping("/portal/municipal/sheets/inbox")
    String sheetsInbox(@AuthenticationPrincipal SignedIn me, Model model) {
        return list(model, me, DocumentKind.DISCHARGE_SHEET, false, "municipal.sheets.inbox");
    }

    @GetMapping("/portal/municipal/documents/{id}/pdf")
    void pdf(@AuthenticationPrincipal SignedIn me, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        Optional<byte[]> pdf = printing.printable(reader(me), uuid(id)).map(printer::pdf);
        if (pdf.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        UntrustedContent.inlineIfSafe(response, "application/pdf", "municipal-" + id);
        response.getOutputStream().write(pdf.get());
    }

    private String list(Model model, SignedIn me, DocumentKind kind, boolean sent, String titleKey) {
        model.addAttribute("rows", lists.list(reader(me), kind, sent));
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("sent", sent);
        model.addAttribute("kind", kind.name());
        model.addAttribute("now", java.time.Instant.now());
        return "portal/municipal/list";
    }

    static boolean confirmed(HttpServletRequest request) {
        return "yes".equals(request.getParameter("confirmed"));
    }

    /** The form's fields as sent (the CSRF token and the page's own parameters left out). */
    static Map<String, List<String>> fields(HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("_") && !Set.of("careManager", "facility", "doctor", "confirmed").contains(name)) {
                fields.put(name, List.of(values));
            }
        });
        return fields;
    }

    static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    static String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/denied";
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
