package io.tributary.api.store;

import io.tributary.api.store.dto.PluginRecord;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Durable records of installed plugins, so an upload survives a restart with a clean framework cache. */
@ProviderType
public interface PluginRecordStore {

    /** Records (or replaces) the plugin with this symbolic name and version. */
    void put(PluginRecord record);

    /** Removes the record; false if there was none. */
    boolean remove(String symbolicName, String version);

    /** Every record, oldest first. */
    List<PluginRecord> list();
}
