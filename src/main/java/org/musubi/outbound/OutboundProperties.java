package org.musubi.outbound;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the operator allows configured connections to reach besides the internet.
 *
 * @param allow addresses ({@code 10.0.1.20}, {@code fd00::5}), CIDR blocks ({@code 10.0.1.0/24}) and host names
 *              ({@code orca.clinic.example.jp}: whatever it resolves to) that connectors may reach although they are
 *              loopback, link-local, private or otherwise internal; empty: none. A wrong entry stops the start
 */
@ConfigurationProperties("musubi.outbound")
public record OutboundProperties(@DefaultValue List<String> allow) {

    public OutboundProperties {
        allow = List.copyOf(allow);
        OutboundRules.of(allow);
    }
}
