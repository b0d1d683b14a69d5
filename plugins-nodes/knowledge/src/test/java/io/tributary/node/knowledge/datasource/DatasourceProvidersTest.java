package io.tributary.node.knowledge.datasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.model.GraphNode;

/** The provider-matching rule and the File map's derived fields. */
class DatasourceProvidersTest {
    private final DatasourceProviders providers = new DatasourceProviders();

    private static DatasourceSpec spec(Map<String, Object> data) throws Exception {
        return DatasourceSpec.parse(new GraphNode("n", "datasource", "1", "", data));
    }

    @Test
    void identityIsPluginIdSlashProviderNameOrPluginId() throws Exception {
        TestSources.Uploads file = new TestSources.Uploads(Map.of());
        providers.add(DatasourceType.LOCAL_FILE, file, TestSources.props(DatasourceType.LOCAL_FILE,
                "langgenius/file", 1));
        assertSame(file, providers.find(spec(Map.of("provider_type", "local_file", "plugin_id", "langgenius/file",
                "provider_name", "file"))).orElseThrow(), "plugin_id matches");
        assertSame(file, providers.find(spec(Map.of("provider_type", "local_file"))).orElseThrow(),
                "a node naming no provider takes any of its type");
        assertTrue(providers.find(spec(Map.of("provider_type", "local_file", "plugin_id", "acme/files")))
                .isEmpty());
        assertTrue(providers.find(spec(Map.of("provider_type", "online_drive"))).isEmpty(), "type must match");
    }

    @Test
    void exactIdBeatsPluginIdAndRankingBeatsAge() throws Exception {
        TestSources.Pages byPlugin = new TestSources.Pages("langgenius/notion", "notion");
        TestSources.Pages exact = new TestSources.Pages("langgenius/notion/notion", "notion");
        providers.add(DatasourceType.ONLINE_DOCUMENT, exact, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                exact.provider, 1));
        providers.add(DatasourceType.ONLINE_DOCUMENT, byPlugin, TestSources.props(DatasourceType.ONLINE_DOCUMENT,
                byPlugin.provider, 2));
        Map<String, Object> data = Map.of("provider_type", "online_document", "plugin_id", "langgenius/notion",
                "provider_name", "notion");
        assertSame(exact, providers.find(spec(data)).orElseThrow());

        TestSources.Pages ranked = new TestSources.Pages("langgenius/notion/notion", "notion");
        providers.add(DatasourceType.ONLINE_DOCUMENT, ranked, Map.of("io.tributary.datasource.provider",
                ranked.provider, "service.id", 0L, "service.ranking", 5));
        assertSame(ranked, providers.find(spec(data)).orElseThrow());
        assertEquals(List.of("langgenius/notion", "langgenius/notion/notion"),
                providers.installed(DatasourceType.ONLINE_DOCUMENT));
    }

    @Test
    void withoutTheServicePropertyTheDescriptorNamesTheProvider() throws Exception {
        TestSources.Drive drive = new TestSources.Drive(1);
        providers.add(DatasourceType.ONLINE_DRIVE, drive, Map.of());
        assertSame(drive, providers.find(spec(Map.of("provider_type", "online_drive", "plugin_id",
                "langgenius/s3_datasource", "provider_name", "s3"))).orElseThrow());
    }

    @Test
    void fileValuesDeriveExtensionAndType() {
        assertEquals(".pdf", FileValues.extension("A.Report.PDF"));
        assertEquals("", FileValues.extension("README"));
        assertEquals("", FileValues.extension("trailing."));
        assertEquals("document", FileValues.type("application/octet-stream", ".md"));
        assertEquals("document", FileValues.type("text/csv", ""));
        assertEquals("image", FileValues.type("image/png", ".png"));
        assertEquals("audio", FileValues.type("audio/mpeg", ".mp3"));
        assertEquals("video", FileValues.type("video/mp4", ".mp4"));
        assertEquals("custom", FileValues.type("application/zip", ".zip"));
        Map<String, Object> f = FileValues.file("tool_file", "id-1", "x.bin", null, 3);
        assertEquals("application/octet-stream", f.get("mime_type"));
        assertEquals("tool_file", f.get("transfer_method"));
        assertEquals("__dify__file__", f.get("dify_model_identity"));
    }
}
