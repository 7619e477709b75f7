package org.musubi.backup;

import org.musubi.backup.jdbc.JdbcBackupDatabase;
import java.util.List;
import org.musubi.blob.BlobStore;
import org.musubi.blob.KeptParts;
import org.musubi.database.OwnerDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires backups and restores to the owner's connections and the blob store. */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

    @Bean
    BackupDatabase backupDatabase(OwnerDatabase owner) {
        return new JdbcBackupDatabase(owner.dataSource());
    }

    /** Copies the parts every feature keeps ({@link KeptParts}: Box files, bulk exports, research extractions) too. */
    @Bean
    TakeBackup takeBackup(BackupDatabase database, BlobStore blobs, List<KeptParts> kept) {
        return new TakeBackup(database, blobs, kept);
    }

    @Bean
    RestoreBackup restoreBackup(BackupDatabase database, BlobStore blobs) {
        return new RestoreBackup(database, blobs);
    }
}
