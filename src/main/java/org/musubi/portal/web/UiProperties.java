package org.musubi.portal.web;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The screens.
 *
 * @param zone the operators' time zone: every time a page shows (audit rows, emergency accesses, imports, cards,
 *             consents …) is written in it, and the calendar days of searches are its days
 */
@ConfigurationProperties("musubi.ui")
public record UiProperties(@DefaultValue("Asia/Tokyo") ZoneId zone) {
}
