package io.tributary.http.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.pipeline.DatasourceNodeRun;
import io.tributary.http.ApiException;

class PipelineRunBodyTest {

    private static Map<String, Object> run() {
        Map<String, Object> m = new HashMap<>();
        m.put("inputs", Map.of("delimiter", "\n\n"));
        m.put("datasource_type", "local_file");
        m.put("datasource_info_list", List.of(Map.of("reference", "f1", "name", "a.txt")));
        m.put("start_node_id", "1752565402678");
        m.put("is_published", true);
        m.put("response_mode", "blocking");
        return m;
    }

    private static String failure(Map<String, Object> body) {
        ApiException e = assertThrows(ApiException.class, () -> PipelineRunBody.run(body, "k1"));
        assertEquals(400, e.status());
        assertEquals("invalid_param", e.code());
        return e.getMessage();
    }

    @Test
    void aValidRunMapsToTheServiceRequest() {
        PipelineRunBody.Run r = PipelineRunBody.run(run(), "k1");
        assertFalse(r.streaming());
        assertTrue(r.request().published());
        assertEquals("local_file", r.request().datasourceType());
        assertEquals("1752565402678", r.request().startNodeId());
        assertEquals("f1", r.request().datasourceInfoList().get(0).get("reference"));
        assertEquals("\n\n", r.request().inputs().get("delimiter"));
        assertEquals("k1", r.request().user());
    }

    @Test
    void everyFieldIsRequiredAndNamed() {
        for (String f : List.of("inputs", "datasource_type", "datasource_info_list", "start_node_id", "is_published",
                "response_mode")) {
            Map<String, Object> m = run();
            m.remove(f);
            assertEquals(f + " is required.", failure(m));
        }
    }

    @Test
    void wrongTypesAndValuesAreNamed() {
        Map<String, Object> m = run();
        m.put("datasource_type", "ftp");
        assertTrue(failure(m).startsWith("datasource_type must be one of local_file"));
        m = run();
        m.put("inputs", List.of());
        assertEquals("inputs must be an object.", failure(m));
        m = run();
        m.put("datasource_info_list", Map.of());
        assertEquals("datasource_info_list must be an array.", failure(m));
        m = run();
        m.put("datasource_info_list", List.of("f1"));
        assertEquals("datasource_info_list[0] must be an object.", failure(m));
        m = run();
        m.put("datasource_info_list", List.of());
        assertEquals("datasource_info_list must not be empty.", failure(m));
        m = run();
        m.put("is_published", "true");
        assertEquals("is_published must be a boolean.", failure(m));
        m = run();
        m.put("response_mode", "sse");
        assertTrue(failure(m).startsWith("response_mode must be one of"));
        m = run();
        m.put("start_node_id", 12);
        assertEquals("start_node_id must be a string.", failure(m));
    }

    @Test
    void aDatasourceNodeRunNeedsInputsTypeAndPublishedFlag() {
        Map<String, Object> m = new HashMap<>(Map.of("inputs", Map.of("url", "https://example.org"),
                "datasource_type", "website_crawl", "is_published", false));
        DatasourceNodeRun r = PipelineRunBody.datasourceNode(m);
        assertEquals("website_crawl", r.datasourceType());
        assertFalse(r.published());
        m.put("credential_id", 5);
        ApiException e = assertThrows(ApiException.class, () -> PipelineRunBody.datasourceNode(m));
        assertEquals("credential_id must be a string.", e.getMessage());
        m.remove("credential_id");
        m.remove("is_published");
        e = assertThrows(ApiException.class, () -> PipelineRunBody.datasourceNode(m));
        assertEquals("is_published is required.", e.getMessage());
    }
}
