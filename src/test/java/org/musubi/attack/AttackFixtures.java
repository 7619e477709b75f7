package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.musubi.identity.IdentityStore;
import org.musubi.letters.exchange.SendLetter;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the attacker's suite shares ({@link AttackMatrixIT} and the classes of each area beside it): clinic B's callers
 * — its systems, one per kind of scope, and its signed-in users of every profession ({@link #callers}) — and the
 * services the areas' attempts set their victims up with. Each class keeps {@code @MusubiIntegrationTest} on itself,
 * so all of them run on the one Spring context a test JVM shares.
 */
abstract class AttackFixtures extends NetworkFixtures {

    static final List<Attacker> SYSTEMS = List.of(
            Attacker.system("system/*.read+write", "system/*.read", "system/*.write"),
            Attacker.system("system/Patient.read", "system/Patient.read"),
            Attacker.system("system/Patient+Observation.read", "system/Patient.read", "system/Observation.read"));

    @Autowired
    Facilities facilities;
    @Autowired
    IdentityStore identities;
    @Autowired
    SendLetter sendLetter;
    @Autowired
    org.musubi.box.SendFiles sendFiles;
    @Autowired
    org.musubi.registry.Users users;
    @Autowired
    org.musubi.carenet.CareTeams careTeams;
    @Autowired
    org.musubi.carenet.municipal.RequestOpinion requestOpinion;
    @Autowired
    org.musubi.carenet.municipal.AnswerOpinion answerOpinion;
    @Autowired
    org.musubi.carenet.municipal.SendDischargeSheet sendDischargeSheet;
    @Autowired
    org.musubi.carenet.municipal.OpenMunicipalDocument openMunicipalDocument;
    @Autowired
    org.musubi.carenet.municipal.Places municipalPlaces;
    @Autowired
    org.musubi.consult.AskConsultation askConsultation;

    /** A caller ready to attack: a system's token, or a user's signed-in browser. */
    record Armed(Attacker attacker, long userId, RawApi api, WebSession web) {
    }

    /**
     * B's systems, one per kind of scope, and one user of B for every staff profession, signed in (residents belong
     * to no facility: their attacks are {@code PhrAttackIT}'s and {@code ResidentSharingAttackIT}'s).
     */
    List<Armed> callers(Facility clinic) {
        List<Armed> armed = new ArrayList<>();
        for (Attacker system : SYSTEMS) {
            ApiClientAdministration.NewApiClient client = clients.register(clinic, system.scopes().toArray(String[]::new));
            armed.add(new Armed(system, client.client().userId(), new RawApi(port, clients.token(port, client)), null));
        }
        Map<Profession, User> users = new EnumMap<>(Profession.class);
        Arrays.stream(Profession.values()).filter(p -> p != Profession.FACILITY_SYSTEM && p != Profession.RESIDENT)
                .forEach(p -> users.put(p, accounts.memberOf(clinic, p)));
        users.forEach((profession, user) -> {
            WebSession web = accounts.signedIn(port, user);
            armed.add(new Armed(Attacker.user(profession), user.id(), null, web));
        });
        return armed;
    }

    /** One attempt about A's user or certificate and one about nothing: alike, each with one audit row of the caller. */
    void certificateAttempt(Armed caller, String what, String realKey, String absentKey,
                                    Supplier<HttpResponse<String>> real,
                                    Supplier<HttpResponse<String>> absent) {
        caller.web().get("/");
        long before = audit.max();
        HttpResponse<String> asked = real.get();
        long between = audit.max();
        HttpResponse<String> nothing = absent.get();
        Answers.assertAlike(what, asked, realKey, nothing, absentKey);
        assertThat(asked.statusCode()).as(what).isIn(403, 404);
        assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on A's").isEqualTo(1);
        assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                .isEqualTo(1);
    }

    static HttpResponse<String> post(WebSession web, String path, String... form) {
        return web.post(path, form);
    }

    HttpResponse<String> letterGet(Armed caller, String path) {
        if (caller.api() != null) {
            return caller.api().get(path);
        }
        return caller.web().send(RawApi.request(port, "GET", path, null, Map.of()));
    }

    /** One attempt on A's document or patient and one on an id nobody has: alike, one audit row each. */
    void municipalAttempt(Armed caller, String probe, String real, String absent,
                                  java.util.function.Function<String, HttpResponse<String>> ask) {
        String what = caller.attacker() + " / " + probe;
        long before = audit.max();
        HttpResponse<String> asked = ask.apply(real);
        long between = audit.max();
        HttpResponse<String> nothing = ask.apply(absent);
        Answers.assertAlike(what, asked, real, nothing, absent);
        assertThat(asked.statusCode()).as(what).isEqualTo(404);
        assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on A's").isEqualTo(1);
        assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                .isEqualTo(1);
    }

    static String withoutToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }
}
