package org.musubi.ingest;

import ca.uhn.fhir.context.FhirContext;
import java.util.EnumMap;
import java.util.Map;
import org.musubi.audit.Audit;
import org.musubi.identity.IdentityBatches;
import org.musubi.identity.MatchSourcePatients;
import org.musubi.record.ResourceStore;
import org.musubi.record.WriteRecords;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.registry.Facilities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the import pipeline and the adapters of each kind of source. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    SourceReaders sourceReaders(ObjectProvider<KindReader> readers) {
        Map<ImportKind, SourceReader> byKind = new EnumMap<>(ImportKind.class);
        readers.orderedStream().forEach(r -> byKind.put(r.kind(), r.reader()));
        return new SourceReaders(byKind);
    }

    @Bean
    RunImport runImport(ImportLedger ledger, SourceReaders readers, Facilities facilities, IdentityBatches identities,
                        MatchSourcePatients matching, ResourceStore store, WriteRecords records, Audit audit,
                        FhirContext context, FhirIndexer indexer) {
        ImportChunks chunks = new ImportChunks(new ImportPatients(identities, matching, store),
                new ChunkPlanner(context, indexer), ledger, records, new ImportAudits(audit));
        return new RunImport(ledger, readers, facilities, chunks);
    }

    @Bean
    KindReader jahisReader(HeldParts held) {
        return new KindReader(ImportKind.JAHIS, new SplitNotebooks(new org.musubi.ingest.jahis.JahisReader(), held));
    }

    @Bean
    ImportQueue importQueue(RunImport imports) {
        return new ImportQueue(imports);
    }

    @Bean
    ImportAdministration importAdministration(ImportSources sources, ImportLedger ledger, Facilities facilities, Audit audit) {
        return new ImportAdministration(sources, ledger, facilities, audit);
    }

    /** An adapter and the kind of source it reads. */
    record KindReader(ImportKind kind, SourceReader reader) {
    }
}
