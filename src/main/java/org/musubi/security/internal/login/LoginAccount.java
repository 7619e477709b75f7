package org.musubi.security.internal.login;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user who has passed the password step only. Its single authority opens the second-factor
 * pages and nothing else.
 */
public record LoginAccount(long userId, String loginId, String passwordHash, boolean enabled, boolean locked)
        implements UserDetails {

    public static final String PASSWORD_ONLY = "PASSWORD_ONLY";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(PASSWORD_ONLY));
    }

    @Override
    public String getPassword() {
        return passwordHash;
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
}
