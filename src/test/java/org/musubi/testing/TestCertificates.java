package org.musubi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for a test with Bouncy Castle: a certificate authority, certificates it issues for a user (client
 * authentication, with the validity a test chooses) or a server (TLS, for {@code localhost} and {@code 127.0.0.1}),
 * and their export as PEM, a PKCS#12 key store, a trust store or a ready {@link SSLContext}. Keys are EC P-256, fast to
 * make. Nothing here is kept between runs; every authority is new.
 */
public final class TestCertificates {

    /** The password of every key store this class writes. */
    public static final char[] PASSWORD = "changeit".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /**
     * A certificate with its key pair and the chain that leads to its authority (itself first).
     *
     * @param chain the certificate, then its issuers (an authority's chain is itself)
     */
    public record Issued(X509Certificate certificate, KeyPair keys, List<X509Certificate> chain) {

        /** The certificate as PEM text. */
        public String pem() {
            return TestCertificates.pem(certificate);
        }

        /** A PKCS#12 key store with the key and the chain under the alias {@code key}, password {@link #PASSWORD}. */
        public KeyStore keyStore() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", keys.getPrivate(), PASSWORD, chain.toArray(X509Certificate[]::new));
                return store;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@link #keyStore()} written to a file. */
        public Path writeKeyStore(Path file) {
            return write(keyStore(), file);
        }
    }

    /** A new self-signed certificate authority, valid from a day ago for ten years. */
    public static Issued authority(String commonName) {
        KeyPair keys = keyPair();
        X500Name name = name(commonName);
        Instant now = Instant.now();
        return sign(builder(name, name, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), keys),
                keys, null, List.of(), b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
    }

    /** A new intermediate certificate authority issued by {@code parent}, valid from a day ago for five years. */
    public static Issued authority(String commonName, Issued parent) {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        return sign(builder(name(parent.certificate()), name(commonName), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1825)), keys), keys, parent, parent.chain(), b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
    }

    /** A user's certificate for client authentication issued by {@code authority}, valid in exactly this period. */
    public static Issued user(Issued authority, String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keys = keyPair();
        return sign(builder(name(authority.certificate()), name(commonName), notBefore, notAfter, keys), keys, authority,
                authority.chain(), b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                });
    }

    /** A user's certificate valid from an hour ago for a year. */
    public static Issued user(Issued authority, String commonName) {
        Instant now = Instant.now();
        return user(authority, commonName, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    /** A TLS server certificate for {@code localhost} and {@code 127.0.0.1}, valid from an hour ago for a year. */
    public static Issued server(Issued authority) {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        return sign(builder(name(authority.certificate()), name("localhost"), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(365)), keys), keys, authority, authority.chain(), b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
                });
    }

    /** Certificates as PEM text, one block each. */
    public static String pem(X509Certificate... certificates) {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                text.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    /** A PKCS#12 trust store holding these certificates as trusted entries, password {@link #PASSWORD}. */
    public static KeyStore trustStore(X509Certificate... anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.length; i++) {
                store.setCertificateEntry("anchor-" + i, anchors[i]);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key store written to a file (created or replaced), password {@link #PASSWORD}. */
    public static Path write(KeyStore store, Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, PASSWORD);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes.toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS client context that trusts these authorities and presents {@code client}'s key (none when null). */
    public static SSLContext clientContext(Issued client, X509Certificate... trusted) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(trusted));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            KeyStore own = client == null ? KeyStore.getInstance("PKCS12") : client.keyStore();
            if (client == null) {
                own.load(null, null);
            }
            keys.init(own, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Instant notBefore,
                                                    Instant notAfter, KeyPair keys) {
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
    }

    private static Issued sign(X509v3CertificateBuilder builder, KeyPair keys, Issued issuer,
                               List<X509Certificate> issuerChain, Extensions extensions) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(
                    issuer == null ? keys.getPublic() : issuer.keys().getPublic()));
            extensions.add(builder);
            KeyPair signer = issuer == null ? keys : issuer.keys();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuerChain);
            return new Issued(certificate, keys, List.copyOf(chain));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, "Musubi test")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static X500Name name(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }
}
