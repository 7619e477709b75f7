package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /admin} endpoint, enumerated from the application's own request mappings (so a new
 * endpoint is covered without editing this test), refuses anonymous users and non-admins.
 */
@MusubiIntegrationTest
class AdminEndpointsIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void anonymousUsersGet401Or403FromEveryAdminEndpoint() {
        List<Endpoint> endpoints = adminEndpoints();
        WebSession anonymous = new WebSession(port);
        anonymous.get("/login");

        for (Endpoint endpoint : endpoints) {
            assertThat(call(anonymous, endpoint)).as(endpoint.toString()).isIn(401, 403);
        }
    }

    @Test
    void plainUsersGet403FromEveryAdminEndpoint() {
        List<Endpoint> endpoints = adminEndpoints();
        WebSession user = accounts.signedIn(port, accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR));
        user.get("/");

        for (Endpoint endpoint : endpoints) {
            assertThat(call(user, endpoint)).as(endpoint.toString()).isEqualTo(403);
        }
    }

    @Test
    void usersMidwayThroughLoginGet403FromEveryAdminEndpoint() {
        List<Endpoint> endpoints = adminEndpoints();
        WebSession half = new WebSession(port);
        accounts.passwordStep(half, accounts.networkAdmin().loginId(), TestAccounts.PASSWORD);
        half.get("/login/second-factor");

        for (Endpoint endpoint : endpoints) {
            assertThat(call(half, endpoint)).as(endpoint.toString()).isEqualTo(403);
        }
    }

    @Test
    void facilityAdminsGet403FromNetworkAdminEndpoints() {
        WebSession admin = accounts.signedIn(port, accounts.facilityAdmin(FacilityKind.CLINIC));
        admin.get("/");

        for (Endpoint endpoint : adminEndpoints()) {
            boolean facilityAdminsPage = endpoint.path().startsWith("/admin/users") || endpoint.path().matches("/admin/?")
                    || endpoint.path().startsWith("/admin/imports") || endpoint.path().equals("/admin/identifier-systems")
                    || (endpoint.path().equals("/admin/api-clients") && endpoint.method() == RequestMethod.GET);
            if (!facilityAdminsPage) {
                assertThat(call(admin, endpoint)).as(endpoint.toString()).isEqualTo(403);
            }
        }
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/api-clients").statusCode()).isEqualTo(200);
    }

    @Test
    void theEnumerationFindsTheKnownAdminScreens() {
        assertThat(adminEndpoints()).extracting(Endpoint::path)
                .contains("/admin/facilities", "/admin/users", "/admin/audit", "/admin/audit/export.csv",
                        "/admin/users/1/password-reset", "/admin/notices", "/admin/notices/1/withdraw");
    }

    private int call(WebSession web, Endpoint endpoint) {
        if (endpoint.method() == RequestMethod.GET) {
            return web.get(endpoint.path()).statusCode();
        }
        if (endpoint.method() == RequestMethod.POST) {
            return web.post(endpoint.path(), "name", "x").statusCode();
        }
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + endpoint.path()))
                .method(endpoint.method().name(), HttpRequest.BodyPublishers.noBody())).statusCode();
    }

    private List<Endpoint> adminEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/admin")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    for (RequestMethod m : List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.DELETE)) {
                        endpoints.add(new Endpoint(m, path));
                    }
                }
                methods.forEach(m -> endpoints.add(new Endpoint(m, path)));
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(10);
        return endpoints;
    }

    record Endpoint(RequestMethod method, String path) {
    }
}
