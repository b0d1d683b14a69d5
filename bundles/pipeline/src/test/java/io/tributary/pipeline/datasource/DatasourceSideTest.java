package io.tributary.pipeline.datasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.datasource.DatasourceDescriptor;
import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.OnlineDriveSource;
import io.tributary.api.datasource.SourceFile;
import io.tributary.api.datasource.WebsiteCrawlSource;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;
import io.tributary.api.pipeline.DatasourceEvents;
import io.tributary.api.pipeline.DatasourceNodeRun;
import io.tributary.api.pipeline.PipelineException;
import io.tributary.engine.registry.DatasourceRegistryImpl;
import io.tributary.pipeline.definition.DatasourceNode;

/**
 * Parameter references, datasource node runs and drive folder expansion. The providers here are small in-memory
 * implementations of the SPI: the real online-document, crawl and drive bundles come with the next issue.
 */
class DatasourceSideTest {

    static final Map<String, Object> CRAWL_PARAMS = Map.of(
            "url", Map.of("type", "mixed", "value", "{{#rag.n3.url#}}"),
            "limit", Map.of("type", "variable", "value", List.of("rag", "n3", "limit")),
            "crawl_sub_pages", Map.of("type", "mixed", "value", "{{#rag.n3.sub#}} and more"),
            "note", Map.of("type", "mixed", "value", "see {{#rag.n3.url#}}"),
            "only_main", Map.of("type", "constant", "value", true));

    static Graph graph() {
        return new Graph(List.of(
                new GraphNode("n3", "datasource", null, "Crawl", Map.of("plugin_id", "langgenius/firecrawl_datasource",
                        "provider_name", "firecrawl", "provider_type", "website_crawl", "datasource_parameters",
                        CRAWL_PARAMS)),
                new GraphNode("n4", "datasource", null, "Drive", Map.of("plugin_id", "langgenius/s3_datasource",
                        "provider_name", "s3", "provider_type", "online_drive")),
                new GraphNode("n5", "end", null, "End", Map.of())), List.of());
    }

    @Test
    void referencesAreTheLastPathElementOfATemplateAtTheStartOrOfASelector() {
        assertEquals(java.util.Set.of("url", "limit", "sub"), ParameterValues.referencedInputs(CRAWL_PARAMS));
        Map<String, Object> resolved = ParameterValues.resolve(CRAWL_PARAMS, Map.of("url", "https://d.example",
                "limit", 5));
        assertEquals("https://d.example", resolved.get("url"));
        assertEquals(5, resolved.get("limit"));
        assertEquals("{{#rag.n3.sub#}} and more", resolved.get("crawl_sub_pages")); // no input: the literal
        assertEquals("see {{#rag.n3.url#}}", resolved.get("note"));
        assertEquals(true, resolved.get("only_main"));
    }

    static final class Recorder implements DatasourceEvents {
        final List<String> events = new ArrayList<>();
        Object data;

        @Override
        public void processing(Integer total, Integer completed) {
            events.add("processing " + total + "/" + completed);
        }

        @Override
        public void completed(Object data, Integer total, Integer completed, double timeConsuming) {
            this.data = data;
            events.add("completed " + total + "/" + completed);
        }

        @Override
        public void error(String message) {
            events.add("error " + message);
        }
    }

    static final class Crawler implements WebsiteCrawlSource {
        Map<String, Object> options;

        @Override
        public DatasourceDescriptor descriptor() {
            return null;
        }

        @Override
        public List<CrawlResult> crawl(Map<String, Object> credentials, Map<String, Object> options, Progress progress)
                throws DatasourceException {
            this.options = options;
            if ("bad".equals(options.get("url"))) {
                throw new DatasourceException("Invalid URL");
            }
            List<CrawlResult> results = List.of(new CrawlResult("https://d/1", "One", "first", "# One"),
                    new CrawlResult("https://d/2", "Two", "second", "# Two"));
            progress.report(2, 1, results.subList(0, 1));
            progress.report(2, 2, results);
            return results;
        }
    }

    static final class Drive implements OnlineDriveSource {
        @Override
        public DatasourceDescriptor descriptor() {
            return null;
        }

        @Override
        public List<DriveListing> browse(Map<String, Object> credentials, BrowseRequest r) {
            return switch (r.prefix()) {
                case "docs/" -> r.nextPageParameters() == null
                        ? List.of(new DriveListing("b", List.of(new DriveFile("docs/a.txt", "a.txt", 3, "file"),
                                new DriveFile("docs/sub/", "sub", 0, "folder")), true, Map.of("token", "2")))
                        : List.of(new DriveListing("b", List.of(new DriveFile("docs/b.txt", "b.txt", 3, "file")),
                                false, null));
                case "docs/sub/" -> List.of(new DriveListing("b", List.of(new DriveFile("docs/sub/c.txt", "c.txt", 1,
                        "file"), new DriveFile("docs/sub/", "sub", 0, "folder")), false, null));
                default -> List.of(new DriveListing(r.bucket(), List.of(), false, null));
            };
        }

        @Override
        public SourceFile download(Map<String, Object> credentials, String bucket, String id) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aCrawlReportsProgressThenTheResultsInDifysShape() throws Exception {
        DatasourceRegistryImpl providers = new DatasourceRegistryImpl();
        Crawler crawler = new Crawler();
        providers.add(DatasourceType.WEBSITE_CRAWL, crawler, Map.of(DatasourceProperties.PROVIDER, "langgenius/firecrawl_datasource/firecrawl"));
        Recorder rec = new Recorder();
        new DatasourceNodeRunner(providers).run(graph(), "n3",
                new DatasourceNodeRun(Map.of("url", "https://d", "limit", 2), "website_crawl", null, true), rec);
        assertEquals(List.of("processing 2/1", "processing 2/2", "completed 2/2"), rec.events);
        assertEquals(Map.of("source_url", "https://d/1", "content", "# One", "title", "One", "description", "first"),
                ((List<?>) rec.data).get(0));
        assertEquals("https://d", crawler.options.get("url"));
        assertEquals(2, crawler.options.get("limit"));

        rec = new Recorder();
        new DatasourceNodeRunner(providers).run(graph(), "n3",
                new DatasourceNodeRun(Map.of("url", "bad"), "website_crawl", null, true), rec);
        assertEquals(List.of("error Invalid URL"), rec.events);
    }

    @Test
    void errorsAreEvents() throws Exception {
        DatasourceRegistryImpl providers = new DatasourceRegistryImpl();
        Recorder rec = new Recorder();
        DatasourceNodeRunner runner = new DatasourceNodeRunner(providers);
        runner.run(graph(), "nope", new DatasourceNodeRun(Map.of(), "website_crawl", null, true), rec);
        runner.run(graph(), "n5", new DatasourceNodeRun(Map.of(), "website_crawl", null, true), rec);
        runner.run(graph(), "n3", new DatasourceNodeRun(Map.of(), "local_file", null, true), rec);
        runner.run(graph(), "n3", new DatasourceNodeRun(Map.of(), "website_crawl", null, true), rec);
        assertEquals(List.of("error Datasource node data not found", "error Datasource node data not found",
                "error Unsupported datasource provider",
                "error datasource provider 'langgenius/firecrawl_datasource/firecrawl' (website_crawl) is not installed"), rec.events);
    }

    @Test
    void aDriveIsBrowsedWithDefaultsAndFoldersExpandRecursivelyAcrossPages() throws Exception {
        DatasourceRegistryImpl providers = new DatasourceRegistryImpl();
        providers.add(DatasourceType.ONLINE_DRIVE, new Drive(), Map.of(DatasourceProperties.PROVIDER, "langgenius/s3_datasource"));
        Recorder rec = new Recorder();
        new DatasourceNodeRunner(providers).run(graph(), "n4",
                new DatasourceNodeRun(Map.of("bucket", "b", "prefix", "docs/"), "online_drive", null, true), rec);
        assertEquals(List.of("processing 0/0", "completed null/null"), rec.events);
        assertEquals(true, ((Map<?, ?>) ((List<?>) rec.data).get(0)).get("is_truncated"));

        DatasourceNode node = DatasourceNode.find(graph(), "n4");
        List<Map<String, Object>> items = new DriveFolders(providers).expand(node, List.of(
                Map.of("id", "docs/", "type", "folder", "bucket", "b"), Map.of("id", "x.txt", "type", "file")));
        assertEquals(List.of("docs/a.txt", "docs/b.txt", "docs/sub/c.txt", "x.txt"),
                items.stream().map(i -> i.get("id")).toList());
        assertEquals(Map.of("id", "docs/sub/c.txt", "name", "c.txt", "bucket", "b"), items.get(2));
        assertThrows(PipelineException.class, () -> new DriveFolders(providers).expand(node,
                List.of(Map.of("id", "empty/", "type", "folder"))));
    }

    @Test
    void datasourcePluginsListTheVariablesTheNodesParametersReferTo() {
        var url = new io.tributary.api.dsl.RagPipelineVariable("n3", "url", "URL", "text-input", true, null, null, 256,
                null, null, null, null, null, null, null);
        var other = new io.tributary.api.dsl.RagPipelineVariable("shared", "delimiter", "D", "text-input", true, "x",
                null, null, null, null, null, null, null, null, null);
        var doc = new io.tributary.api.dsl.DslDocument(io.tributary.api.dsl.DslKind.RAG_PIPELINE, null,
                new io.tributary.api.dsl.DslMetadata("p", null, "", "", "", "", ""), graph(), null, null,
                List.of(url, other), null, null);
        var plugins = DatasourcePlugins.of(doc);
        assertEquals(List.of("n3", "n4"), plugins.stream().map(p -> p.nodeId()).toList());
        assertEquals(List.of("url"), plugins.get(0).userInputVariables().stream().map(v -> v.get("variable")).toList());
        assertEquals("n3", plugins.get(0).userInputVariables().get(0).get("belong_to_node_id"));
        assertEquals(256, plugins.get(0).userInputVariables().get(0).get("max_length"));
        assertEquals("website_crawl", plugins.get(0).datasourceType());
        assertEquals(List.of(), plugins.get(1).userInputVariables());
    }
}
