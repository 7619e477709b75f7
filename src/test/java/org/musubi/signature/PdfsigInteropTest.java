package org.musubi.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.musubi.signature.SigningFixtures.letterPdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.signature.SigningFixtures.TestCa;
import org.musubi.signature.SigningFixtures.World;
import org.musubi.signature.cms.CertificateSubjects;
import org.musubi.signature.keys.KeyIssuer;
import org.musubi.signature.keys.SoftwareDevice;
import org.musubi.testing.TestCertificates;

/**
 * Musubi's signatures against an independent implementation: poppler's {@code pdfsig} (Debian poppler-utils 22.x) with
 * an NSS certificate database (libnss3-tools' {@code certutil} and {@code pk12util}). pdfsig signs a PDF as PAdES
 * (ETSI.CAdES.detached) with a key from a test CA, and Musubi must find it VALID; Musubi signs a PDF, and pdfsig must
 * find the signature valid and its certificate trusted. Skipped, saying so, where the tools are not installed
 * ({@code .ci/run} installs them).
 */
class PdfsigInteropTest {

    private static final String TOOLS = "pdfsig (poppler-utils), certutil and pk12util (libnss3-tools)";

    @TempDir
    Path dir;

    @BeforeAll
    static void toolsArePresent() {
        assumeThat(onPath("pdfsig") && onPath("certutil") && onPath("pk12util"))
                .as("skipped: " + TOOLS + " are not installed (apt-get install poppler-utils libnss3-tools)")
                .isTrue();
    }

    @Test
    void aPadesSignatureMadeByPdfsigVerifiesAsValid() throws Exception {
        TestCa ca = TestCa.named("pdfsig interop test CA");
        Path nss = nssDatabaseTrusting(ca);
        KeyPair keys = new KeyIssuer().newKeyPair("RSA");
        Instant now = Instant.now();
        X509Certificate certificate = new KeyIssuer().issue(CertificateSubjects.of("外部 署名者", "外部ツール診療所",
                Optional.of("3412345674"), "DOCTOR"), keys, ca.certificate(), ca.keys().getPrivate(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        importKey(nss, keys, certificate, ca.certificate());
        Path unsigned = dir.resolve("letter.pdf");
        Files.write(unsigned, letterPdf());
        Path signed = dir.resolve("signed-by-pdfsig.pdf");

        String output = run("pdfsig", "-nssdir", "sql:" + nss, "-nss-pwd", "", "-add-signature",
                "-nick", "external", "-new-signature-field-name", "Signature1", unsigned.toString(), signed.toString());

        assertThat(signed).as("pdfsig wrote the signed PDF: " + output).exists();
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            // pdfsig 22.12 signs as adbe.pkcs7.detached only ("-etsi is not supported yet with -add-signature"): a CMS
            // detached signature over the byte range, PAdES part 2 (ETSI TS 102 778-2), which Musubi reads as it reads its own
            assertThat(document.getSignatureDictionaries().getFirst().getSubFilter()).isEqualTo("adbe.pkcs7.detached");
        }
        World world = new World();
        world.configuredAnchors.add(ca.certificate());
        Verification verification = world.signatures().verifyPdf(Files.readAllBytes(signed));
        assertThat(verification.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(verification.signer().orElseThrow().name()).isEqualTo("外部 署名者");
        assertThat(new World().signatures().verifyPdf(Files.readAllBytes(signed)).status())
                .as("the same signature without its CA trusted").isEqualTo(SignatureStatus.UNKNOWN_CA);
    }

    @Test
    void pdfsigFindsMusubisSignatureValidAndItsCertificateTrusted() throws Exception {
        TestCa ca = TestCa.named("Musubi interop test CA");
        Path nss = nssDatabaseTrusting(ca);
        SoftwareDevice signer = ca.signer("結野 医子");
        Path signed = dir.resolve("signed-by-musubi.pdf");
        Files.write(signed, new World().signatures().signPdf(signer, letterPdf()));

        String output = run("pdfsig", "-nssdir", "sql:" + nss, "-nss-pwd", "", signed.toString());

        assertThat(output).contains("Signature Validation: Signature is Valid.")
                .contains("Certificate Validation: Certificate is Trusted.")
                .contains("Signature Type: ETSI.CAdES.detached")
                .contains("Total document signed");
    }

    @Test
    void pdfsigFindsATamperedMusubiSignatureInvalid() throws Exception {
        TestCa ca = TestCa.named("Musubi tamper test CA");
        Path nss = nssDatabaseTrusting(ca);
        byte[] bytes = new World().signatures().signPdf(ca.signer("結野 医子"), letterPdf());
        bytes[SigningFixtures.indexOf(bytes, "Musubi Taro")] = 'N';
        Path signed = dir.resolve("tampered.pdf");
        Files.write(signed, bytes);

        String output = run("pdfsig", "-nssdir", "sql:" + nss, "-nss-pwd", "", signed.toString());

        assertThat(output).contains("Signature Validation: Digest Mismatch.");
    }

    /*
     * pdfsig is run without -no-ocsp: in 22.12 that flag makes NSS answer "Unknown issue with Certificate" for any
     * certificate without revocation information. The test certificates name no OCSP responder, so nothing is fetched.
     */
    private Path nssDatabaseTrusting(TestCa ca) throws Exception {
        Path nss = Files.createDirectories(dir.resolve("nss"));
        run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, TestCertificates.pem(ca.certificate()), StandardCharsets.US_ASCII);
        run("certutil", "-A", "-d", "sql:" + nss, "-n", "test-ca", "-t", "CT,C,C", "-i", pem.toString());
        return nss;
    }

    private void importKey(Path nss, KeyPair keys, X509Certificate certificate, X509Certificate ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "interop".toCharArray();
        store.setKeyEntry("external", keys.getPrivate(), password, new Certificate[] {certificate, ca});
        Path p12 = dir.resolve("signer.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password);
        }
        run("pk12util", "-i", p12.toString(), "-d", "sql:" + nss, "-W", "interop", "-K", "");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return output;
    }

    private static boolean onPath(String tool) {
        List<String> path = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return path.stream().anyMatch(p -> !p.isBlank() && Files.isExecutable(Path.of(p, tool)));
    }
}
