package org.musubi.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A test OpenID provider standing in for the デジタル認証アプリ. It is a mock: the real provider is outside this machine
 * and proves a real My Number card and its PIN, which no test can do. It speaks what Musubi needs of the real one
 * over real HTTP on loopback: discovery, a JWK Set (generated RSA and EC keys), an authorization endpoint that, instead
 * of reading a card, redirects back at once with a code for the subject the test names, and a token endpoint that
 * checks the client's authentication ({@code private_key_jwt} like the real one, or a client secret), the redirect
 * URI and the PKCE verifier before it answers an ID token signed with Nimbus. A test may twist the ID token (a wrong
 * nonce, audience or issuer, expired, badly signed, {@code alg: none}, HS256) to play a hostile or broken provider.
 *
 * <p>Two realms: {@code /mynumber} (provider {@code mynumber}, a login by the card alone, {@code private_key_jwt}) and
 * {@code /second} (provider {@code second}, the step after the password, {@code client_secret_basic}). It starts,
 * and enables OIDC in Musubi, only in a Spring test context (as a {@link DynamicPropertyRegistrar}).
 */
@Component
public class MockOpenIdProvider implements DynamicPropertyRegistrar, DisposableBean {

    public static final String MYNUMBER_CLIENT = "musubi-test";
    public static final String SECOND_CLIENT = "musubi-second";
    private static final String SECOND_SECRET = "a second client's secret";

    /** How the provider misbehaves for one authorization. */
    public enum Twist { NONE, SIGNED_ES256, WRONG_NONCE, WRONG_AUDIENCE, ANOTHER_AUTHORIZED_PARTY, WRONG_ISSUER, EXPIRED, BAD_SIGNATURE, ALG_NONE, HS256,
        ACCESS_DENIED }

    private record Grant(String realm, String clientId, String redirectUri, String challenge, String nonce, String subject,
                         Twist twist) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> tokenRefusals = new CopyOnWriteArrayList<>();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer server;
    private RSAKey signingKey;
    private RSAKey impostorKey;
    private ECKey ecKey;
    private ECKey musubiKey;

    @Override
    public synchronized void accept(DynamicPropertyRegistry registry) {
        start();
        Path keyFile = writeMusubiKey();
        registry.add("musubi.security.oidc.enabled", () -> "true");
        registry.add("musubi.security.oidc.providers[0].id", () -> "mynumber");
        registry.add("musubi.security.oidc.providers[0].issuer", () -> issuer("mynumber"));
        registry.add("musubi.security.oidc.providers[0].client-id", () -> MYNUMBER_CLIENT);
        registry.add("musubi.security.oidc.providers[0].client-auth", () -> "private-key-jwt");
        registry.add("musubi.security.oidc.providers[0].private-key-file", keyFile::toString);
        registry.add("musubi.security.oidc.providers[0].acr-values", () -> "aal3 crl");
        registry.add("musubi.security.oidc.providers[1].id", () -> "second");
        registry.add("musubi.security.oidc.providers[1].name", () -> "テスト認証");
        registry.add("musubi.security.oidc.providers[1].name-en", () -> "Test provider");
        registry.add("musubi.security.oidc.providers[1].issuer", () -> issuer("second"));
        registry.add("musubi.security.oidc.providers[1].client-id", () -> SECOND_CLIENT);
        registry.add("musubi.security.oidc.providers[1].client-secret", () -> SECOND_SECRET);
        registry.add("musubi.security.oidc.providers[1].login", () -> "after-password");
    }

    public String issuer(String realm) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + realm;
    }

    /**
     * Plays the resident at the provider: opens the authorization address Musubi sent the browser to, as the subject
     * {@code subject} would after reading their card, and returns where the provider sends the browser back (the
     * redirect URI with the code and state, or an error).
     */
    public URI authorize(String authorizationAddress, String subject, Twist twist) {
        String address = authorizationAddress + "&mock_subject=" + encode(subject) + "&mock_twist=" + twist.name();
        try {
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(address)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 302) {
                throw new IllegalStateException("the provider refused the authorization request: " + answer.body());
            }
            return URI.create(answer.headers().firstValue("Location").orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Why the token endpoint refused requests, in order (e.g. a PKCE verifier that does not fit its challenge). */
    public List<String> tokenRefusals() {
        return List.copyOf(tokenRefusals);
    }

    @Override
    public synchronized void destroy() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void start() {
        if (server != null) {
            return;
        }
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("op-rsa").generate();
            impostorKey = new RSAKeyGenerator(2048).keyID("op-rsa").generate();
            ecKey = new ECKeyGenerator(Curve.P_256).keyID("op-ec").generate();
            musubiKey = new ECKeyGenerator(Curve.P_256).keyID("musubi-client").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("the mock OpenID provider cannot start", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private Path writeMusubiKey() {
        try {
            Path file = Files.createTempFile("musubi-oidc-client", ".jwk");
            file.toFile().deleteOnExit();
            Files.writeString(file, musubiKey.toJSONString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String realm = path.length > 1 ? path[1] : "";
        String endpoint = String.join("/", Arrays.copyOfRange(path, Math.min(2, path.length), path.length));
        try {
            if (!realm.equals("mynumber") && !realm.equals("second")) {
                answer(exchange, 404, "{\"error\":\"not_found\"}");
            } else if (endpoint.equals(".well-known/openid-configuration")) {
                answer(exchange, 200, JSONObjectUtils.toJSONString(discovery(realm)));
            } else if (endpoint.equals("jwks")) {
                answer(exchange, 200, new JWKSet(List.of(signingKey.toPublicJWK(), ecKey.toPublicJWK())).toString());
            } else if (endpoint.equals("authorize")) {
                authorizeEndpoint(exchange, realm, form(exchange.getRequestURI().getRawQuery()));
            } else if (endpoint.equals("token") && "POST".equals(exchange.getRequestMethod())) {
                tokenEndpoint(exchange, realm, form(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)));
            } else {
                answer(exchange, 404, "{\"error\":\"not_found\"}");
            }
        } catch (JOSEException | RuntimeException e) {
            answer(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private Map<String, Object> discovery(String realm) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer(realm));
        document.put("authorization_endpoint", issuer(realm) + "/authorize");
        document.put("token_endpoint", issuer(realm) + "/token");
        document.put("jwks_uri", issuer(realm) + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("token_endpoint_auth_methods_supported", List.of(realm.equals("mynumber") ? "private_key_jwt"
                : "client_secret_basic"));
        return document;
    }

    private void authorizeEndpoint(HttpExchange exchange, String realm, Map<String, String> query) throws IOException {
        String redirect = query.get("redirect_uri");
        boolean valid = "code".equals(query.get("response_type")) && clientOf(realm).equals(query.get("client_id"))
                && redirect != null && redirect.startsWith("http://localhost:") && redirect.endsWith("/phr/oidc/callback")
                && query.getOrDefault("scope", "").contains("openid") && "S256".equals(query.get("code_challenge_method"))
                && query.get("code_challenge") != null && query.get("state") != null && query.get("nonce") != null
                && (!realm.equals("mynumber") || "aal3 crl".equals(query.get("acr_values")));
        if (!valid) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        if (query.get("mock_subject") == null) {
            cardReader(exchange, realm, query);
            return;
        }
        Twist twist = Twist.valueOf(query.getOrDefault("mock_twist", "NONE"));
        String back;
        if (twist == Twist.ACCESS_DENIED) {
            back = redirect + "?error=access_denied&state=" + encode(query.get("state"));
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(realm, query.get("client_id"), redirect, query.get("code_challenge"),
                    query.get("nonce"), query.get("mock_subject"), twist));
            back = redirect + "?code=" + code + "&state=" + encode(query.get("state"));
        }
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /**
     * For a real browser: the page where the real provider would have the resident read their card; here a form that
     * asks which subject to answer for and sends the same request again with it.
     */
    private static void cardReader(HttpExchange exchange, String realm, Map<String, String> query) throws IOException {
        String hidden = query.entrySet().stream().map(e -> "<input type=\"hidden\" name=\"" + html(e.getKey())
                + "\" value=\"" + html(e.getValue()) + "\">").collect(Collectors.joining());
        byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>mock provider</title></head><body>"
                + "<form method=\"get\" action=\"/" + realm + "/authorize\">" + hidden
                + "<input id=\"subject\" name=\"mock_subject\"><button id=\"read-card\" type=\"submit\">card</button>"
                + "</form></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private void tokenEndpoint(HttpExchange exchange, String realm, Map<String, String> form)
            throws IOException, JOSEException {
        String clientRefusal = clientAuthentication(exchange, realm, form);
        if (clientRefusal != null) {
            tokenRefusals.add(clientRefusal);
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        String refusal = grant == null ? "unknown or used code"
                : !grant.realm().equals(realm) ? "code of another realm"
                : !grant.redirectUri().equals(form.get("redirect_uri")) ? "redirect_uri differs"
                : form.get("code_verifier") == null || !grant.challenge().equals(s256(form.get("code_verifier")))
                ? "PKCE verifier mismatch" : null;
        if (refusal != null) {
            tokenRefusals.add(refusal);
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", UUID.randomUUID().toString());
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", 300);
        tokens.put("id_token", idToken(grant));
        answer(exchange, 200, JSONObjectUtils.toJSONString(tokens));
    }

    /** Why the client's authentication fails, or null: a signed client assertion (mynumber) or HTTP Basic (second). */
    private String clientAuthentication(HttpExchange exchange, String realm, Map<String, String> form) {
        if (realm.equals("second")) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((encode(SECOND_CLIENT) + ":"
                    + encode(SECOND_SECRET)).getBytes(StandardCharsets.UTF_8));
            return expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) ? null : "client secret wrong";
        }
        try {
            SignedJWT assertion = SignedJWT.parse(form.getOrDefault("client_assertion", ""));
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            boolean good = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
                    && assertion.verify(new ECDSAVerifier(musubiKey.toECPublicKey()))
                    && MYNUMBER_CLIENT.equals(claims.getIssuer()) && MYNUMBER_CLIENT.equals(claims.getSubject())
                    && claims.getAudience().contains(issuer(realm) + "/token") && claims.getJWTID() != null
                    && claims.getExpirationTime().after(new Date());
            return good ? null : "client assertion not valid";
        } catch (ParseException | JOSEException e) {
            return "client assertion malformed";
        }
    }

    private String idToken(Grant grant) throws JOSEException {
        Instant now = Instant.now();
        Twist twist = grant.twist();
        Instant issued = twist == Twist.EXPIRED ? now.minus(Duration.ofMinutes(30)) : now;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(twist == Twist.WRONG_ISSUER ? "https://impostor.example" : issuer(grant.realm()))
                .subject(grant.subject())
                .audience(twist == Twist.WRONG_AUDIENCE ? List.of("another-client")
                        : twist == Twist.ANOTHER_AUTHORIZED_PARTY ? List.of(grant.clientId(), "another-client")
                        : List.of(grant.clientId()))
                .claim("azp", twist == Twist.ANOTHER_AUTHORIZED_PARTY ? "another-client" : null)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(5))))
                .claim("auth_time", issued.getEpochSecond())
                .claim("nonce", twist == Twist.WRONG_NONCE ? "not-the-nonce" : grant.nonce())
                .claim("acr", "aal3").build();
        return switch (twist) {
            case ALG_NONE -> new PlainJWT(claims).serialize();
            case HS256 -> signed(new JWSHeader(JWSAlgorithm.HS256), claims,
                    new MACSigner(SECOND_SECRET.repeat(2).getBytes(StandardCharsets.UTF_8)));
            case SIGNED_ES256 -> signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ecKey.getKeyID()).build(), claims,
                    new ECDSASigner(ecKey));
            case BAD_SIGNATURE -> signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(impostorKey.getKeyID()).build(),
                    claims, new RSASSASigner(impostorKey));
            default -> signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims,
                    new RSASSASigner(signingKey));
        };
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer)
            throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String clientOf(String realm) {
        return realm.equals("mynumber") ? MYNUMBER_CLIENT : SECOND_CLIENT;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> decode(kv[0]), kv -> kv.length > 1 ? decode(kv[1]) : "", (a, b) -> b));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
