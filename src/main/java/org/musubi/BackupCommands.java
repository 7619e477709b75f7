package org.musubi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musubi.backup.BackupContents;
import org.musubi.backup.BackupKey;
import org.musubi.backup.BackupRefused;
import org.musubi.backup.cli.BackupArguments;
import org.musubi.backup.cli.BackupCommand;
import org.musubi.backup.cli.BackupCommandLine;
import org.musubi.backup.cli.RestoreCommand;
import org.musubi.commandline.HelpOption;
import org.musubi.commandline.Settings;
import org.musubi.commandline.UsageText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backup [verify]} and {@code restore}. */
final class BackupCommands {

    private BackupCommands() {
    }

    /** {@code backup --to=...} as it is (the schema left as found), or {@code backup verify --from=...} without a database. */
    @Command(name = "backup")
    static final class Backup implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Mixin
        BackupArguments arguments;
        @Mixin
        Settings settings;

        @Override
        public String usage() {
            return BackupCommandLine.BACKUP_HELP;
        }

        @Override
        public Integer call() {
            String[] values = settings.values();
            Map<String, String> options = arguments.options();
            Archive archive = archive(options, arguments.verify() ? "from" : "to", usage());
            if (archive == null) {
                return 2;
            }
            Path file = archive.file();
            BackupKey key = archive.key();
            if (arguments.verify()) {
                return BackupCommandLine.verify(file, key, System.out, System.err);
            }
            try (ConfigurableApplicationContext context = CommandContexts.of(values, "current").run(CommandContexts.quiet(values))) {
                return context.getBean(BackupCommand.class).run(file, key, System.out, System.err);
            } catch (RuntimeException e) {
                return CommandContexts.failed(e);
            }
        }
    }

    /** {@code restore --from=...}: the archive checked first, then the database created at the backup's schema version. */
    @Command(name = "restore")
    static final class Restore implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Mixin
        BackupArguments arguments;
        @Mixin
        Settings settings;

        @Override
        public String usage() {
            return BackupCommandLine.RESTORE_HELP;
        }

        @Override
        public Integer call() {
            String[] values = settings.values();
            Map<String, String> options = arguments.options();
            Archive archive = archive(options, "from", usage());
            if (archive == null) {
                return 2;
            }
            Path file = archive.file();
            BackupKey key = archive.key();
            BackupContents contents;
            try {
                contents = BackupCommandLine.preflight(file, key, System.out);
            } catch (IOException e) {
                return BackupCommandLine.failed(e, System.err);
            }
            try (ConfigurableApplicationContext context = CommandContexts.of(values, contents.preamble().schemaVersion())
                    .run(CommandContexts.quiet(values))) {
                return context.getBean(RestoreCommand.class).run(file, key, System.out, System.err);
            } catch (RuntimeException e) {
                return CommandContexts.failed(e);
            }
        }
    }

    /** The archive a command names and the key to open it with. */
    private record Archive(Path file, BackupKey key) {
    }

    /**
     * The archive named by {@code --<fileOption>} and its key; null, having printed {@code usage} (no file) or why
     * there is no key.
     */
    private static Archive archive(Map<String, String> options, String fileOption, String usage) {
        String file = options.get(fileOption);
        if (file == null || file.isBlank()) {
            System.out.print(usage);
            return null;
        }
        BackupKey key = backupKey(options);
        return key == null ? null : new Archive(Path.of(file), key);
    }

    /** The backup key from {@code --key-file} or {@code MUSUBI_BACKUP_KEY}; null, having said why, when there is none. */
    private static BackupKey backupKey(Map<String, String> options) {
        try {
            return BackupCommandLine.key(options, System::getenv);
        } catch (BackupRefused e) {
            System.err.println("musubi: " + e.bilingual());
            return null;
        }
    }
}
