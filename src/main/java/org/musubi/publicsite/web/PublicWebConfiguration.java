package org.musubi.publicsite.web;

import org.musubi.publicsite.PublicThrottle;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every page under {@code /public} counts against its client's address. */
@Configuration(proxyBeanMethods = false)
class PublicWebConfiguration implements WebMvcConfigurer {

    private final PublicThrottle throttle;

    PublicWebConfiguration(PublicThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PublicThrottleInterceptor(throttle)).addPathPatterns("/public", "/public/**");
    }
}
