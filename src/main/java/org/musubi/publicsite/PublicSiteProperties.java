package org.musubi.publicsite;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public site ({@code musubi.public.*}).
 *
 * @param pagesPerWindow the pages one client address may open per window before it gets 429
 * @param window         the window (fixed, counted from the address's first page)
 */
@ConfigurationProperties("musubi.public")
public record PublicSiteProperties(@DefaultValue("60") int pagesPerWindow, @DefaultValue("1m") Duration window) {
}
