package org.musubi.security.internal.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.musubi.security.internal.smart.AppBearerTokens;

/**
 * The machine side: {@code /oauth2/token} and the FHIR API on {@code /fhir}. Systems and residents' apps use bearer
 * tokens and no session: a bearer request never creates nor uses one ({@link ApiSecurityContexts}). A signed-in
 * browser user's existing session (its cookie is SameSite=Strict) is honoured for reads (GET) only, so no change
 * can ride on a cookie (no CSRF token is needed) — but for a researcher's cancelling of their own research export
 * ({@code DELETE /fhir/bulk/research-<x>}, issue 48). Errors are FHIR OperationOutcomes. It is ordered before the
 * browser chain, which handles everything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AppBearerTokens apps) throws Exception {
        http.securityMatcher("/fhir", "/fhir/**", "/oauth2/token", "/import/**", "/api/box/**", "/api/dicom-web/**")
                .addFilterBefore(new BearerTokenFilter(tokens, apps), AnonymousAuthenticationFilter.class)
                .securityContext(context -> context.securityContextRepository(new ApiSecurityContexts()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/oauth2/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata", "/fhir/.well-known/smart-configuration")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/fhir/**").hasAnyRole("API", "USER", BearerTokenFilter.PATIENT_APP)
                        // the one change a session makes on /fhir: a researcher cancels their own research export
                        // (issue 48); the SameSite=Strict cookie never rides a cross-site request, and a cross-site
                        // DELETE would need a CORS preflight that Musubi never grants
                        .requestMatchers(HttpMethod.DELETE, "/fhir/bulk/research-*").hasAnyRole("API", "USER")
                        // a resident's app reaches the FHIR API's write routes only to be refused there by its scopes,
                        // in the one audit row every call leaves; it never reaches the import routes
                        .requestMatchers("/fhir", "/fhir/**").hasAnyRole("API", BearerTokenFilter.PATIENT_APP)
                        .anyRequest().hasRole("API"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(response, null))
                        .accessDeniedHandler((request, response, e) -> outcome(response, 403, "forbidden",
                                "アクセスが許可されていません / Access denied")))
                .headers(headers -> headers.cacheControl(cache -> { }));
        return http.build();
    }

    static void unauthorized(HttpServletResponse response, String error) throws IOException {
        response.setHeader("WWW-Authenticate", error == null ? "Bearer realm=\"musubi\""
                : "Bearer realm=\"musubi\", error=\"" + error + "\"");
        outcome(response, 401, "login", error == null
                ? "アクセストークンが必要です（/oauth2/token で取得） / A bearer token from /oauth2/token is required"
                : "アクセストークンが無効か期限切れです / The bearer token is invalid or has expired");
    }

    static void outcome(HttpServletResponse response, int status, String code, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"code\":\"" + code + "\",\"diagnostics\":\"" + escaped + "\"}]}").getBytes(StandardCharsets.UTF_8));
    }
}
