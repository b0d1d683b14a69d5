package io.tributary.api.datasource;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** {@code online_document}: Notion-style workspaces of pages. */
@ConsumerType
public interface OnlineDocumentSource extends DatasourceProvider {

    /** A page in a listing. {@code type} is {@code page} or {@code database}. */
    record Page(String pageId, String pageName, String pageIcon, String type, String lastEditedTime,
                String parentId) {
    }

    /** One workspace's pages; {@code nextCursor} is {@code null} on the last page of the listing. */
    record Workspace(String workspaceId, String workspaceName, String workspaceIcon, int total, List<Page> pages,
                     String nextCursor) {
        public Workspace {
            pages = List.copyOf(pages);
        }
    }

    /** A page's content as Markdown plus metadata. */
    record PageContent(String workspaceId, String pageId, String title, String markdown,
                       Map<String, Object> metadata) {
    }

    /** Lists workspaces and their pages, starting at {@code cursor} ({@code null} for the first page). */
    List<Workspace> listPages(Map<String, Object> credentials, Map<String, Object> parameters, String cursor)
            throws DatasourceException, InterruptedException;

    /** The content of one page. */
    PageContent getPage(Map<String, Object> credentials, String workspaceId, String pageId, String type)
            throws DatasourceException, InterruptedException;
}
