package org.musubi.imaging.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.security.SecretBox;

/** The operators' rules for a service: network admins only, every field checked, the token sealed. */
class AiAdministrationTest {

    private static final Administrator NETWORK = new Administrator(1, true, Set.of());
    private static final Administrator FACILITY = new Administrator(2, false, Set.of(5L));

    private final AiAdministration administration = new AiAdministration(null, null,
            new AiLinks(new SecretBox(SecretBox.newKey(new SecureRandom())), () -> "http://127.0.0.1:1", null),
            Clock.systemUTC());

    @Test
    void readsModalitiesAsDicomCodesInUpperCase() {
        assertThat(AiAdministration.modalities("ct, cr  DX、CT")).containsExactly("CT", "CR", "DX");
        assertThat(AiAdministration.modalities("CT, X-RAY")).isEmpty();
        assertThat(AiAdministration.modalities(" ")).isEmpty();
    }

    @Test
    void aFacilityAdminMeetsNoService() {
        assertThat(administration.list(FACILITY)).isEmpty();
        assertThat(administration.save(FACILITY, null, settings("https://ai.example.jp"))).isEmpty();
    }

    @Test
    void refusesPlainHttpToAnotherHostAndANewServiceWithoutToken() {
        assertThatThrownBy(() -> administration.save(NETWORK, null, settings("http://ai.example.jp")))
                .isInstanceOfSatisfying(InvalidRegistration.class, e -> assertThat(e.faults())
                        .extracting(FieldFault::field).containsExactly("baseUrl"));
        assertThatThrownBy(() -> administration.save(NETWORK, null, new AiAdministration.Settings("n",
                "https://ai.example.jp", " ", "m", "1", "", null, false, true)))
                .isInstanceOfSatisfying(InvalidRegistration.class, e -> assertThat(e.faults())
                        .extracting(FieldFault::field).containsExactly("token", "modalities"));
    }

    private static AiAdministration.Settings settings(String url) {
        return new AiAdministration.Settings("n", url, "token", "m", "1", "CT", null, false, true);
    }
}
