package io.tributary.node.knowledge.datasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.event.NodeFinished;
import io.tributary.api.event.NodeStatus;
import io.tributary.api.event.RunStatus;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeValidationException;
import io.tributary.node.knowledge.Events;
import io.tributary.node.knowledge.PipelineTest;

/** The datasource node on the real engine: dispatch by type and identity, outputs per type, failures. */
class DatasourceNodeTypeTest extends PipelineTest {
    static final Map<String, Object> CHUNKS = Map.of("chunks", List.of("one chunk"));

    private Events run(String root, String type, Map<String, ?> info) throws Exception {
        return run("datasources", debugger("ds-1", type, info).andThen(b -> b.startNodeId(root).rag("shared", CHUNKS)));
    }

    @Test
    void websiteCrawlOutputsTheItemWithoutAProvider() throws Exception {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("source_url", "https://docs.example.org/a");
        info.put("title", "A");
        info.put("description", "first page");
        info.put("content", "# A\n\nText of A.");
        Events ev = run("datasources", debugger("ds-1", "website_crawl", info).andThen(b -> b.startNodeId("crawl")
                .rag("shared", CHUNKS).rag("crawl", Map.of("url", "https://docs.example.org", "limit", 5))));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(List.of("crawl", "index"), ev.started(), "only the chosen root runs");
        NodeFinished f = ev.finished("crawl");
        Map<String, Object> expected = new LinkedHashMap<>(info);
        expected.put("datasource_type", "website_crawl");
        assertEquals(expected, f.outputs());
        assertEquals(info, f.metadata().get("datasource_info"), "datasource_info is recorded");
        assertEquals(Map.of("url", "https://docs.example.org", "limit", 5), f.inputs(),
                "mixed and variable parameters resolve against the rag variables");
    }

    @Test
    void onlineDocumentReadsThePageFromTheNamedProvider() throws Exception {
        TestSources.Pages notion = new TestSources.Pages("langgenius/notion_datasource/notion_datasource",
                "notion_datasource");
        TestSources.Pages other = new TestSources.Pages("acme/wiki/wiki", "wiki");
        providers.add(DatasourceType.ONLINE_DOCUMENT, other, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                other.provider, 7));
        providers.add(DatasourceType.ONLINE_DOCUMENT, notion, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                notion.provider, 3));
        Map<String, Object> info = Map.of("workspace_id", "ws-1", "credential_id", "cred-9",
                "page", Map.of("page_id", "p-42", "page_name", "Intro", "type", "page"));
        Events ev = run("notion", "online_document", info);
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        assertEquals(List.of(List.of(Map.of(), "ws-1", "p-42", "page")), notion.calls,
                "called once, with empty credentials (no credential store yet)");
        assertEquals(List.of(), other.calls);
        Map<String, Object> out = ev.finished("notion").outputs();
        assertEquals("# p-42\n\nserved by langgenius/notion_datasource/notion_datasource", out.get("content"));
        assertEquals("p-42", out.get("page_id"));
        assertEquals("ws-1", out.get("workspace_id"));
        assertEquals("Title of p-42", out.get("title"), "the page's own title wins over metadata");
        assertEquals("2026-01-02T03:04:05Z", out.get("last_edited_time"));
        assertEquals("online_document", out.get("datasource_type"));
        assertEquals(Map.of("note", "fixed"), ev.finished("notion").inputs());
    }

    @Test
    void providerFailuresFailTheNodeWithDifysMessage() throws Exception {
        TestSources.Pages notion = new TestSources.Pages("langgenius/notion_datasource", "notion_datasource");
        providers.add(DatasourceType.ONLINE_DOCUMENT, notion, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                notion.provider, 1));
        Map<String, Object> info = Map.of("workspace_id", "ws-1", "page", Map.of("page_id", "gone", "type", "page"));

        notion.fail = new DatasourceException("page gone was deleted");
        Events ev = run("notion", "online_document", info);
        assertEquals(RunStatus.FAILED, ev.end().status());
        NodeFinished f = ev.finished("notion");
        assertEquals(NodeStatus.FAILED, f.status());
        assertEquals("Failed to invoke datasource: page gone was deleted", f.error());
        assertEquals("DatasourceNodeError", f.errorType());

        notion.fail = new IllegalStateException("plugin bug");
        ev = run("notion", "online_document", info);
        assertEquals("Failed to invoke datasource: plugin bug", ev.finished("notion").error());
    }

    @Test
    void aMissingProviderIsNamed() throws Exception {
        TestSources.Pages other = new TestSources.Pages("acme/wiki/wiki", "wiki");
        providers.add(DatasourceType.ONLINE_DOCUMENT, other, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                other.provider, 1));
        Events ev = run("notion", "online_document", Map.of("workspace_id", "w", "page", Map.of("page_id", "p")));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertEquals("Failed to invoke datasource: datasource provider "
                + "'langgenius/notion_datasource/notion_datasource' (online_document) is not installed; "
                + "installed online_document providers: [acme/wiki/wiki]", ev.finished("notion").error());
        assertEquals(List.of(), other.calls);
    }

    @Test
    void theNewestRegistrationOfAProviderServesAndAnUnboundOneIsGone() throws Exception {
        TestSources.Pages v1 = new TestSources.Pages("langgenius/notion_datasource", "notion_datasource");
        TestSources.Pages v2 = new TestSources.Pages("langgenius/notion_datasource", "notion_datasource");
        providers.add(DatasourceType.ONLINE_DOCUMENT, v1, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                v1.provider, 10));
        providers.add(DatasourceType.ONLINE_DOCUMENT, v2, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                v2.provider, 11));
        Map<String, Object> info = Map.of("workspace_id", "w", "page", Map.of("page_id", "p", "type", "page"));
        assertEquals(RunStatus.SUCCEEDED, run("notion", "online_document", info).end().status());
        assertEquals(0, v1.calls.size());
        assertEquals(1, v2.calls.size());

        providers.remove(DatasourceType.ONLINE_DOCUMENT, v2);
        assertEquals(RunStatus.SUCCEEDED, run("notion", "online_document", info).end().status());
        assertEquals(1, v1.calls.size(), "the old version serves again once the new one is gone");

        providers.remove(DatasourceType.ONLINE_DOCUMENT, v1);
        Events ev = run("notion", "online_document", info);
        assertTrue(ev.finished("notion").error().endsWith("(online_document) is not installed"),
                ev.finished("notion").error());
    }

    @Test
    void theDatasourceNameBreaksTiesBetweenDatasourcesOfOneProvider() throws Exception {
        TestSources.Pages wrongName = new TestSources.Pages("langgenius/notion_datasource", "other");
        TestSources.Pages rightName = new TestSources.Pages("langgenius/notion_datasource", "notion_datasource");
        providers.add(DatasourceType.ONLINE_DOCUMENT, rightName, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                rightName.provider, 1));
        providers.add(DatasourceType.ONLINE_DOCUMENT, wrongName, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                wrongName.provider, 2));
        run("notion", "online_document", Map.of("workspace_id", "w", "page", Map.of("page_id", "p")));
        assertEquals(1, rightName.calls.size());
        assertEquals(0, wrongName.calls.size());
    }

    @Test
    void localFileBecomesADifyFile() throws Exception {
        TestSources.Uploads uploads = new TestSources.Uploads(Map.of("f-1", new TestSources.Uploads.Upload(
                "Report.PDF", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))));
        providers.add(DatasourceType.LOCAL_FILE, uploads, TestSources.props(DatasourceType.LOCAL_FILE,
                "langgenius/file", 1));
        Events ev = run("file", "local_file", Map.of("related_id", "f-1", "transfer_method", "local_file"));
        assertEquals(RunStatus.SUCCEEDED, ev.end().status(), ev.end()::error);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("dify_model_identity", "__dify__file__");
        expected.put("id", "f-1");
        expected.put("type", "document");
        expected.put("transfer_method", "local_file");
        expected.put("remote_url", null);
        expected.put("related_id", "f-1");
        expected.put("filename", "Report.PDF");
        expected.put("extension", ".pdf");
        expected.put("mime_type", "application/pdf");
        expected.put("size", 8L);
        expected.put("url", null);
        Map<String, Object> out = ev.finished("file").outputs();
        assertEquals(expected, normalise(out.get("file")));
        assertEquals("local_file", out.get("datasource_type"));

        // Dify's service API sends `reference` in some clients; it is read the same way
        ev = run("file", "local_file", Map.of("reference", "f-1"));
        assertEquals("f-1", ((Map<?, ?>) ev.finished("file").outputs().get("file")).get("related_id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalise(Object file) {
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) file);
        m.put("size", ((Number) m.get("size")).longValue());
        return m;
    }

    @Test
    void anUnknownOrMissingFileReferenceFails() throws Exception {
        providers.add(DatasourceType.LOCAL_FILE, new TestSources.Uploads(Map.of()),
                TestSources.props(DatasourceType.LOCAL_FILE, "langgenius/file", 1));
        Events ev = run("file", "local_file", Map.of("related_id", "no-such-file"));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertEquals("Failed to invoke datasource: File is not exist.", ev.finished("file").error());
        ev = run("file", "local_file", Map.of("transfer_method", "local_file"));
        assertEquals("Failed to invoke datasource: File is not exist.", ev.finished("file").error());
    }

    @Test
    void datasourceInfoMustBeAnObject() throws Exception {
        Events ev = run("datasources", b -> b.system("dataset_id", "ds").system("datasource_type", "website_crawl")
                .system("datasource_info", "https://example.org").system("invoke_from", "debugger")
                .startNodeId("crawl").rag("shared", CHUNKS));
        assertEquals(RunStatus.FAILED, ev.end().status());
        assertEquals("Invalid datasource info format", ev.finished("crawl").error());
        assertNull(ev.end().outputs().get("preview"));
    }

    @Test
    void aDatasourceTypeThatIsNotTheNodesFails() throws Exception {
        Events ev = run("crawl", "online_document", Map.of("source_url", "https://example.org"));
        assertEquals("Failed to invoke datasource: datasource type 'online_document' does not match the node's "
                + "provider type 'website_crawl'", ev.finished("crawl").error());
    }

    @Test
    void onlineDriveWithoutAFileStoreFailsClearly() throws Exception {
        TestSources.Drive drive = new TestSources.Drive(10);
        providers.add(DatasourceType.ONLINE_DRIVE, drive, TestSources.props(DatasourceType.ONLINE_DRIVE,
                "langgenius/s3_datasource/s3", 1));
        Events ev = run("drive", "online_drive", Map.of("bucket", "docs", "id", "a/b.txt"));
        assertEquals("Failed to invoke datasource: the file store is not available", ev.finished("drive").error());
        assertEquals(List.of(), drive.calls, "nothing downloaded when it cannot be kept");
    }

    @Test
    void validationNamesEveryBadField() {
        DatasourceNodeType type = new DatasourceNodeType(providers, CredentialSource.NONE, null, 1);
        GraphNode node = new GraphNode("ds", "datasource", "1", "DS", Map.of("provider_type", "ftp",
                "plugin_id", 3, "datasource_parameters", List.of()));
        NodeValidationException e = assertThrows(NodeValidationException.class, () -> type.validate(node));
        assertEquals(List.of(
                "node 'ds': 'provider_type' 'ftp' is not one of local_file, online_document, website_crawl, online_drive",
                "node 'ds': 'plugin_id' must be text",
                "node 'ds': 'datasource_parameters' must be an object"), e.problems());
        GraphNode none = new GraphNode("ds", "datasource", "1", "DS", Map.of());
        assertEquals(List.of("node 'ds': 'provider_type' is required (local_file, online_document, website_crawl "
                + "or online_drive)"), assertThrows(NodeValidationException.class, () -> type.validate(none)).problems());
    }
}
