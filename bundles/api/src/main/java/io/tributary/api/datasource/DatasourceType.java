package io.tributary.api.datasource;

/** Dify's datasource types ({@code provider_type} / {@code datasource_type}). */
public enum DatasourceType {
    LOCAL_FILE("local_file"),
    ONLINE_DOCUMENT("online_document"),
    WEBSITE_CRAWL("website_crawl"),
    ONLINE_DRIVE("online_drive");

    private final String wireName;

    DatasourceType(String wireName) {
        this.wireName = wireName;
    }

    /** The string used on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The type for a wire name, or {@code null}. */
    public static DatasourceType fromWire(String name) {
        for (DatasourceType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
