package org.musubi.portal.admin.persons;

import org.musubi.consent.Refused;
import org.musubi.identity.IdentityConflict;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs one change from a person's page and goes back to it, saying what was done, or why it could
 * not be done (the message key of an {@link IdentityConflict} or {@link Refused}) instead of an error page.
 */
final class PersonChanges {

    private PersonChanges() {
    }

    static String apply(long personId, RedirectAttributes redirect, String doneKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (IdentityConflict conflict) {
            redirect.addFlashAttribute("error", conflict.messageKey());
        } catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:/admin/persons/" + personId;
    }

    /** A typed reason, or null when left blank. */
    static String reason(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
