package io.tributary.engine.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartJournalTest {
    @TempDir
    Path dir;

    @Test
    void aStartThatNeverEndedIsSeenByTheNextProcessOnly() throws Exception {
        StartJournal j = new StartJournal(dir);
        j.starting("file:/p/a.jar");
        j.starting("file:/p/b.jar");
        j.ended("file:/p/b.jar");
        assertEquals(List.of(), new StartJournal(dir).unfinishedStarts(), "this process's own starts are in progress");

        // what a process that died would have left: the same note, written by another process
        String written = Files.readString(dir.resolve(StartJournal.FILE_NAME));
        assertTrue(written.contains(StartJournal.PROCESS.replace(":", "\\:")), written);
        Files.writeString(dir.resolve(StartJournal.FILE_NAME),
                written.replace(StartJournal.PROCESS.replace(":", "\\:"), "4242@2026-01-01T00\\:00\\:00Z"));
        StartJournal next = new StartJournal(dir);
        assertEquals(List.of("file:/p/a.jar"), next.unfinishedStarts());
    }

    @Test
    void aQuarantineIsKeptUntilReleasedOrForgotten() throws Exception {
        StartJournal j = new StartJournal(dir);
        j.starting("file:/p/a=b c.jar");
        j.quarantine("file:/p/a=b c.jar", "it hung");
        j.quarantine("file:/p/d.jar", "it failed");
        StartJournal reread = new StartJournal(dir);
        assertEquals(Optional.of("it hung"), reread.quarantined("file:/p/a=b c.jar"));
        assertEquals(List.of(), reread.unfinishedStarts(), "a quarantine replaces the start note");
        assertEquals(List.of("file:/p/a=b c.jar", "file:/p/d.jar"), reread.quarantinedLocations());
        reread.release("file:/p/a=b c.jar");
        reread.forget("file:/p/d.jar");
        assertEquals(List.of(), new StartJournal(dir).quarantinedLocations());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve(StartJournal.FILE_NAME)), files.toList(), "no stray temporary file");
        }
    }
}
