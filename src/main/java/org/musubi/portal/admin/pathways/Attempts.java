package org.musubi.portal.admin.pathways;

import java.util.List;
import org.musubi.carenet.catalog.CatalogRefused;
import org.musubi.pathway.TemplateRejected;
import org.musubi.registry.FieldFault;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One change on the editor's pages: done, or its faults (each naming the item and the reason) carried to the page
 * it came from; a template, version, stage or item that is not there answers 404 like any unknown address.
 */
final class Attempts {

    private Attempts() {
    }

    static String run(RedirectAttributes redirect, String back, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", done);
        } catch (TemplateRejected e) {
            redirect.addFlashAttribute("faults", e.faults().stream()
                    .map(f -> new FieldFault(f.item(), f.reason(), List.<Object>copyOf(f.args()))).toList());
        } catch (CatalogRefused e) {
            if (e.key().equals(CatalogRefused.NOT_FOUND)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("faults", List.of(FieldFault.of(e.argument(), e.key(), e.argument())));
        }
        return "redirect:" + back;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
