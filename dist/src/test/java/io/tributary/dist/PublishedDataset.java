package io.tributary.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

/** A knowledge base imported from a pipeline DSL and published through the admin API, with a new dataset key. */
record PublishedDataset(String id, String key) {

    /** Imports {@code dslResource} (a test resource), publishes it and issues a {@code dataset-} key. */
    static PublishedDataset create(Http http, String admin, String dslResource) throws Exception {
        Http.Response created = http.post("/admin/v1/datasets", admin, "application/yaml",
                DatasetApiE2EIT.resource(dslResource).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.raw().body());
        String id = created.json().get("id").asText();
        assertEquals(201, http.post("/admin/v1/datasets/" + id + "/publish", admin, null, new byte[0]).status());
        String key = http.post("/admin/v1/dataset-api-keys", admin, null, new byte[0]).json().get("token").asText();
        return new PublishedDataset(id, key);
    }
}
