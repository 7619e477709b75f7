package org.musubi.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.security.DemoLogins;
import org.musubi.security.DemoLogins.DemoLogin;
import org.mockito.Mockito;
import org.musubi.security.internal.DemoModeProperties;
import org.musubi.security.internal.lockout.LockNotices;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;

/** The demo accounts reach the login page in demo mode only (the template shows them only then, see DemoLoginsIT). */
class LoginPageControllerTest {

    private final DemoLogins demo = () -> List.of(new DemoLogin("paramedic1", "login.demo.role.paramedic", "消防署"));

    @Test
    void demoModeListsTheDemoAccounts() {
        ExtendedModelMap model = render(true);

        assertThat(model.get("demoMode")).isEqualTo(true);
        assertThat(model.get("demoLogins")).isEqualTo(demo.list());
    }

    @Test
    void outsideDemoModeNoAccountIsNamed() {
        ExtendedModelMap model = render(false);

        assertThat(model.get("demoMode")).isEqualTo(false);
        assertThat(model).doesNotContainKey("demoLogins");
    }

    private ExtendedModelMap render(boolean demoMode) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("demoLogins", demo);
        ExtendedModelMap model = new ExtendedModelMap();
        String view = new LoginPageController(Mockito.mock(LockNotices.class), new DemoModeProperties(demoMode), beans.getBeanProvider(DemoLogins.class))
                .login(new MockHttpServletRequest(), model);
        assertThat(view).isEqualTo("login/login");
        return model;
    }
}
