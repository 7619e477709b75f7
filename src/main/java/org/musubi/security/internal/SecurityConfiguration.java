package org.musubi.security.internal;

import org.musubi.registry.Users;
import org.musubi.security.internal.lockout.LockNotices;
import org.musubi.security.internal.lockout.LockedLoginFilter;
import org.musubi.security.internal.lockout.LoginThrottleFilter;
import org.musubi.security.internal.login.LoginAccount;
import org.musubi.security.internal.login.LoginOutcomes;
import org.musubi.security.internal.session.ActiveSessionFilter;
import org.musubi.security.internal.session.CurrentActor;
import org.musubi.security.internal.session.SessionUpgrade;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.musubi.security.LoginThrottle;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may reach what. Everything needs a full two-factor session except the login pages, static
 * assets, the health probe and the front door {@code /} (the public site to anyone not signed in); {@code /admin} needs an admin role and answers 401/403, never a page.
 * Residents (the health notebook, {@code /phr}) log in through the same steps, and their session reaches
 * {@code /phr} only; staff sessions never reach {@code /phr} (its registration pages come before any login).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /**
     * Spring Security's own observations are off: with Micrometer present it would wrap every filter of every chain in
     * an observation (a timer and its context for each of some twenty filters a request), about a tenth of the CPU of a
     * page or API request in the attacker suite's profile. The server's request metrics ({@code http.server.requests})
     * are Spring MVC's and stay.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, LoginOutcomes outcomes, Audit audit, LoginThrottle throttle, Users users,
                            LockNotices notices) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LockedLoginFilter(outcomes, notices), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ActiveSessionFilter(users, audit), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/certificate", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/phr/login", "/phr/register",
                                "/phr/register/account", "/phr/login/mynumber", "/phr/oidc/callback", "/phr/oidc/return")
                        .permitAll()
                        // a facility's participation application and its status page (issue 45): public, CSRF-protected
                        .requestMatchers("/apply", "/apply/status", "/apply/status/resubmit").permitAll()
                        // residents' apps (SMART): discovery, keys, and the authorization endpoint, which itself sends
                        // whoever is not a resident signed in with both factors to the notebook's login
                        .requestMatchers("/.well-known/smart-configuration", "/.well-known/openid-configuration",
                                "/oauth2/jwks", "/oauth2/authorize").permitAll()
                        .requestMatchers("/actuator/prometheus").access(loopbackOnly())
                        .requestMatchers("/login/second-factor", "/login/enrol", "/login/passkey", "/login/passkey/options")
                        .hasAuthority(LoginAccount.PASSWORD_ONLY)
                        .requestMatchers("/account/password").hasAnyAuthority(SessionUpgrade.PASSWORD_CHANGE, "ROLE_USER")
                        .requestMatchers("/admin", "/admin/", "/admin/users", "/admin/users/**", "/admin/api-clients",
                                "/admin/api-clients/**", "/admin/imports", "/admin/imports/**", "/admin/identifier-systems",
                                "/admin/facilities/*/identifier-systems", "/admin/facilities/*/identifier-systems/**")
                        .hasAnyRole("NETWORK_ADMIN", "FACILITY_ADMIN")
                        .requestMatchers("/admin/**").hasRole("NETWORK_ADMIN")
                        // the network's public site (issue 45, publicsite): no login, GET pages only, throttled per address
                        .requestMatchers("/public", "/public/**").permitAll()
                        .requestMatchers("/phr", "/phr/**").hasRole("RESIDENT")
                        // the front door: the public site to an anonymous visitor, the home to a signed-in user; a
                        // session half-way through its login is sent on to its next step, as before
                        .requestMatchers("/").access(frontDoor())
                        .anyRequest().hasRole("USER"))
                .formLogin(form -> form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        audit.record(AuditEntry.of(AuditAction.LOGOUT, Outcome.PERMIT).by(CurrentActor.of(authentication)));
                    }
                    response.sendRedirect(request.getContextPath() + "/login?logout");
                }))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginEntryPoint())
                        .accessDeniedHandler(new PendingStepOrForbidden(audit)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(self), microphone=(), geolocation=()")));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> frontDoor() {
        org.springframework.security.authentication.AuthenticationTrustResolver anonymous =
                new org.springframework.security.authentication.AuthenticationTrustResolverImpl();
        return (authentication, context) -> {
            org.springframework.security.core.Authentication who = authentication.get();
            return new AuthorizationDecision(who == null || anonymous.isAnonymous(who) || who.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_USER") || a.getAuthority().equals("ROLE_RESIDENT")));
        };
    }

    private static AuthorizationManager<RequestAuthorizationContext> loopbackOnly() {
        IpAddressMatcher v4 = new IpAddressMatcher("127.0.0.0/8");
        IpAddressMatcher v6 = new IpAddressMatcher("::1");
        return (authentication, context) -> new AuthorizationDecision(
                v4.matches(context.getRequest()) || v6.matches(context.getRequest()));
    }
}
