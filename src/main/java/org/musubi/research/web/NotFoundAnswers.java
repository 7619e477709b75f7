package org.musubi.research.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.musubi.research.ResearchDesk;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A project the caller may not see answers exactly like a page that does not exist: the same 404 the rest of Musubi
 * sends ({@code sendError}, rendered by the error page). The refusal was audited where it was decided.
 */
@ControllerAdvice(basePackageClasses = NotFoundAnswers.class)
class NotFoundAnswers {

    @ExceptionHandler(ResearchDesk.NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
