package io.tributary.http.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.tributary.api.engine.RunHandle;
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
    private final ObjectMapper mapper;

    /** A stream whose events are queued from the start; they are mapped to Dify's frames when pumped. */
    public RunStream(ObjectMapper mapper) {
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

    /**
     * Starts the response and writes events, as {@code wire} maps them, until the run finished or the client left.
     * The first event is written once {@link RunHandle#started()} completed and the terminal one once
     * {@link RunHandle#completion()} did: the run's record is durable before the client learns that the run exists,
     * and again before it learns that it ended.
     */
    public void pump(Context ctx, Duration ping, WireEvents wire, RunHandle handle) throws InterruptedException {
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
                    if (!announced) {
                        await(handle.started());
                        announced = true;
                    }
                    if (e instanceof RunFinished) {
                        await(handle.completion());
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

    /** Waits for a durability stage; it completes within the engine's layer timeout, failed or not. */
    private static void await(CompletionStage<?> stage) throws InterruptedException {
        try {
            stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            // a failed layer stage is logged by the engine; the client still hears the run
        }
    }
}
