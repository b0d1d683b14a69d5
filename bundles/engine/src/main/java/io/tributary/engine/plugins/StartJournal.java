package io.tributary.engine.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A durable note, per plugin bundle location, of which plugins are being started and which are quarantined
 * (with the reason). Every change is on disk (written, forced, renamed into place) before the method returns, so
 * a plugin that kills the process while it starts is known to have been starting when the process comes back.
 * A plain file next to the uploaded jars, not the database: it must work before the store is up and survive
 * {@code System.exit} and {@code kill -9} at any point.
 */
final class StartJournal {
    static final String FILE_NAME = "start-journal.properties";
    private static final String STARTING = "starting.";
    private static final String QUARANTINED = "quarantined.";
    /** This process, as written beside each start: a note of another process is one whose start never ended. */
    static final String PROCESS = ProcessHandle.current().pid() + "@"
            + ProcessHandle.current().info().startInstant().map(Instant::toString).orElse("?");

    private final Path file;
    private final Properties entries = new Properties();

    StartJournal(Path dir) throws IOException {
        this.file = dir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                entries.load(in);
            }
        }
    }

    /** Notes that the bundle at this location is about to run its activator. */
    synchronized void starting(String location) {
        entries.setProperty(STARTING + location, PROCESS + " " + Instant.now());
        save();
    }

    /** The start at this location ended (started, failed or stopped). */
    synchronized void ended(String location) {
        if (entries.remove(STARTING + location) != null) {
            save();
        }
    }

    /** Locations whose start, noted by an earlier process, never ended: that process died while they started. */
    synchronized List<String> unfinishedStarts() {
        List<String> out = new ArrayList<>();
        for (String location : keys(STARTING)) {
            if (!entries.getProperty(STARTING + location).startsWith(PROCESS + " ")) {
                out.add(location);
            }
        }
        return out;
    }

    synchronized void quarantine(String location, String reason) {
        entries.remove(STARTING + location);
        entries.setProperty(QUARANTINED + location, reason);
        save();
    }

    synchronized Optional<String> quarantined(String location) {
        return Optional.ofNullable(entries.getProperty(QUARANTINED + location));
    }

    synchronized List<String> quarantinedLocations() {
        return keys(QUARANTINED);
    }

    /** Lifts the quarantine (an admin asked for a start, or the bundle is gone). */
    synchronized void release(String location) {
        if (entries.remove(QUARANTINED + location) != null) {
            save();
        }
    }

    /** Forgets everything about a location (the bundle was uninstalled). */
    synchronized void forget(String location) {
        boolean a = entries.remove(QUARANTINED + location) != null;
        boolean b = entries.remove(STARTING + location) != null;
        if (a || b) {
            save();
        }
    }

    private List<String> keys(String prefix) {
        List<String> out = new ArrayList<>();
        for (String k : entries.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                out.add(k.substring(prefix.length()));
            }
        }
        out.sort(null);
        return out;
    }

    private void save() {
        Path next = file.resolveSibling(FILE_NAME + ".next");
        try {
            try (FileChannel ch = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(ch);
                entries.store(out, "Plugin starts and quarantines, by bundle location (written by the engine)");
                out.flush();
                ch.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException notSupportedOnThisFileSystem) {
                // the rename is still atomic; only its durability across a power cut is less certain
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
