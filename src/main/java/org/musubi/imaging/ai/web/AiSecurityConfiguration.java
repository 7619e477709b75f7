package org.musubi.imaging.ai.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The two routes AI services call ({@code /imaging/ai/dicomweb/<pixel token>/studies/…}, GET;
 * {@code /imaging/ai/callback/<work item>}, POST) are called by a service's server, not by a browser: each request is
 * decided by its work item's token alone, in the controller ({@code AiPixels}, {@code AiCallbacks}); no session is
 * read or created, so no CSRF token is asked. Nothing else is reached through this chain: any other method or path
 * under it is refused. Ordered after the API's and WOPI's chains and before the browsers' chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AiSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain aiServiceSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/imaging/ai/dicomweb/**", "/imaging/ai/callback/**")
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/imaging/ai/dicomweb/*/studies/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/imaging/ai/callback/*").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> AiPixelController.notFound(response))
                        .accessDeniedHandler((request, response, e) -> AiPixelController.notFound(response)));
        return http.build();
    }
}
