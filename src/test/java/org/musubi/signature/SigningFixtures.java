package org.musubi.signature;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.musubi.photos.TestPictures;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.security.SecretBox;
import org.musubi.signature.cms.CertificateSubjects;
import org.musubi.signature.cms.CmsVerifier;
import org.musubi.signature.cms.TrustAnchors;
import org.musubi.signature.keys.DemoAuthority;
import org.musubi.signature.keys.KeyIssuer;
import org.musubi.signature.keys.KeySettings;
import org.musubi.signature.keys.SealedKeys;
import org.musubi.signature.keys.SignerProfiles;
import org.musubi.signature.keys.SigningKeys;
import org.musubi.signature.keys.SoftwareDevice;
import org.musubi.signature.keys.SoftwareKeys;

/** Test PDFs made with PDFBox, test CAs and signers, and a whole {@link Signatures} over keys kept in memory. */
final class SigningFixtures {

    static final long DOCTOR = 7;
    static final long RESIDENT = 8;
    static final String LETTER_TEXT = "Referral letter for Musubi Taro";

    private SigningFixtures() {
    }

    /** A one-page PDF with an uncompressed content stream holding {@link #LETTER_TEXT}, so a test can find and change it. */
    static byte[] letterPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.OVERWRITE, false)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 700);
                text.showText(LETTER_TEXT);
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bundleJson() {
        return """
                {"resourceType":"Bundle","type":"document","identifier":{"system":"http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier","value":"1311234567^2026^1"},
                 "entry":[{"fullUrl":"urn:uuid:0a1b","resource":{"resourceType":"Composition","status":"final","title":"診療情報提供書"}}]}"""
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The index of {@code text}'s first byte in {@code bytes}. */
    static int indexOf(byte[] bytes, String text) {
        int at = TestPictures.indexOf(bytes, text.getBytes(StandardCharsets.ISO_8859_1));
        if (at < 0) {
            throw new AssertionError(text + " not found");
        }
        return at;
    }

    /** A test CA of its own (not the demo CA) with its key. */
    record TestCa(X509Certificate certificate, KeyPair keys) {

        static TestCa named(String name) {
            KeyIssuer issuer = new KeyIssuer();
            KeyPair keys = issuer.newKeyPair("EC");
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
            Instant now = Instant.now();
            return new TestCa(issuer.selfSignedCa(subject, keys, now.minus(Duration.ofDays(3650)),
                    now.plus(Duration.ofDays(3650))), keys);
        }

        /** A signer's device whose certificate is valid from {@code notBefore} to {@code notAfter}. */
        SoftwareDevice signer(String name, String algorithm, Instant notBefore, Instant notAfter) {
            Issued issued = issue(name, algorithm, notBefore, notAfter);
            return new SoftwareDevice(issued.key(), issued.chain());
        }

        /** A signer's key and chain (the signer's certificate, then this CA's). */
        Issued issue(String name, String algorithm, Instant notBefore, Instant notAfter) {
            KeyIssuer issuer = new KeyIssuer();
            KeyPair pair = issuer.newKeyPair(algorithm);
            X509Certificate certificate = issuer.issue(CertificateSubjects.of(name, "テスト病院", Optional.of("3412345674"),
                    "DOCTOR"), pair, this.certificate, keys.getPrivate(), notBefore, notAfter);
            return new Issued(pair.getPrivate(), List.of(certificate, this.certificate));
        }

        SoftwareDevice signer(String name) {
            Instant now = Instant.now();
            return signer(name, "EC", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        }
    }

    /** A signer's private key and certificate chain. */
    record Issued(PrivateKey key, List<X509Certificate> chain) {
    }

    /** Signing keys in memory, as {@code signing_key} keeps them. */
    static final class MemoryKeys implements SigningKeys {

        final List<NewKey> rows = new ArrayList<>();
        final List<Long> superseded = new ArrayList<>();

        @Override
        public Optional<StoredKey> liveCa() {
            return live(Optional.empty());
        }

        @Override
        public Optional<StoredKey> liveKeyOf(long userId) {
            return live(Optional.of(userId));
        }

        private Optional<StoredKey> live(Optional<Long> owner) {
            for (int id = rows.size() - 1; id >= 0; id--) {
                NewKey row = rows.get(id);
                if (row.userId().equals(owner) && !superseded.contains((long) id)) {
                    return Optional.of(new StoredKey(id, row.algorithm(), row.certificate(), row.sealedPrivateKey()));
                }
            }
            return Optional.empty();
        }

        @Override
        public void store(NewKey key, Optional<Long> replaced) {
            replaced.ifPresent(superseded::add);
            rows.add(key);
        }
    }

    /** Everything a {@link Signatures} needs, in memory: the demo CA on, a doctor of a hospital, a resident. */
    static final class World {

        final MemoryKeys keys = new MemoryKeys();
        final SecretBox box = new SecretBox(SecretBox.newKey(new SecureRandom()));
        final KeySettings settings;
        final DemoAuthority authority;
        final List<X509Certificate> configuredAnchors = new ArrayList<>();
        boolean readOnly;

        World(String algorithm, boolean demoCa) {
            settings = new KeySettings(algorithm, Duration.ofDays(730), Duration.ofDays(7300), demoCa);
            authority = new DemoAuthority(keys, new SealedKeys(box), new KeyIssuer(), Clock.systemUTC(), settings);
        }

        World() {
            this("EC", true);
        }

        Signatures signatures() {
            Users users = mock(Users.class);
            when(users.find(DOCTOR)).thenReturn(Optional.of(new User(DOCTOR, "doctor", "結野 医子", "ユイノ イコ",
                    Profession.DOCTOR, List.of(new User.Membership(1, false)), false, UserStatus.ACTIVE, false, null, 0)));
            when(users.find(RESIDENT)).thenReturn(Optional.of(new User(RESIDENT, "resident", "結野 太郎", "ユイノ タロウ",
                    Profession.RESIDENT, List.of(), false, UserStatus.ACTIVE, false, 99L, 0)));
            Facilities facilities = mock(Facilities.class);
            when(facilities.find(1)).thenReturn(Optional.of(new Facility(1, "結び総合病院", "ムスビソウゴウビョウイン",
                    FacilityKind.HOSPITAL, new MedicalInstitutionCode("3412345674"), 34, "広島市", null, true, true,
                    FacilityStatus.ACTIVE)));
            SoftwareKeys software = new SoftwareKeys(keys, new SealedKeys(box), authority,
                    new SignerProfiles(users, facilities), Clock.systemUTC(), settings);
            CmsVerifier verifier = new CmsVerifier(new TrustAnchors(configuredAnchors, authority::certificate),
                    Clock.systemUTC());
            return new Signatures(software, verifier, () -> readOnly, Clock.systemUTC());
        }
    }
}
