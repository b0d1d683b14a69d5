package io.tributary.pipeline.datasource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceProvider;
import io.tributary.api.datasource.DatasourceRegistry;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.InstalledDatasource;
import io.tributary.api.datasource.OnlineDocumentSource;
import io.tributary.api.datasource.OnlineDriveSource;
import io.tributary.api.datasource.WebsiteCrawlSource;
import io.tributary.api.model.Graph;
import io.tributary.api.pipeline.DatasourceEvents;
import io.tributary.api.pipeline.DatasourceNodeRun;
import io.tributary.pipeline.definition.DatasourceNode;

/**
 * Runs one datasource node on its own (dify.md §1.4): lists online-document pages, browses an online drive, or
 * crawls a website, reporting {@code processing}/{@code completed}/{@code error}. Every failure becomes an error
 * event; only an interrupt escapes.
 */
public final class DatasourceNodeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DatasourceNodeRunner.class);
    /** Online-document listings followed page by page, at most this many pages. */
    static final int MAX_LISTING_PAGES = 100;
    static final int DEFAULT_MAX_KEYS = 20;

    private final DatasourceRegistry providers;

    public DatasourceNodeRunner(DatasourceRegistry providers) {
        this.providers = providers;
    }

    /** Runs node {@code nodeId} of {@code graph}. */
    public void run(Graph graph, String nodeId, DatasourceNodeRun request, DatasourceEvents events)
            throws InterruptedException {
        long t0 = System.nanoTime();
        try {
            DatasourceNode node = DatasourceNode.find(graph, nodeId);
            if (node == null) {
                events.error("Datasource node data not found");
                return;
            }
            String type = request.datasourceType() == null ? node.providerType() : request.datasourceType();
            switch (type) {
                case "online_document" -> pages(node, request, events, t0);
                case "online_drive" -> browse(node, request, events, t0);
                case "website_crawl" -> crawl(node, request, events, t0);
                default -> events.error("Unsupported datasource provider");
            }
        } catch (DatasourceException e) {
            events.error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Datasource node {} failed", nodeId, e);
            events.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private <T extends DatasourceProvider> T provider(DatasourceNode node, DatasourceType type, Class<T> kind)
            throws DatasourceException {
        return provider(providers, node, type, kind);
    }

    /**
     * The provider the registry picks for {@code node} as a provider of {@code type}, as {@code kind}; a
     * {@link DatasourceException} {@code datasource provider 'a/b' (type) is not installed} when there is none.
     */
    static <T extends DatasourceProvider> T provider(DatasourceRegistry providers, DatasourceNode node,
            DatasourceType type, Class<T> kind) throws DatasourceException {
        var key = node.key(type);
        InstalledDatasource found = providers.find(key)
                .orElseThrow(() -> new DatasourceException(key.notInstalled()));
        return found.as(kind).orElseThrow(() -> new DatasourceException("datasource provider " + key.describe()
                + " does not implement " + kind.getSimpleName()));
    }

    private void pages(DatasourceNode node, DatasourceNodeRun request, DatasourceEvents events, long t0)
            throws DatasourceException, InterruptedException {
        OnlineDocumentSource source = provider(node, DatasourceType.ONLINE_DOCUMENT, OnlineDocumentSource.class);
        events.processing(0, 0);
        String cursor = null;
        for (int page = 0; page < MAX_LISTING_PAGES; page++) {
            List<OnlineDocumentSource.Workspace> listing = source.listPages(Map.of(), request.inputs(), cursor);
            events.completed(listing.stream().map(DatasourceNodeRunner::wire).toList(), 0, 0, seconds(t0));
            cursor = listing.stream().map(OnlineDocumentSource.Workspace::nextCursor)
                    .filter(c -> c != null && !c.isEmpty()).findFirst().orElse(null);
            if (cursor == null) {
                return;
            }
        }
    }

    private void browse(DatasourceNode node, DatasourceNodeRun request, DatasourceEvents events, long t0)
            throws DatasourceException, InterruptedException {
        OnlineDriveSource source = provider(node, DatasourceType.ONLINE_DRIVE, OnlineDriveSource.class);
        Map<String, Object> in = request.inputs();
        int maxKeys = in.get("max_keys") instanceof Number n && n.intValue() > 0 ? n.intValue() : DEFAULT_MAX_KEYS;
        @SuppressWarnings("unchecked")
        Map<String, Object> next = in.get("next_page_parameters") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : null;
        OnlineDriveSource.BrowseRequest browse = new OnlineDriveSource.BrowseRequest(text(in.get("bucket")),
                in.get("prefix") == null ? "" : text(in.get("prefix")), maxKeys, next);
        events.processing(0, 0);
        List<OnlineDriveSource.DriveListing> result = source.browse(Map.of(), browse);
        events.completed(result.stream().map(DatasourceNodeRunner::wire).toList(), null, null, seconds(t0));
    }

    private void crawl(DatasourceNode node, DatasourceNodeRun request, DatasourceEvents events, long t0)
            throws DatasourceException, InterruptedException {
        WebsiteCrawlSource source = provider(node, DatasourceType.WEBSITE_CRAWL, WebsiteCrawlSource.class);
        Map<String, Object> options = ParameterValues.resolve(node.parameters(), request.inputs());
        int[] last = {-1, -1};
        List<WebsiteCrawlSource.CrawlResult> results = source.crawl(Map.of(), options, (total, completed, r) -> {
            last[0] = total;
            last[1] = completed;
            events.processing(total, completed);
        });
        int total = last[0] < 0 ? results.size() : last[0];
        int completed = last[1] < 0 ? results.size() : last[1];
        events.completed(results.stream().map(DatasourceNodeRunner::wire).toList(), total, completed, seconds(t0));
    }

    static Map<String, Object> wire(OnlineDocumentSource.Workspace w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workspace_id", w.workspaceId());
        m.put("workspace_name", w.workspaceName());
        m.put("workspace_icon", w.workspaceIcon());
        m.put("total", w.total());
        List<Map<String, Object>> pages = new ArrayList<>();
        for (OnlineDocumentSource.Page p : w.pages()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("page_id", p.pageId());
            pm.put("page_name", p.pageName());
            pm.put("page_icon", p.pageIcon());
            pm.put("type", p.type());
            pm.put("last_edited_time", p.lastEditedTime());
            pm.put("parent_id", p.parentId());
            pages.add(pm);
        }
        m.put("pages", pages);
        return m;
    }

    static Map<String, Object> wire(OnlineDriveSource.DriveListing l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", l.bucket());
        m.put("files", l.files().stream().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("id", f.id());
            fm.put("name", f.name());
            fm.put("size", f.size());
            fm.put("type", f.type());
            return fm;
        }).toList());
        m.put("is_truncated", l.truncated());
        m.put("next_page_parameters", l.nextPageParameters());
        return m;
    }

    static Map<String, Object> wire(WebsiteCrawlSource.CrawlResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_url", r.sourceUrl());
        m.put("content", r.content());
        m.put("title", r.title());
        m.put("description", r.description());
        return m;
    }

    /** Seconds since {@code t0}, two decimals, as Dify's {@code time_consuming}. */
    static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
