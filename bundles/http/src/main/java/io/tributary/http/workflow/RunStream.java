package io.tributary.http.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.tributary.api.engine.RunListener;
import io.tributary.api.event.RunEvent;
import io.tributary.api.event.RunFinished;

/**
 * Streams one run as {@code text/event-stream}, written straight to the response so it does not depend on the
 * request's {@code Accept} header. The engine's listener only queues events; the request thread writes them,
 * and {@code event: ping} after every quiet interval. A client that goes away stops the writing, not the run:
 * the run continues to its end and is recorded.
 */
public final class RunStream implements RunListener {
    /** Keep-alive interval, as Dify's. */
    public static final Duration PING = Duration.ofSeconds(10);
    private static final byte[] PING_FRAME = "event: ping\n\n".getBytes(StandardCharsets.US_ASCII);

    private final LinkedBlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>();
    private final WireEvents wire;
    private final ObjectMapper mapper;

    public RunStream(WireEvents wire, ObjectMapper mapper) {
        this.wire = wire;
        this.mapper = mapper;
    }

    @Override
    public void onEvent(RunEvent event) {
        queue.add(event);
    }

    /**
     * One {@code data:} frame. A value that cannot be written as JSON (a bug in a node's outputs) becomes
     * Dify's mid-stream {@code error} event instead of breaking the stream.
     */
    private byte[] frame(Map<String, Object> frame, RunEvent e) {
        String json;
        try {
            json = mapper.writeValueAsString(frame);
        } catch (JsonProcessingException ex) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("event", "error");
            error.put("task_id", e.runId());
            error.put("workflow_run_id", e.runId());
            error.put("status", 500);
            error.put("code", "internal_server_error");
            error.put("message", "Internal Server Error, please contact support.");
            try {
                json = mapper.writeValueAsString(error);
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Starts the response and writes events until the run finished or the client left. */
    public void pump(Context ctx, Duration ping) throws InterruptedException {
        pump(ctx, ping, () -> { });
    }

    /**
     * As {@link #pump(Context, Duration)}, running {@code durable} before the first event and before the terminal
     * event are written: the run's record is durable before the client learns that the run exists and again before
     * it learns that it ended.
     */
    public void pump(Context ctx, Duration ping, Runnable durable) throws InterruptedException {
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream; charset=utf-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        res.setHeader("Connection", "keep-alive");
        OutputStream out;
        try {
            out = res.getOutputStream();
            res.flushBuffer();
        } catch (IOException e) {
            return;
        }
        boolean announced = false;
        while (true) {
            RunEvent e = queue.poll(ping.toMillis(), TimeUnit.MILLISECONDS);
            try {
                if (e == null) {
                    out.write(PING_FRAME);
                } else {
                    if (!announced || e instanceof RunFinished) {
                        durable.run();
                        announced = true;
                    }
                    for (Map<String, Object> frame : wire.map(e)) {
                        out.write(frame(frame, e));
                    }
                }
                out.flush();
            } catch (IOException gone) {
                return;
            }
            if (e instanceof RunFinished) {
                return;
            }
        }
    }
}
