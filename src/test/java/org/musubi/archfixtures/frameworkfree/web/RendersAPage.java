package org.musubi.archfixtures.frameworkfree.web;

import org.springframework.dao.DataAccessException;
import org.springframework.ui.Model;

/** An adapter in a {@code web} sub-package: framework types and their exceptions belong here, so no rule flags it. */
final class RendersAPage {

    String render(Model model, Runnable work) {
        try {
            work.run();
        } catch (DataAccessException e) {
            model.addAttribute("failed", true);
        }
        return "page";
    }
}
