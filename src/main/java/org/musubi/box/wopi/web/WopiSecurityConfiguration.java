package org.musubi.box.wopi.web;

import org.musubi.box.wopi.WopiAccess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The WOPI routes ({@code /wopi/**}) are called by the editor's server, not by a browser: authenticated by the access
 * token alone ({@link WopiTokenFilter}), never by a session (none is read, none created) and so with no CSRF token.
 * Ordered after the API's chain and before the browsers' chain, which handles everything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WopiSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain wopiSecurity(HttpSecurity http, WopiAccess access) throws Exception {
        http.securityMatcher("/wopi/**")
                .addFilterBefore(new WopiTokenFilter(access), AnonymousAuthenticationFilter.class)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(WopiTokenFilter.ROLE))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                WopiController.plain(response, 401, "box.wopi.badToken"))
                        .accessDeniedHandler((request, response, e) ->
                                WopiController.plain(response, 401, "box.wopi.badToken")));
        return http.build();
    }
}
