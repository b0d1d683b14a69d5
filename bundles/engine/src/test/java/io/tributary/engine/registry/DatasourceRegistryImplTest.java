package io.tributary.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.datasource.DatasourceDescriptor;
import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceKey;
import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceProvider;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.InstalledDatasource;
import io.tributary.api.datasource.LocalFile;
import io.tributary.api.datasource.LocalFileSource;
import io.tributary.api.datasource.OnlineDocumentSource;
import io.tributary.api.datasource.WebsiteCrawlSource;

/** The one rule that picks a datasource provider for a node, and the registry following providers as they come and go. */
class DatasourceRegistryImplTest {
    private static final DatasourceKey NOTION = new DatasourceKey(DatasourceType.ONLINE_DOCUMENT,
            "langgenius/notion_datasource", "notion_datasource", "notion_datasource");
    private static final DatasourceKey FILE = new DatasourceKey(DatasourceType.LOCAL_FILE, "langgenius/file", "file",
            "upload-file");

    private final DatasourceRegistryImpl registry = new DatasourceRegistryImpl();
    private long nextServiceId = 1;

    private DatasourceProvider add(DatasourceType type, String propertyId, String descriptorId, String datasource,
            Integer ranking) {
        DatasourceProvider p = provider(type, descriptorId, datasource);
        Map<String, Object> props = new HashMap<>();
        if (propertyId != null) {
            props.put(DatasourceProperties.PROVIDER, propertyId);
        }
        if (ranking != null) {
            props.put("service.ranking", ranking);
        }
        props.put("service.id", nextServiceId++);
        registry.add(type, p, props, "test.bundle 1.0.0");
        return p;
    }

    private static DatasourceProvider provider(DatasourceType type, String id, String datasource) {
        DatasourceDescriptor d = new DatasourceDescriptor(id, datasource, type, "Label " + datasource, Map.of(),
                Map.of());
        return switch (type) {
            case LOCAL_FILE -> new LocalFileSource() {
                @Override
                public DatasourceDescriptor descriptor() {
                    return d;
                }

                @Override
                public LocalFile resolve(String reference) throws DatasourceException {
                    throw new DatasourceException("File is not exist.");
                }
            };
            case ONLINE_DOCUMENT -> new OnlineDocumentSource() {
                @Override
                public DatasourceDescriptor descriptor() {
                    return d;
                }

                @Override
                public List<Workspace> listPages(Map<String, Object> c, Map<String, Object> p, String cursor) {
                    return List.of();
                }

                @Override
                public PageContent getPage(Map<String, Object> c, String w, String p, String t) {
                    return null;
                }
            };
            case WEBSITE_CRAWL -> new WebsiteCrawlSource() {
                @Override
                public DatasourceDescriptor descriptor() {
                    return d;
                }

                @Override
                public List<CrawlResult> crawl(Map<String, Object> c, Map<String, Object> o, Progress p) {
                    return List.of();
                }
            };
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private DatasourceProvider found(DatasourceKey key) {
        return registry.find(key).map(InstalledDatasource::provider).orElse(null);
    }

    @Test
    void aProviderIsFoundByPluginIdSlashProviderNameOrByPluginIdAlone() {
        DatasourceProvider file = add(DatasourceType.LOCAL_FILE, "langgenius/file", "langgenius/file", "upload-file",
                null);
        DatasourceProvider notion = add(DatasourceType.ONLINE_DOCUMENT, null,
                "langgenius/notion_datasource/notion_datasource", "notion_datasource", null);

        assertSame(file, found(FILE), "the built-in file source registers for its whole plugin");
        assertSame(notion, found(NOTION), "no service property: the descriptor's id counts");
    }

    @Test
    void onlyProvidersOfTheNodesTypeQualify() {
        add(DatasourceType.WEBSITE_CRAWL, "langgenius/notion_datasource", "x", "notion_datasource", null);

        assertTrue(registry.find(NOTION).isEmpty());
    }

    @Test
    void anotherPluginNeverServesANode() {
        add(DatasourceType.ONLINE_DOCUMENT, "acme/notion_datasource", "acme/notion_datasource", "notion_datasource",
                null);

        assertTrue(registry.find(NOTION).isEmpty(), "same type and datasource name, other plugin");
        assertEquals("datasource provider 'langgenius/notion_datasource/notion_datasource' (online_document) is not"
                + " installed", NOTION.notInstalled());
    }

    @Test
    void aNodeWithoutPluginIdIsServedByNoProvider() {
        add(DatasourceType.LOCAL_FILE, "langgenius/file", "langgenius/file", "upload-file", null);

        assertTrue(registry.find(new DatasourceKey(DatasourceType.LOCAL_FILE, null, null, null)).isEmpty());
        assertTrue(registry.find(new DatasourceKey(DatasourceType.LOCAL_FILE, " ", "file", "upload-file")).isEmpty());
    }

    @Test
    void amongCandidatesTheDatasourceNameComesFirstThenTheFullIdThenRankingThenNewest() {
        DatasourceProvider pluginWide = add(DatasourceType.ONLINE_DOCUMENT, "langgenius/notion_datasource", "x",
                "notion_datasource", null);
        DatasourceProvider exactOtherName = add(DatasourceType.ONLINE_DOCUMENT,
                "langgenius/notion_datasource/notion_datasource", "x", "other", 100);
        assertSame(pluginWide, found(NOTION), "the datasource name outweighs the full id and the ranking");

        DatasourceProvider exact = add(DatasourceType.ONLINE_DOCUMENT,
                "langgenius/notion_datasource/notion_datasource", "x", "notion_datasource", null);
        assertSame(exact, found(NOTION), "same datasource name: the full plugin_id/provider_name wins");

        DatasourceProvider ranked = add(DatasourceType.ONLINE_DOCUMENT,
                "langgenius/notion_datasource/notion_datasource", "x", "notion_datasource", 5);
        assertSame(ranked, found(NOTION), "then the highest service.ranking");

        DatasourceProvider newer = add(DatasourceType.ONLINE_DOCUMENT,
                "langgenius/notion_datasource/notion_datasource", "x", "notion_datasource", 5);
        assertSame(newer, found(NOTION), "equal on everything else (two versions side by side): the newest serves");
        assertTrue(exactOtherName != newer);
    }

    @Test
    void anUnknownDatasourceNameDoesNotExcludeTheProvider() {
        DatasourceProvider file = add(DatasourceType.LOCAL_FILE, "langgenius/file", "langgenius/file", "upload-file",
                null);

        assertSame(file, found(new DatasourceKey(DatasourceType.LOCAL_FILE, "langgenius/file", "file", "local_file")),
                "Dify's default datasource_name for file nodes is local_file");
    }

    @Test
    void aProviderThatGoesAwayIsNoLongerFoundAndTheOlderOneServesAgain() {
        DatasourceProvider old = add(DatasourceType.ONLINE_DOCUMENT, "langgenius/notion_datasource", "x",
                "notion_datasource", null);
        DatasourceProvider replacement = add(DatasourceType.ONLINE_DOCUMENT, "langgenius/notion_datasource", "x",
                "notion_datasource", null);
        assertSame(replacement, found(NOTION));

        registry.remove(DatasourceType.ONLINE_DOCUMENT, replacement);
        assertSame(old, found(NOTION));

        registry.remove(DatasourceType.WEBSITE_CRAWL, old);
        assertSame(old, found(NOTION), "removing through another SPI removes nothing");
        registry.remove(DatasourceType.ONLINE_DOCUMENT, old);
        assertTrue(registry.find(NOTION).isEmpty());
        assertEquals(List.of(), registry.installed());
    }

    @Test
    void theListingNamesTypeIdDatasourceAndBundleOfEveryProvider() {
        add(DatasourceType.WEBSITE_CRAWL, "langgenius/firecrawl_datasource", "x", "crawl", null);
        add(DatasourceType.LOCAL_FILE, "langgenius/file", "langgenius/file", "upload-file", null);

        List<InstalledDatasource> all = registry.installed();
        assertEquals(List.of("local_file langgenius/file upload-file test.bundle 1.0.0",
                        "website_crawl langgenius/firecrawl_datasource crawl test.bundle 1.0.0"),
                all.stream().map(d -> d.type().wireName() + " " + d.providerId() + " " + d.datasource() + " "
                        + d.bundle()).toList());
        assertEquals(1, registry.installed(DatasourceType.WEBSITE_CRAWL).size());
        assertTrue(all.get(0).as(LocalFileSource.class).isPresent());
        assertTrue(all.get(0).as(WebsiteCrawlSource.class).isEmpty());
    }

    @Test
    void aProviderWhoseDescriptorFailsIsStillListedUnderItsServiceProperty() {
        LocalFileSource broken = new LocalFileSource() {
            @Override
            public DatasourceDescriptor descriptor() {
                throw new IllegalStateException("bug");
            }

            @Override
            public LocalFile resolve(String reference) {
                return null;
            }
        };
        registry.add(DatasourceType.LOCAL_FILE, broken, Map.of(DatasourceProperties.PROVIDER, "langgenius/file"), "");

        assertSame(broken, found(FILE));
    }
}
