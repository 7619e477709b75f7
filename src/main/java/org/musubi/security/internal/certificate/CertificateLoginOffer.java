package org.musubi.security.internal.certificate;

import jakarta.servlet.http.HttpServletRequest;
import org.musubi.security.internal.login.LoginAccount;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * On the login pages: whether "証明書でログイン / Sign in with a certificate" is offered here — with the proxy's header
 * path on, or on the mutual TLS connector.
 */
@ControllerAdvice(basePackageClasses = LoginAccount.class)
class CertificateLoginOffer {

    private final boolean header;
    private final MutualTlsConnector mutualTls;

    CertificateLoginOffer(CertificateLoginProperties properties, MutualTlsConnector mutualTls) {
        this.header = properties.header().enabled();
        this.mutualTls = mutualTls;
    }

    @ModelAttribute("certificateLogin")
    boolean offered(HttpServletRequest request) {
        return header || mutualTls.servedBy(request);
    }
}
