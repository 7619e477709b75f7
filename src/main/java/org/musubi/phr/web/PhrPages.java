package org.musubi.phr.web;

import jakarta.servlet.http.HttpServletResponse;
import org.musubi.security.SignedIn;
import org.springframework.ui.Model;

/** What the notebook's pages share: the one answer for whatever is not the resident's or does not exist. */
final class PhrPages {

    private PhrPages() {
    }

    /** The notebook's "not found" page (404): the same whatever was asked, naming nothing of it. */
    static String notFound(SignedIn me, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("resident", me);
        return "phr/not-found";
    }
}
