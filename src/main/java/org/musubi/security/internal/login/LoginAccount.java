package org.musubi.security.internal.login;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user who has passed the password step only. Its single authority opens the second-factor
 * pages and nothing else. Once the password is checked Spring Security erases the hash from it
 * ({@link CredentialsContainer}), so the session, which is kept in the database, holds no password hash.
 */
public final class LoginAccount implements UserDetails, CredentialsContainer {

    public static final String PASSWORD_ONLY = "PASSWORD_ONLY";
    private static final long serialVersionUID = 1L;
    private final long userId;
    private final String loginId;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    public LoginAccount(long userId, String loginId, String passwordHash, boolean enabled, boolean locked) {
        this.userId = userId;
        this.loginId = loginId;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    public long userId() {
        return userId;
    }

    public String loginId() {
        return loginId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(PASSWORD_ONLY));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String getUsername() {
        return loginId;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoginAccount account && account.userId == userId && account.loginId.equals(loginId);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId) * 31 + loginId.hashCode();
    }

    @Override
    public String toString() {
        return "LoginAccount[userId=" + userId + ", loginId=" + loginId + "]";
    }
}
