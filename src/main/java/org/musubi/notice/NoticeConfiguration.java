package org.musubi.notice;

import org.musubi.audit.Audit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the notices' use case. */
@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

    @Bean
    PublishNotice publishNotice(Notices notices, Audit audit) {
        return new PublishNotice(notices, audit);
    }
}
