package org.musubi.imaging.proxy;

import org.musubi.database.ChangeVersions;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.policy.PersonAccess;
import org.musubi.record.ReadRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The proxy's beans: the study passes (opening audited once) and the archive's series and instance lists. */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

    @Bean
    StudyPasses studyPasses(StudyIndex index, ReadRecords records, PersonAccess access,
                            java.util.List<StudyGrants> grants, ChangeVersions versions) {
        return new StudyPasses(index, records, access, grants,
                () -> versions.current(ChangeVersions.ACCESS_NARROWED));
    }

    @Bean
    OwnStudies ownStudies(StudyIndex index, java.util.List<StudyGrants> grants) {
        return new OwnStudies(index, grants);
    }

    @Bean
    StudyMembers studyMembers(OrthancClient archive) {
        return new StudyMembers(archive);
    }
}
