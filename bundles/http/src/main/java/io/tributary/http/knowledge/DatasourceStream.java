package io.tributary.http.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.tributary.api.pipeline.DatasourceEvents;

/**
 * A datasource node run as {@code text/event-stream}, framed exactly as Dify does: one {@code data: {json}\n\n}
 * per event, no {@code event:} line, no ping. The response starts with the first event, so a failure before it
 * (an unknown dataset) is still an ordinary JSON error. A client that left stops the writing, not the node run.
 */
public final class DatasourceStream implements DatasourceEvents {
    private final Context ctx;
    private final ObjectMapper mapper;
    private OutputStream out;
    private boolean gone;
    private boolean finished;

    public DatasourceStream(Context ctx, ObjectMapper mapper) {
        this.ctx = ctx;
        this.mapper = mapper;
    }

    @Override
    public void processing(Integer total, Integer completed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "datasource_processing");
        m.put("total", total);
        m.put("completed", completed);
        write(m);
    }

    @Override
    public void completed(Object data, Integer total, Integer completed, double timeConsuming) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "datasource_completed");
        m.put("data", data);
        m.put("total", total);
        m.put("completed", completed);
        m.put("time_consuming", Math.round(timeConsuming * 100) / 100.0);
        write(m);
    }

    @Override
    public void error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "datasource_error");
        m.put("error", message);
        write(m);
    }

    /** Whether any event was written (the response has started). */
    public synchronized boolean started() {
        return out != null || gone;
    }

    /** Ends the stream; an error event first when nothing at all was sent, so the client is never left empty. */
    public synchronized void finish() {
        if (!started()) {
            error("The datasource node produced no result.");
        }
        finished = true;
    }

    private synchronized void write(Map<String, Object> event) {
        if (gone || finished) {
            return;
        }
        byte[] frame;
        try {
            frame = ("data: " + mapper.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("event", "datasource_error");
            err.put("error", "The datasource result cannot be written as JSON: " + e.getOriginalMessage());
            try {
                frame = ("data: " + mapper.writeValueAsString(err) + "\n\n").getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        try {
            if (out == null) {
                var res = ctx.res();
                res.setStatus(200);
                res.setContentType("text/event-stream; charset=utf-8");
                res.setHeader("Cache-Control", "no-cache");
                res.setHeader("X-Accel-Buffering", "no");
                out = res.getOutputStream();
            }
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            gone = true;
        }
    }
}
