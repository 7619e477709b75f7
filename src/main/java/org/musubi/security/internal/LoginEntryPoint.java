package org.musubi.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Anonymous requests: pages redirect to the login form; {@code /admin} and non-page requests get
 * 401 with a short bilingual body that links to the login form.
 */
class LoginEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        boolean page = "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
        if (page && !path.startsWith("/admin")) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>401</title></head><body>
                <p>ログインが必要です。 / Login required.</p><p><a href="%s/login">ログイン / Log in</a></p>
                </body></html>""".formatted(request.getContextPath()));
    }
}
