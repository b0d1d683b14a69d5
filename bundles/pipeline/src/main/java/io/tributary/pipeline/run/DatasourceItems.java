package io.tributary.pipeline.run;

import java.util.List;
import java.util.Map;

import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.pipeline.PipelineException;

/**
 * The shape of {@code datasource_info_list} items per datasource type (dify.md §1.2) and the document name each
 * one gets. A local file's reference is only checked for presence here: an unknown one fails its own document
 * ("File is not exist.") while the rest of the batch goes on.
 */
public final class DatasourceItems {
    static final String UNTITLED = "untitled";

    private DatasourceItems() {
    }

    /** Checks every item; the message names the first bad one by index. */
    public static void check(DatasourceType type, List<Map<String, Object>> items) {
        if (items.isEmpty()) {
            throw PipelineException.invalid("datasource_info_list must not be empty.");
        }
        for (int i = 0; i < items.size(); i++) {
            String problem = problem(type, items.get(i));
            if (problem != null) {
                throw PipelineException.invalid("datasource_info_list[" + i + "]: " + problem);
            }
        }
    }

    static String problem(DatasourceType type, Map<String, Object> item) {
        if (item == null) {
            return "must be an object";
        }
        return switch (type) {
            case LOCAL_FILE -> nonBlank(item.get("reference")) || nonBlank(item.get("related_id")) ? null
                    : "a local_file item needs 'reference' (or 'related_id'), the id of an uploaded file";
            case ONLINE_DOCUMENT -> !nonBlank(item.get("workspace_id")) ? "an online_document item needs 'workspace_id'"
                    : !(item.get("page") instanceof Map<?, ?> page) ? "an online_document item needs a 'page' object"
                    : !nonBlank(page.get("page_id")) || !nonBlank(page.get("type"))
                            ? "an online_document item's 'page' needs 'page_id' and 'type'" : null;
            case WEBSITE_CRAWL -> nonBlank(item.get("url")) || nonBlank(item.get("source_url")) ? null
                    : "a website_crawl item needs 'url' (or 'source_url')";
            case ONLINE_DRIVE -> !nonBlank(item.get("id")) ? "an online_drive item needs 'id'"
                    : !"file".equals(item.get("type")) && !"folder".equals(item.get("type"))
                            ? "an online_drive item's 'type' must be 'file' or 'folder'" : null;
        };
    }

    /** The document name of an item: {@code name}, {@code page.page_name} or {@code title}, else "untitled". */
    public static String documentName(DatasourceType type, Map<String, Object> item) {
        Object name = switch (type) {
            case LOCAL_FILE, ONLINE_DRIVE -> item.get("name");
            case ONLINE_DOCUMENT -> item.get("page") instanceof Map<?, ?> page ? page.get("page_name") : null;
            case WEBSITE_CRAWL -> item.get("title");
        };
        return nonBlank(name) ? name.toString() : UNTITLED;
    }

    private static boolean nonBlank(Object o) {
        return o instanceof String s ? !s.isBlank() : o instanceof Number;
    }
}
