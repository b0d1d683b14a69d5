package io.tributary.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small Server-Sent Events reader for the tests: frames separated by a blank line, {@code event:} and
 * {@code data:} fields; a {@code data} frame is parsed as JSON.
 */
final class Sse implements AutoCloseable {
    /** One frame: {@code event} is null for a data-only frame, {@code data} null for {@code event: ping}. */
    record Frame(String event, JsonNode data) {
        String name() {
            return data != null && data.has("event") ? data.get("event").asText() : event;
        }
    }

    private final BufferedReader reader;

    Sse(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The next frame, or null at the end of the stream. */
    Frame next() throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (event != null || data != null) {
                    return new Frame(event, data == null ? null : Http.JSON.readTree(data.toString()));
                }
                continue;
            }
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                String d = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            } else if (!line.startsWith(":")) {
                throw new IOException("not an SSE line: " + line);
            }
        }
        return null;
    }

    /** Every remaining frame except pings. */
    List<Frame> rest() throws IOException {
        List<Frame> frames = new ArrayList<>();
        Frame f;
        while ((f = next()) != null) {
            if (!"ping".equals(f.event())) {
                frames.add(f);
            }
        }
        return frames;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
