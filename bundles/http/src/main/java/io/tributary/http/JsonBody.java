package io.tributary.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;

/**
 * Reads a JSON object body. Anything else (no body, malformed JSON, not an object, larger than the limit) is the
 * client's fault: 400 {@code invalid_param}, never a 500.
 */
public final class JsonBody {
    /** Largest JSON body accepted by the service API. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    static final String EMPTY = "Invalid JSON payload received or JSON payload is empty.";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonBody() {
    }

    public static Map<String, Object> object(Context ctx, ObjectMapper mapper) {
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_param", EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            throw ApiException.badRequest("invalid_param", "The JSON body is larger than " + MAX_BYTES + " bytes.");
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest("invalid_param", EMPTY);
        }
        try {
            Map<String, Object> m = mapper.readValue(bytes, MAP);
            if (m == null) {
                throw ApiException.badRequest("invalid_param", EMPTY);
            }
            return m;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_param", EMPTY);
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_param", EMPTY);
        }
    }

    /** A string field, or {@code null} when absent; 400 naming the field when it is not a string. */
    public static String string(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw ApiException.badRequest("invalid_param", field + " must be a string.");
    }
}
