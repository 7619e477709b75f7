package org.musubi.portal.menu;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.musubi.security.SignedIn;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The route half of {@link Doors}: a guarded door's page (its list, the page its menu link opens) answers 404, as a
 * page that does not exist, to a signed-in user the door is closed to, so the link and the page never disagree. What
 * lies behind the page (a letter, a thread, a project by its id) keeps its own guard, the access policy's, with its
 * audit row.
 */
@Configuration(proxyBeanMethods = false)
class DoorGuard implements WebMvcConfigurer {

    private final Doors doors;

    DoorGuard(Doors doors) {
        this.doors = doors;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        String[] paths = java.util.Arrays.stream(Door.values()).filter(Door::guarded).map(Door::path)
                .toArray(String[]::new);
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws IOException {
                return admitted(request, response);
            }
        }).addPathPatterns(paths);
    }

    private boolean admitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth != null && auth.getPrincipal() instanceof SignedIn me)) {
            return true;
        }
        for (Door door : Door.values()) {
            if (door.guarded() && door.path().equals(path) && !doors.opens(me, door)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return false;
            }
        }
        return true;
    }
}
