package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tributary.api.engine.PluginAdmin;
import io.tributary.api.model.PluginInfo;

/** Authentication failures of each key kind, health, and a missing provider, through the real server. */
class AuthAndHealthTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertUnauthorized(HttpResponse<String> r) {
        assertEquals(401, r.statusCode(), r.body());
        assertEquals("unauthorized", TestServer.envelope(r).get("code"));
    }

    @Test
    void appRoutesRefuseMissingForeignAndUnknownKeys() {
        HttpResponse<String> none = server.send(server.request("/v1/files/upload")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertUnauthorized(none);
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        for (String token : List.of(TestServer.DATASET_KEY, TestConfig.ADMIN_TOKEN, "app-unknown")) {
            assertUnauthorized(server.send(server.request("/v1/files/upload").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build()));
        }
        assertUnauthorized(server.send(server.request("/v1/files/upload").header("Authorization", "Basic abc")
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    @Test
    void datasetAndAdminRoutesRefuseOtherKeys() {
        assertUnauthorized(server.get("/v1/datasets/d1/pipeline/datasource-plugins", TestServer.APP_KEY));
        assertUnauthorized(server.get("/admin/v1/plugins", TestServer.APP_KEY));
        assertUnauthorized(server.get("/admin/v1/plugins", null));
        assertEquals(200, server.get("/admin/v1/plugins", TestConfig.ADMIN_TOKEN).statusCode());
    }

    @Test
    void healthIs503WithoutTheEngineAnd200WhenEveryCoreBundleIsActive() {
        Object admin = server.services.get("pluginAdmin");
        try {
            server.bind("pluginAdmin", null);
            HttpResponse<String> down = server.get("/health", null);
            assertEquals(503, down.statusCode());
            server.bind("pluginAdmin", Fakes.of(PluginAdmin.class, Map.of("plugins", a -> List.of(
                    new PluginInfo(1, "io.tributary.engine", "1.0.0", "ACTIVE", "core", true, false, List.of(),
                            List.of())))));
            HttpResponse<String> up = server.get("/health", null);
            assertEquals(200, up.statusCode(), up.body());
            assertTrue(up.body().contains("\"status\":\"ok\""), up.body());
        } finally {
            server.bind("pluginAdmin", admin);
        }
    }

    @Test
    void aMissingProviderIs503AfterABoundedWait() {
        Object files = server.services.get("files");
        try {
            server.bind("files", null);
            HttpResponse<String> r = server.send(server.request("/v1/files/upload")
                    .header("Authorization", "Bearer " + TestServer.APP_KEY)
                    .header("Content-Type", UploadFuzzTest.MP)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(UploadFuzzTest.ONE_FILE)).build());
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("service_unavailable", TestServer.envelope(r).get("code"));
        } finally {
            server.bind("files", files);
        }
    }
}
