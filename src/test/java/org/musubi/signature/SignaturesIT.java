package org.musubi.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.SecretBox;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing with the real database (V43): the demo CA is made once, a user's software key at their first signature and
 * kept, its private key sealed with the operator's key for that user only.
 */
@MusubiIntegrationTest
class SignaturesIT {

    @Autowired
    Signatures signatures;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretBox box;

    @Test
    void aDoctorsFirstSignatureIssuesAKeyThatLaterSignaturesReuse() {
        User doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);

        byte[] pdf = signatures.signPdf(doctor.id(), SigningFixtures.letterPdf());
        byte[] bundleSignature = signatures.signBundle(doctor.id(), SigningFixtures.bundleJson());

        Verification verification = signatures.verifyPdf(pdf);
        assertThat(verification.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(verification.signer().orElseThrow().name()).isEqualTo(doctor.nameKanji());
        assertThat(verification.signer().orElseThrow().profession()).contains("DOCTOR");
        assertThat(signatures.verifyBundle(SigningFixtures.bundleJson(), bundleSignature).status())
                .isEqualTo(SignatureStatus.VALID);
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key WHERE purpose = 'DEMO_CA'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key WHERE user_id = ?").param(doctor.id()).query(Long.class)
                .single()).as("one key, reused by the second signature").isEqualTo(1);
    }

    @Test
    void theStoredPrivateKeyOpensOnlyAsItsOwnersWithTheOperatorsKey() {
        User doctor = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        signatures.signBundle(doctor.id(), SigningFixtures.bundleJson());

        byte[] sealed = jdbc.sql("SELECT sealed_private_key FROM signing_key WHERE user_id = ?").param(doctor.id())
                .query(byte[].class).single();

        assertThat(box.openBytes("signature.private-key:user:" + doctor.id(), sealed)).isNotEmpty();
        assertThatThrownBy(() -> box.openBytes("signature.private-key:user:" + (doctor.id() + 1), sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFacilitysSystemCannotHoldASigningKey() {
        User system = accounts.staff(FacilityKind.HOSPITAL, Profession.FACILITY_SYSTEM);

        assertThatThrownBy(() -> signatures.signBundle(system.id(), SigningFixtures.bundleJson()))
                .isInstanceOf(SigningRefused.class);
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key WHERE user_id = ?").param(system.id()).query(Long.class)
                .single()).isZero();
    }
}
