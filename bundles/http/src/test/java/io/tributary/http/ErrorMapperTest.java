package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.tributary.api.error.ServiceException;
import io.tributary.api.error.ServiceException.Reason;
import io.tributary.api.pipeline.PipelineException;
import io.tributary.api.store.DatasetStore;

/** Every {@link Reason} a service throws answers its status, with the service's code, in the envelope. */
class ErrorMapperTest {
    static final Map<Reason, Integer> STATUS = Map.of(Reason.INVALID, 400, Reason.FORBIDDEN, 403,
            Reason.NOT_FOUND, 404, Reason.CONFLICT, 409, Reason.TOO_LARGE, 413, Reason.UNSUPPORTED, 415,
            Reason.RATE_LIMITED, 429, Reason.UNAVAILABLE, 503);
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> whenTheServiceThrows(RuntimeException e) {
        server.bind("datasets", Fakes.of(DatasetStore.class, Map.of("dataset", a -> {
            throw e;
        })));
        return server.get("/v1/datasets/d1/pipeline/datasource-plugins", TestServer.DATASET_KEY);
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void aServiceExceptionAnswersTheStatusOfItsReason(Reason reason) {
        HttpResponse<String> r = whenTheServiceThrows(new ServiceException(reason, "some_code", "Refused: " + reason));
        assertEquals(STATUS.get(reason), r.statusCode(), r.body());
        Map<String, Object> body = TestServer.envelope(r);
        assertEquals("some_code", body.get("code"));
        assertEquals("Refused: " + reason, body.get("message"));
        assertEquals(STATUS.get(reason), ErrorMapper.status(reason));
    }

    @Test
    void aPipelineExceptionIsAServiceExceptionWithItsCode() {
        HttpResponse<String> r = whenTheServiceThrows(new PipelineException(Reason.INVALID, "dataset_not_published",
                "Not published."));
        assertEquals(400, r.statusCode());
        assertEquals("dataset_not_published", TestServer.envelope(r).get("code"));
        r = whenTheServiceThrows(PipelineException.notFound("Dataset not found."));
        assertEquals(404, r.statusCode());
        assertEquals("not_found", TestServer.envelope(r).get("code"));
    }

    @Test
    void anUnexpectedFailureIs500WithoutDetails() {
        HttpResponse<String> r = whenTheServiceThrows(new IllegalStateException("secret detail"));
        assertEquals(500, r.statusCode());
        Map<String, Object> body = TestServer.envelope(r);
        assertEquals("internal_server_error", body.get("code"));
        assertEquals("The server encountered an internal error.", body.get("message"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheEnvelope() {
        HttpResponse<String> r = server.get("/v1/nothing-here", null);
        assertEquals(404, r.statusCode());
        assertEquals("not_found", TestServer.envelope(r).get("code"));
    }
}
