package org.musubi.backup;

import org.musubi.backup.jdbc.JdbcBackupDatabase;
import org.musubi.blob.BlobStore;
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

    @Bean
    TakeBackup takeBackup(BackupDatabase database, BlobStore blobs) {
        return new TakeBackup(database, blobs);
    }

    @Bean
    RestoreBackup restoreBackup(BackupDatabase database, BlobStore blobs) {
        return new RestoreBackup(database, blobs);
    }
}
