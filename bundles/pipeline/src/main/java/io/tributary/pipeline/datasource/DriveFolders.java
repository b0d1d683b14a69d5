package io.tributary.pipeline.datasource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.datasource.DatasourceException;
import io.tributary.api.datasource.DatasourceRegistry;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.OnlineDriveSource;
import io.tributary.api.pipeline.PipelineException;
import io.tributary.pipeline.definition.DatasourceNode;

/**
 * Expands {@code online_drive} folder items into their files before a run, as Dify does (dify.md §1.2): browse
 * with the folder id as prefix, 20 keys a page, following {@code next_page_parameters} and recursing into
 * sub-folders. File items pass through. The result is capped so that a huge drive cannot flood the queue.
 */
public final class DriveFolders {
    /** Most files one run may expand to. */
    static final int MAX_FILES = 10_000;

    private final DatasourceRegistry providers;

    public DriveFolders(DatasourceRegistry providers) {
        this.providers = providers;
    }

    /** The items with every folder replaced by {@code {id, name, bucket}} of each file inside. */
    public List<Map<String, Object>> expand(DatasourceNode node, List<Map<String, Object>> items)
            throws InterruptedException {
        if (items.stream().noneMatch(i -> "folder".equals(i.get("type")))) {
            return items;
        }
        OnlineDriveSource source;
        try {
            source = DatasourceNodeRunner.provider(providers, node, DatasourceType.ONLINE_DRIVE,
                    OnlineDriveSource.class);
        } catch (DatasourceException e) {
            throw PipelineException.invalid(e.getMessage());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            if ("folder".equals(item.get("type"))) {
                folder(source, item.get("bucket") == null ? null : item.get("bucket").toString(),
                        item.get("id").toString(), out);
            } else {
                out.add(item);
            }
        }
        if (out.isEmpty()) {
            throw PipelineException.invalid("The selected folders contain no files.");
        }
        return out;
    }

    private static void folder(OnlineDriveSource source, String bucket, String prefix, List<Map<String, Object>> out)
            throws InterruptedException {
        Deque<String> folders = new ArrayDeque<>(List.of(prefix));
        Set<String> seen = new HashSet<>();
        while (!folders.isEmpty()) {
            String current = folders.pop();
            if (!seen.add(current)) {
                continue; // a drive that lists a folder inside itself
            }
            Map<String, Object> next = null;
            do {
                List<OnlineDriveSource.DriveListing> page;
                try {
                    page = source.browse(Map.of(), new OnlineDriveSource.BrowseRequest(bucket, current,
                            DatasourceNodeRunner.DEFAULT_MAX_KEYS, next));
                } catch (DatasourceException e) {
                    throw PipelineException.invalid("Cannot list folder '" + current + "': " + e.getMessage());
                }
                next = null;
                for (OnlineDriveSource.DriveListing listing : page) {
                    for (OnlineDriveSource.DriveFile f : listing.files()) {
                        if ("folder".equals(f.type())) {
                            folders.push(f.id());
                        } else {
                            if (out.size() >= MAX_FILES) {
                                throw PipelineException.invalid("The selected folders hold more than " + MAX_FILES
                                        + " files.");
                            }
                            Map<String, Object> file = new LinkedHashMap<>();
                            file.put("id", f.id());
                            file.put("name", f.name());
                            file.put("bucket", listing.bucket() == null ? bucket : listing.bucket());
                            out.add(file);
                        }
                    }
                    if (listing.truncated() && listing.nextPageParameters() != null) {
                        next = listing.nextPageParameters();
                    }
                }
            } while (next != null);
        }
    }
}
