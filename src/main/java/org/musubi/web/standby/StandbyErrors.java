package org.musubi.web.standby;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.musubi.database.ReadOnlyStandbyException;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A write a page attempted all the same on a standby (a GET that records something, a use case that refuses with
 * {@link ReadOnlyStandbyException}, or PostgreSQL's own refusal in a read-only transaction): the standby's answer,
 * not an error page.
 */
final class StandbyErrors implements HandlerExceptionResolver, Ordered {

    private final StandbyAnswers answers;

    StandbyErrors(StandbyAnswers answers) {
        this.answers = answers;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception error) {
        if (!ReadOnlyStandbyException.causedBy(error)) {
            return null;
        }
        try {
            answers.refuse(request, response);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
