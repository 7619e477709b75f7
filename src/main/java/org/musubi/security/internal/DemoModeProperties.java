package org.musubi.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one setting of demo mode that login reads (the demo module's own settings, which depend on security, are
 * {@code demo.DemoProperties}).
 *
 * @param enabled demo mode: demo accounts may log in and the login pages show their codes
 */
@ConfigurationProperties("musubi.demo")
public record DemoModeProperties(@DefaultValue("false") boolean enabled) {
}
