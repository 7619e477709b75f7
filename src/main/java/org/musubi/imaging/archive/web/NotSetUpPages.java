package org.musubi.imaging.archive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.musubi.imaging.archive.OrthancClient;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Without an archive, every imaging page (the viewer, remote reading's lists and requests, double reading, the
 * operators' imaging pages, and the forms they post) is answered by the page "imaging is not set up" ({@link
 * NotSetUpController}, forwarded to, so that it has the site's header like any page) instead of its own — which would
 * answer nothing useful: no study can be opened, and a list would be empty or a 404. Decided from the setting alone,
 * the same for every user and every path: it reads no patient data and tells nothing about any. Runs after the
 * security chains: who may not reach a path (a resident, a clinician on {@code /admin/**}) is refused as before. The
 * machines' routes (the DICOMweb proxy, STOW-RS, the AI services' callback and pixels) are not pages and keep their own
 * answers.
 */
final class NotSetUpPages implements HandlerInterceptor {

    /** The imaging pages and the forms they post. */
    static final List<String> PAGES = List.of("/imaging/viewer/**", "/imaging/reading/**", "/imaging/double/**",
            "/imaging/programmes/**", "/imaging/ai/requests", "/admin/imaging/**");

    private final OrthancClient archive;

    NotSetUpPages(OrthancClient archive) {
        this.archive = archive;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (archive.settings().configured()) {
            return true;
        }
        request.getRequestDispatcher(NotSetUpController.PATH).forward(request, response);
        return false;
    }
}
