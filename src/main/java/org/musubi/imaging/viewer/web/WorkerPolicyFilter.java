package org.musubi.imaging.viewer.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A dedicated worker runs under the CSP of its own script's response, not the page's: the image loader's decoding
 * worker ({@code /js/vendor/cornerstone/decodeImageFrameWorker.js}, a static file) is served with the viewer page's
 * policy ({@link ViewerController#POLICY}, which allows {@code 'wasm-unsafe-eval'}) so that it may compile its WASM
 * codecs; every other static file keeps the site's policy.
 */
@Component
class WorkerPolicyFilter extends OncePerRequestFilter {

    static final String WORKER = "/js/vendor/cornerstone/decodeImageFrameWorker.js";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + WORKER);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", ViewerController.POLICY);
        chain.doFilter(request, response);
    }
}
