package io.tributary.api.datasource;

/** Dify's datasource types ({@code provider_type} / {@code datasource_type}). */
public enum DataSourceType {
    LOCAL_FILE("local_file"),
    ONLINE_DOCUMENT("online_document"),
    WEBSITE_CRAWL("website_crawl"),
    ONLINE_DRIVE("online_drive");

    private final String wireName;

    DataSourceType(String wireName) {
        this.wireName = wireName;
    }

    /** The string used on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The type for a wire name, or {@code null}. */
    public static DataSourceType fromWire(String name) {
        for (DataSourceType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
