package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLockTest {

    @TempDir
    Path data;

    @Test
    void refusesADataDirectoryHeldByALiveProcess() throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");

        assertThatThrownBy(() -> EmbeddedLock.refuseIfInUse(data))
                .hasMessageContaining("in use by another process").hasMessageContaining("Stop it first");
    }

    @Test
    void ignoresAStaleLockFileAndAMissingOne() throws Exception {
        assertThatCode(() -> EmbeddedLock.refuseIfInUse(data)).doesNotThrowAnyException();
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(data.resolve("postmaster.pid"), finished.pid() + "\n");

        assertThatCode(() -> EmbeddedLock.refuseIfInUse(data)).doesNotThrowAnyException();
    }
}
