package org.musubi.box.wopi;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.box.Box;
import org.musubi.box.BoxVersions;
import org.musubi.box.DownloadFile;
import org.musubi.box.wopi.jdbc.JdbcWopiLocks;
import org.musubi.database.Standby;
import org.musubi.registry.Users;
import org.musubi.security.SecretBox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Box's WOPI host: its tokens (a key derived from the operator's secret key), locks, access and operations. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WopiProperties.class)
class WopiConfiguration {

    @Bean
    WopiAccess wopiAccess(Box box, SecretBox secrets, Users users, Audit audit, WopiProperties properties) {
        WopiTokens tokens = new WopiTokens(secrets.derive("musubi.box.wopi.access-token"), Clock.systemUTC(),
                properties.tokenTtl());
        return new WopiAccess(box, tokens, users, audit, new WopiAccess.Editor(properties.editorUrl(),
                properties.hostUrl(), properties.extensions()));
    }

    @Bean
    Wopi wopi(WopiAccess access, DownloadFile download, BoxVersions versions, JdbcClient jdbc, Standby standby,
              WopiProperties properties) {
        return new Wopi(access, download, versions, new JdbcWopiLocks(jdbc), Clock.systemUTC(),
                new Wopi.Options(properties.lockTtl(), standby::readOnly));
    }
}
