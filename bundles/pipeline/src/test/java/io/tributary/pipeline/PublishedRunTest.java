package io.tributary.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.pipeline.BatchResult;
import io.tributary.api.error.ServiceException.Reason;
import io.tributary.api.pipeline.PipelineException;
import io.tributary.api.pipeline.PipelineRunRequest;
import io.tributary.api.store.dto.Dataset;
import io.tributary.api.store.dto.DocumentRecord;
import io.tributary.api.store.dto.PipelineItem;

/** {@code runPublished}: everything is checked before anything is written; then documents and items at once. */
class PublishedRunTest extends PipelineFixture {

    @Test
    void aPublishedRunCreatesWaitingDocumentsAndQueuesOneItemEach() throws Exception {
        Dataset ds = publishedTemplate();
        PipelineRunRequest request = new PipelineRunRequest(Map.of("max_chunk_length", "500"), "local_file",
                List.of(Map.of("reference", "f1", "name", "a.txt"), Map.of("related_id", "f2"),
                        Map.of("reference", "missing-file")), FILE_NODE, true, "bob");

        BatchResult r = service.runPublished(ds.id(), request);

        assertTrue(r.batch().matches("\\d{20}"), r.batch());
        assertEquals(ds.id(), r.dataset().id());
        assertEquals(List.of("a.txt", "untitled", "untitled"), r.documents().stream().map(DocumentRecord::name).toList());
        for (DocumentRecord d : r.documents()) {
            assertEquals("waiting", d.indexingStatus());
            assertEquals("local_file", d.dataSourceType());
            assertEquals("rag-pipeline", d.createdFrom());
            assertEquals(r.batch(), d.batch());
        }
        assertEquals(Map.of("related_id", "f2"), r.documents().get(1).dataSourceInfo());
        assertEquals(3, queue.pending());
        List<PipelineItem> items = queue.claim(10);
        assertEquals(3, items.size());
        PipelineItem first = items.stream().filter(i -> i.documentId().equals(r.documents().get(0).id())).findFirst()
                .orElseThrow();
        assertEquals(FILE_NODE, first.startNodeId());
        assertEquals(datasets.latestVersion(ds.id()).orElseThrow().workflowId(), first.workflowId());
        assertEquals(Map.of("max_chunk_length", "500"), first.inputs());
        assertEquals("bob", first.createdBy());
    }

    @Test
    void anUnknownDatasetIs404AndAnUnpublishedOneIsRefused() throws Exception {
        PipelineException e = assertThrows(PipelineException.class,
                () -> service.runPublished("no-such-dataset", localFiles(true, "a")));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertEquals("not_found", e.code());

        Dataset draftOnly = service.importPipeline(template(), "").dataset();
        e = assertThrows(PipelineException.class, () -> service.runPublished(draftOnly.id(), localFiles(true, "a")));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals("Workflow not published", e.getMessage());
    }

    @Test
    void badRequestsAreInvalidParamAndWriteNothing() throws Exception {
        Dataset ds = publishedTemplate();
        List<Map<String, Object>> one = List.of(Map.of("reference", "f"));
        assertInvalid(ds, new PipelineRunRequest(Map.of(), "ftp", one, FILE_NODE, true, ""), "datasource_type");
        assertInvalid(ds, new PipelineRunRequest(Map.of(), "local_file", one, "", true, ""), "start_node_id is required");
        assertInvalid(ds, new PipelineRunRequest(Map.of(), "local_file", one, "1752000000002", true, ""),
                "is not a datasource node");
        assertInvalid(ds, new PipelineRunRequest(Map.of(), "local_file", one, "nope", true, ""),
                "is not a datasource node");
        assertInvalid(ds, new PipelineRunRequest(Map.of(), "online_document",
                List.of(Map.of("workspace_id", "w", "page", Map.of("page_id", "p", "type", "page"))), FILE_NODE, true,
                ""), "is a local_file datasource, not online_document");
        assertInvalid(ds, new PipelineRunRequest(Map.of(), "local_file", List.of(), FILE_NODE, true, ""),
                "datasource_info_list must not be empty");
        assertInvalid(ds, new PipelineRunRequest(Map.of(), "local_file",
                List.of(Map.of("reference", "f"), Map.of("name", "x")), FILE_NODE, true, ""),
                "datasource_info_list[1]: a local_file item needs 'reference'");
        assertInvalid(ds, new PipelineRunRequest(Map.of("max_chunk_length", "lots"), "local_file", one, FILE_NODE,
                true, ""), "max_chunk_length in input form must be a valid number");
        assertInvalid(ds, new PipelineRunRequest(Map.of("delimiter", ""), "local_file", one, FILE_NODE, true, ""),
                "delimiter is required in input form");
        assertEquals(0, datasets.documents(ds.id(), null, null, 1, 10).total());
        assertEquals(0, queue.pending());
    }

    private void assertInvalid(Dataset ds, PipelineRunRequest request, String message) {
        PipelineException e = assertThrows(PipelineException.class, () -> service.runPublished(ds.id(), request));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals("invalid_param", e.code());
        assertTrue(e.getMessage().contains(message), () -> "'" + e.getMessage() + "' lacks '" + message + "'");
    }

    @Test
    void datasourcePluginsListTheDatasourceNodes() throws Exception {
        Dataset ds = service.importPipeline(template(), "").dataset();
        var plugins = service.datasourcePlugins(ds.id(), false);
        assertEquals(1, plugins.size());
        assertEquals(FILE_NODE, plugins.get(0).nodeId());
        assertEquals("langgenius/file", plugins.get(0).pluginId());
        assertEquals("file", plugins.get(0).providerName());
        assertEquals("local_file", plugins.get(0).datasourceType());
        assertEquals("File upload", plugins.get(0).title());
        assertEquals(List.of(), plugins.get(0).userInputVariables());
        assertEquals(List.of(), plugins.get(0).credentials());
        PipelineException e = assertThrows(PipelineException.class, () -> service.datasourcePlugins(ds.id(), true));
        assertEquals("Workflow not published", e.getMessage());
        assertEquals(Reason.NOT_FOUND, assertThrows(PipelineException.class, () -> service.datasourcePlugins("x", true)).reason());
    }

    @Test
    void aDraftRunProcessesTheFirstItemOnlyAndWritesNothing() throws Exception {
        Dataset ds = service.importPipeline(template(), "").dataset();
        List<io.tributary.api.event.RunEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        var handle = service.runDraft(ds.id(), localFiles(false, "first.txt", "second.txt"), events::add);
        var finished = handle.await(WAIT);

        assertEquals(io.tributary.api.event.RunStatus.SUCCEEDED, finished.status(), finished.error());
        assertTrue(events.get(0) instanceof io.tributary.api.event.RunStarted, events.toString());
        var index = events.stream().filter(e -> e instanceof io.tributary.api.event.NodeFinished f
                && f.nodeId().equals("1752000000004")).map(e -> (io.tributary.api.event.NodeFinished) e)
                .findFirst().orElseThrow();
        assertEquals(Map.of("chunk_structure", "text_model", "total_segments", 2, "preview",
                List.of(Map.of("content", "First paragraph of first.txt."),
                        Map.of("content", "Second paragraph of first.txt."))), index.outputs());
        assertEquals(0, datasets.documents(ds.id(), null, null, 1, 10).total());
        assertEquals(0, queue.pending());
        var run = runs.run(handle.runId()).orElseThrow();
        assertEquals(ds.id(), run.appId());
        assertNull(run.error());
    }
}
