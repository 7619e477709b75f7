package org.musubi.publicsite.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.musubi.publicsite.PublicThrottle;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts every public page against the client's address (as the proxy forwards it) and answers 429 with Retry-After
 * and a short page in Japanese and English over the limit. Inside Spring MVC, so the answer carries the security
 * chain's headers as every page does.
 */
class PublicThrottleInterceptor implements HandlerInterceptor {

    private final PublicThrottle throttle;

    PublicThrottleInterceptor(PublicThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        OptionalLong retryAfter = throttle.admit(request.getRemoteAddr());
        if (retryAfter.isEmpty()) {
            return true;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(retryAfter.getAsLong()));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>429</title></head><body>
                <h1>アクセスが集中しています</h1>
                <p>この接続元からのアクセスが短い時間に多すぎるため、一時的にお断りしています。しばらくしてから再度お試しください。</p>
                <p lang="en">Too many requests from this address. Please try again in a little while.</p></body></html>""");
        return false;
    }
}
