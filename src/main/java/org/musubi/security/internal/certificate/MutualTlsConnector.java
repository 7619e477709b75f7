package org.musubi.security.internal.certificate;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Service;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The second connector for mutual TLS: HTTPS on its own address and port, with its own key store, that completes no
 * handshake without a client certificate its trust store accepts. Opened beside the ordinary connector once the web
 * server runs (when {@code musubi.security.certificates.mutual-tls.enabled}); a request carries the client's
 * certificate chain in {@value #CERTIFICATES} and is known to have come through this connector by its local port.
 */
@Component
public class MutualTlsConnector implements ApplicationListener<WebServerInitializedEvent> {

    /** The servlet request attribute holding the client's certificate chain (leaf first). */
    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    private static final Logger LOG = LoggerFactory.getLogger(MutualTlsConnector.class);
    private final CertificateLoginProperties.MutualTls settings;
    private volatile Service service;
    private volatile Connector connector;

    MutualTlsConnector(CertificateLoginProperties properties) {
        this.settings = properties.mutualTls();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat) {
            service = tomcat.getTomcat().getService();
            if (settings.enabled()) {
                open(settings);
            }
        }
    }

    /** Opens the connector with these settings (replacing one already open); returns the port it listens on. */
    public synchronized int open(CertificateLoginProperties.MutualTls with) {
        if (service == null) {
            throw new IllegalStateException("the web server is not running");
        }
        close();
        Connector opened = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        opened.setPort(with.port());
        opened.setProperty("address", with.address());
        opened.setScheme("https");
        opened.setSecure(true);
        opened.setProperty("SSLEnabled", "true");
        SSLHostConfig tls = new SSLHostConfig();
        tls.setProtocols("TLSv1.2+TLSv1.3");
        tls.setCertificateVerification("required");
        tls.setTruststoreFile(with.trustStore().toAbsolutePath().toString());
        tls.setTruststorePassword(with.trustStorePassword());
        tls.setTruststoreType(with.trustStoreType());
        SSLHostConfigCertificate key = new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        key.setCertificateKeystoreFile(with.keyStore().toAbsolutePath().toString());
        key.setCertificateKeystorePassword(with.keyStorePassword());
        key.setCertificateKeystoreType(with.keyStoreType());
        tls.addCertificate(key);
        opened.addSslHostConfig(tls);
        service.addConnector(opened);
        if (opened.getLocalPort() <= 0) {
            service.removeConnector(opened);
            throw new IllegalStateException("the mutual TLS connector did not start on " + with.address() + ":"
                    + with.port() + " (see the log above)");
        }
        connector = opened;
        LOG.info("Mutual TLS connector for certificate login listening on {}:{}", with.address(), opened.getLocalPort());
        return opened.getLocalPort();
    }

    /** Stops the connector, if open. */
    public synchronized void close() {
        Connector open = connector;
        connector = null;
        if (open != null && service != null) {
            service.removeConnector(open);
        }
    }

    /** Whether the request came through this connector. */
    boolean servedBy(HttpServletRequest request) {
        Connector open = connector;
        return open != null && request.getLocalPort() == open.getLocalPort() && request.isSecure();
    }
}
