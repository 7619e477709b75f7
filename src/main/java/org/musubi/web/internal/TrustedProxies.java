package org.musubi.web.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Musubi believes (issue 66): only the reverse proxies the
 * operator names in {@code musubi.web.trusted-proxies}, nobody's by default. Behind an unnamed proxy every request
 * counts as the proxy's; a client that is not a named proxy cannot pass itself off as another address — not in the
 * audit trail, not past the per-address throttles, not as loopback for {@code /actuator/prometheus}. Tomcat's own
 * default would believe every private address (10/8, 172.16/12, 192.168/16, loopback …), where a regional network's
 * facilities themselves often are. The forwarded headers are read by Tomcat's RemoteIpValve
 * ({@code server.forward-headers-strategy=native}, application.yml); this sets the proxies it believes, as CIDR
 * blocks, after Spring Boot made it. An operator who set {@code server.tomcat.remoteip.internal-proxies} (what these
 * docs said before) keeps that setting.
 */
final class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f]*:[0-9a-f:.]*");
    private final WebProperties properties;
    private final Environment environment;

    TrustedProxies(WebProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * {@code entry} as a CIDR block: an address is a block of one.
     *
     * @throws IllegalArgumentException not an address nor a CIDR block, naming the setting and the entry
     */
    static String block(String entry) {
        String text = entry.strip().toLowerCase(Locale.ROOT);
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !IPV6.matcher(address).matches()) {
            throw wrong(entry);
        }
        String block = slash < 0 ? address + (v4 ? "/32" : "/128") : text;
        try {
            new NetMask(block); // Tomcat's own reading of it, as the valve will read it
        } catch (IllegalArgumentException e) {
            throw wrong(entry);
        }
        return block;
    }

    private static IllegalArgumentException wrong(String entry) {
        return new IllegalArgumentException("musubi.web.trusted-proxies: not an address or a CIDR block (10.0.1.10,"
                + " 10.0.1.0/28): " + entry);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (environment.containsProperty("server.tomcat.remoteip.internal-proxies")) {
            log.info("X-Forwarded-For is believed as server.tomcat.remoteip.internal-proxies says; "
                    + "musubi.web.trusted-proxies is not used");
            return;
        }
        String blocks = String.join(",", properties.trustedProxies());
        factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .forEach(valve -> valve.setInternalProxies(blocks));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's customizer, which adds the valve
    }
}
