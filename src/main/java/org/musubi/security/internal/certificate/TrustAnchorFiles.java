package org.musubi.security.internal.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operator's trust anchors, read from their PEM files at each certificate login (a few kilobytes, and logins are
 * rare), so that replacing a file needs no restart. A file that cannot be read is logged and counts as no anchor:
 * its certificates then log nobody in.
 */
@Component
class TrustAnchorFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchorFiles.class);
    private final List<Path> files;

    TrustAnchorFiles(CertificateLoginProperties properties) {
        this.files = properties.trustAnchors();
        if (properties.enabled()) {
            files.stream().filter(f -> !Files.isReadable(f))
                    .forEach(f -> LOG.warn("Trust anchor file {} for certificate login cannot be read (yet)", f));
        }
    }

    List<X509Certificate> load() {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : files) {
            try {
                anchors.addAll(PemCertificates.parse(Files.readString(file, StandardCharsets.US_ASCII)));
            } catch (IOException | CertificateException e) {
                LOG.error("Trust anchor file {} for certificate login cannot be read: {}", file, e.toString());
            }
        }
        return anchors;
    }
}
