package io.tributary.app.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.error.ServiceException;
import io.tributary.api.error.ServiceException.Reason;
import io.tributary.api.store.AppStore;
import io.tributary.api.store.dto.App;
import io.tributary.api.store.dto.AppVersion;

/**
 * Which published version a run or {@code /v1/parameters} uses, parsed. A version never changes, so its YAML is
 * parsed once; the cache keeps the {@value #MAX_ENTRIES} most recently used versions. Thread-safe.
 */
public final class PublishedVersions {
    static final int MAX_ENTRIES = 256;

    /** A published version and its parsed document. */
    public record Published(AppVersion version, DslDocument document) {
    }

    private final AppStore apps;
    private final DslImporter importer;
    private final Map<String, DslDocument> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DslDocument> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public PublishedVersions(AppStore apps, DslImporter importer) {
        this.apps = apps;
        this.importer = importer;
    }

    /** The app's latest published version: {@code app_unavailable} when it has none. */
    public Published latest(App app) {
        AppVersion v = apps.latest(app.id()).orElseThrow(() -> new ServiceException(Reason.INVALID, "app_unavailable",
                "App unavailable, please publish the workflow first."));
        return parsed(v);
    }

    /**
     * A specific published version of the app ({@code POST /v1/workflows/{workflow_id}/run}): a malformed id is
     * {@code bad_request}, an unknown one or one of another app {@code not_found}.
     */
    public Published byId(App app, String workflowId) {
        try {
            UUID.fromString(workflowId);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Reason.INVALID, "bad_request", "Invalid workflow ID format: " + workflowId
                    + ". Only published workflow versions can be run.");
        }
        AppVersion v = apps.version(workflowId).filter(x -> x.appId().equals(app.id()))
                .orElseThrow(() -> ServiceException.notFound("Workflow not found with id: " + workflowId));
        return parsed(v);
    }

    private Published parsed(AppVersion v) {
        try {
            return new Published(v, document(v));
        } catch (DslImportException e) {
            throw new ServiceException(Reason.INVALID, "app_unavailable",
                    "The published workflow cannot be read: " + e.getMessage());
        }
    }

    private DslDocument document(AppVersion version) throws DslImportException {
        synchronized (cache) {
            DslDocument d = cache.get(version.workflowId());
            if (d != null) {
                return d;
            }
        }
        DslDocument parsed = importer.parse(version.dsl());
        synchronized (cache) {
            cache.put(version.workflowId(), parsed);
        }
        return parsed;
    }
}
