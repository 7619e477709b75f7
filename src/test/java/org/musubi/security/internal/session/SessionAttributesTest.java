package org.musubi.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.musubi.phr.points.HealthPoints;
import org.musubi.registry.FieldFault;
import org.musubi.security.SecretBox;
import org.musubi.security.SignedIn;
import org.musubi.security.internal.login.LoginAccount;
import org.musubi.testing.MusubiClasses;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 41: Spring Session JDBC keeps every session attribute as Java serialisation, so each type Musubi puts in a
 * browser session must survive a round trip: one instance of each, serialised and read back equal. The classes that
 * write session attributes are listed too, so that a new one is noticed and its type added here.
 */
class SessionAttributesTest {

    /** Musubi's own records kept in sessions (by name: some are package-private to their controller's package). */
    static final List<String> RECORDS = List.of(
            "org.musubi.policy.OpenEmergencyAccess$Found",          // portal EmergencyController, emergency CrewController
            "org.musubi.phr.ProveResident$Proven",                  // phr PhrRegistrationController
            "org.musubi.security.internal.oidc.RoundTrip$Pending",  // OpenID Connect round trip
            "org.musubi.security.internal.smart.AuthorizationRequests$Pending", // a SMART app's authorization
            "org.musubi.security.SignedIn",                         // the principal of a full session
            "org.musubi.box.Box$ViewPass",                          // a Box preview's page and its content: one view
            "org.musubi.imaging.proxy.StudyPass",                   // a study opened in the viewer and its frames: one audit row
            // flash attributes (a redirect's message to the next page, kept in the session until then)
            "org.musubi.registry.FieldFault",                       // a form's faults
            "org.musubi.security.IssuedSecret",                     // a temporary password, an enrolment code
            "org.musubi.portal.admin.persons.PersonCardController$PrintedCard"); // a card just issued

    /** Every class that calls HttpSession.setAttribute, with what it keeps (the types above, or JDK values). */
    static final Set<String> WRITERS = Set.of(
            "org.musubi.emergency.web.CrewController",            // OpenEmergencyAccess.Found
            "org.musubi.portal.web.EmergencyController",          // OpenEmergencyAccess.Found
            "org.musubi.phr.web.PhrRegistrationController",       // ProveResident.Proven, String
            "org.musubi.phr.web.ProxyController",                 // Long
            "org.musubi.security.internal.oidc.RoundTrip",        // RoundTrip.Pending
            "org.musubi.security.internal.smart.AuthorizeController", // AuthorizationRequests.Pending, String
            "org.musubi.security.internal.passkey.PasskeyCeremonies", // byte[]
            "org.musubi.security.internal.lockout.LockNotices",   // Instant
            "org.musubi.security.internal.login.EnrolmentController", // String
            "org.musubi.security.internal.session.SessionUpgrade", // Integer, and Spring Security's SecurityContext
            "org.musubi.security.internal.session.SessionSnapshot", // nothing of its own: hands its caller's on
            "org.musubi.portal.box.BoxPreviewController",         // ArrayList<Box.ViewPass>
            "org.musubi.imaging.proxy.web.DicomWebProxy");        // ArrayList<StudyPass>

    private static final ConversionService STORED_FORM = storedForm();

    private static ConversionService storedForm() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("secretBox", new SecretBox(SecretBox.newKey(new SecureRandom())));
        return BrowserSessionsConfiguration.springSessionConversionService(beans.getBeanProvider(SecretBox.class));
    }

    @Test
    void everyClassWritingASessionAttributeIsListed() {
        assertThat(callersOf(HttpSession.class, "setAttribute"))
                .as("a class that keeps something new in a session: add its type to this test")
                .containsExactlyInAnyOrderElementsOf(WRITERS);
    }

    private static final JavaClasses MUSUBI = MusubiClasses.production();

    private static Set<String> callersOf(Class<?> owner, String method) {
        return MUSUBI.stream()
                .filter(type -> type.getMethodCallsFromSelf().stream().anyMatch(call ->
                        call.getTargetOwner().isAssignableTo(owner) && call.getName().equals(method)))
                .map(SessionAttributesTest::outermost)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every class that adds flash attributes: Strings, numbers, booleans, enums ({@code HealthPoints.Claim}), lists of
     * {@code FieldFault}, an {@code IssuedSecret} or a {@code PrintedCard}.
     */
    static final Set<String> FLASH_WRITERS = Set.of(
            "org.musubi.phr.recovery.web.MyRecoveryController",
            "org.musubi.phr.recovery.web.RecoveryDecisionController",
            "org.musubi.phr.sheet.web.SheetController",
            "org.musubi.phr.web.InquiryAdminController",
            "org.musubi.phr.web.PointsAdminController",
            "org.musubi.phr.web.PointsController",
            "org.musubi.phr.web.ProxyAdminController",
            "org.musubi.phr.web.ProxyController",
            "org.musubi.phr.web.SharingChangeController",
            "org.musubi.portal.admin.accounts.ApiClientController",
            "org.musubi.portal.admin.pathways.Attempts",
            "org.musubi.portal.careteam.TeamPhotoController",
            "org.musubi.portal.admin.accounts.UserAdminController",
            "org.musubi.portal.admin.facilities.FacilityAdminController",
            "org.musubi.portal.admin.facilities.IdentifierSystemController",
            "org.musubi.portal.admin.imports.ImportController",
            "org.musubi.portal.admin.imports.OrcaController",
            "org.musubi.portal.admin.matching.MatchingController",
            "org.musubi.portal.admin.notices.NoticeAdminController",
            "org.musubi.portal.admin.persons.PersonCardController",
            "org.musubi.portal.admin.persons.PersonChanges",
            "org.musubi.portal.admin.persons.PersonMergeController",
            "org.musubi.secretariat.fees.web.FeesController",    // String
            "org.musubi.secretariat.fees.web.InvoicesController", // String, Integer
            "org.musubi.security.internal.certificate.CertificateAdminController",
            "org.musubi.security.internal.oidc.MyNumberAdminController",
            "org.musubi.security.internal.smart.SmartAppAdminController",
            "org.musubi.imaging.ai.web.AiAdminController",       // Boolean, List<FieldFault> (issue 47, ai2)
            "org.musubi.imaging.ai.web.AiAskController",         // Boolean (issue 47, ai2)
            "org.musubi.research.web.CommitteeController");      // String (issue 48: a refused de-identification setting)

    @Test
    void everyClassAddingAFlashAttributeIsListed() {
        assertThat(callersOf(RedirectAttributes.class, "addFlashAttribute"))
                .as("a class that passes something new across a redirect: add its type to this test")
                .containsExactlyInAnyOrderElementsOf(FLASH_WRITERS);
    }

    @Test
    void musubisOwnRecordsSurviveSerialisation() throws Exception {
        for (String name : RECORDS) {
            Object value = sample(Class.forName(name));
            assertThat(roundTrip(value)).as(name).isEqualTo(value);
        }
    }

    @Test
    void plainValuesSurviveSerialisation() throws Exception {
        for (Object value : List.of("JBSWY3DPEHPK3PXP", 42L, 3, true, Instant.parse("2026-04-01T00:00:00Z"),
                HealthPoints.Claim.AWARDED, List.of(FieldFault.of("name", "field.required", 20)))) {
            assertThat(roundTrip(value)).isEqualTo(value);
        }
        assertThat((byte[]) roundTrip(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
    }

    /** A full session's context, as {@link SessionUpgrade#complete} makes it. */
    @Test
    void aFullSessionsSecurityContextSurvivesSerialisation() throws Exception {
        SignedIn me = new SignedIn(7, "taro", "試験 太郎", 3L, "DOCTOR", false, Set.of(3L));
        SecurityContextImpl context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(me, null,
                List.of(new SimpleGrantedAuthority(SessionUpgrade.SECOND_FACTOR), new SimpleGrantedAuthority("ROLE_USER"))));

        SecurityContextImpl read = (SecurityContextImpl) roundTrip(context);

        assertThat(read).isEqualTo(context);
        assertThat(read.getAuthentication().getPrincipal()).isEqualTo(me);
        assertThat(read.getAuthentication().getName()).isEqualTo("taro");
    }

    /** The password step's context, as Spring Security's form login makes it (authorities and details included). */
    @Test
    void thePasswordStepsSecurityContextSurvivesSerialisation() throws Exception {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
                loginId -> new LoginAccount(7, loginId, encoder.encode("secret"), true, false));
        provider.setPasswordEncoder(encoder);
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("taro", "secret");
        attempt.setDetails(new WebAuthenticationDetails(new MockHttpServletRequest()));
        Authentication done = new ProviderManager(provider).authenticate(attempt); // as the form login's manager

        SecurityContextImpl read = (SecurityContextImpl) roundTrip(new SecurityContextImpl(done));

        assertThat(read.getAuthentication().getPrincipal()).isInstanceOf(LoginAccount.class)
                .extracting(p -> ((LoginAccount) p).userId()).isEqualTo(7L);
        assertThat(((LoginAccount) read.getAuthentication().getPrincipal()).getPassword())
                .as("no password hash in a stored session").isNull();
        assertThat(read.getAuthentication().getAuthorities()).isEqualTo(done.getAuthorities());
        assertThat(read.getAuthentication().getDetails()).isEqualTo(done.getDetails());
    }

    /** What Spring Security itself keeps: the request that sent a browser to the login, and the CSRF token. */
    @Test
    void springSecuritysOwnAttributesSurviveSerialisation() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/patients/12");
        request.setQueryString("tab=labs");
        request.addHeader("Accept", "text/html");
        DefaultSavedRequest saved = new DefaultSavedRequest(request);
        DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token");

        assertThat(((DefaultSavedRequest) roundTrip(saved)).getRedirectUrl()).isEqualTo(saved.getRedirectUrl());
        assertThat(((DefaultCsrfToken) roundTrip(csrf)).getToken()).isEqualTo("token");
    }

    @Test
    void theStoredFormIsSealedAndAnUnserializableValueIsRefused() {
        byte[] stored = stored(new SignedIn(7, "taro-sealed", "試験 太郎", null, "NURSE", false, Set.of()));

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("taro-sealed").doesNotContain("SignedIn");
        stored[stored.length - 1] ^= 1;
        assertThatThrownBy(() -> read(stored)).as("an altered value does not open");
        assertThatThrownBy(() -> stored(new Object())).as("what Java cannot serialise cannot be kept");
    }

    /** Through the session store's own conversion: serialised and sealed, then opened and read. */
    private static Object roundTrip(Object value) {
        return read(stored(value));
    }

    private static byte[] stored(Object value) {
        return (byte[]) STORED_FORM.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
    }

    private static Object read(byte[] stored) {
        return STORED_FORM.convert(stored, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }

    /** An instance of a record, each component a sample of its type. */
    private static Object sample(Class<?> record) throws ReflectiveOperationException {
        RecordComponent[] components = record.getRecordComponents();
        Constructor<?> canonical = record.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = sampleOf(components[i].getType(), components[i].getGenericType());
        }
        return canonical.newInstance(values);
    }

    private static Object sampleOf(Class<?> type, Type generic) throws ReflectiveOperationException {
        if (type == long.class || type == Long.class) {
            return 11L;
        } else if (type == int.class || type == Integer.class) {
            return 5;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == String.class || type == Object.class) {
            return "結び";
        } else if (type == Instant.class) {
            return Instant.parse("2026-04-01T09:00:00Z");
        } else if (type == java.util.UUID.class) {
            return java.util.UUID.fromString("00000000-0000-4000-8000-000000000043");
        } else if (type == LocalDate.class) {
            return LocalDate.of(1950, 3, 31);
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type.isRecord()) {
            return sample(type);
        } else if (type == List.class || type == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object one = sampleOf((Class<?>) element, element);
            return type == List.class ? List.of(one) : Set.of(one);
        }
        throw new IllegalArgumentException("no sample for " + generic + ": teach this test one");
    }

    private static String outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getName();
    }
}
