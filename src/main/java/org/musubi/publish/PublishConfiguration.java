package org.musubi.publish;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.musubi.blob.BlobProperties;
import org.musubi.blob.BlobStore;
import org.musubi.scan.Scanner;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.record.IdKeys;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Users;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishing by hand and a care office's records: both enter through the record's write door. */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    /** The largest file published by hand (it is held in memory while it is checked): 20 MB. */
    static final long MAX_UPLOAD = 20L * 1024 * 1024;

    @Bean
    PublishRecords publishRecords(ResourceEncoder encoder, FhirContext context) {
        return new PublishRecords(encoder, Clock.systemUTC(), context);
    }

    /** Documents up to the record's documents' limit ({@code musubi.blob.max-size}, at most {@link #MAX_UPLOAD}), scanned when a scanner is set. */
    @Bean
    PublishSources publishSources(IdentityStore identities, LinkSourcePatient link, IdKeys keys) {
        return new PublishSources(identities, link, keys);
    }

    @Bean
    Publishing publishing(WriteRecords writes, ReadRecords reads, PublishRecords records, BlobStore blobs,
                          Scanner scanner, Users users, PublishSources sources, BlobProperties blob) {
        return new Publishing(writes, reads, records, new Publishing.Parts(blobs, scanner, users, sources,
                Math.min(blob.maxSize().toBytes(), MAX_UPLOAD)));
    }

    @Bean
    CareRecords careRecords(WriteRecords writes, ReadRecords reads, PublishRecords records, ResourceEncoder encoder,
                            Users users, PublishSources sources) {
        return new CareRecords(writes, reads, new CareEvents(encoder), records, new CareRecords.Parts(users, sources));
    }
}
