package io.tributary.api.datasource;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** {@code website_crawl}: crawls a site and reports progress. */
@ConsumerType
public interface WebsiteCrawlSource extends DatasourceProvider {

    /** One crawled page. */
    record CrawlResult(String sourceUrl, String title, String description, String content) {
    }

    /** Receives progress; called from the crawling thread. */
    @FunctionalInterface
    interface Progress {
        /** {@code completed} of {@code total} pages done so far; {@code results} are all results so far. */
        void report(int total, int completed, List<CrawlResult> results);
    }

    /**
     * Crawls with the given options ({@code url}, {@code limit}, {@code crawl_sub_pages}, ...) and returns every
     * result. Must stop promptly when interrupted.
     */
    List<CrawlResult> crawl(Map<String, Object> credentials, Map<String, Object> options, Progress progress)
            throws DatasourceException, InterruptedException;
}
