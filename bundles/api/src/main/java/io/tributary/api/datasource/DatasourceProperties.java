package io.tributary.api.datasource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service properties of a datasource provider: {@value #TYPE} (wire name of its {@link DatasourceType}) and
 * {@value #PROVIDER} (Dify provider id, e.g. {@code langgenius/file}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DatasourceProperties {
    String PREFIX_ = "io.tributary.datasource.";
    String TYPE = "io.tributary.datasource.type";
    String PROVIDER = "io.tributary.datasource.provider";

    /** {@code local_file}, {@code online_document}, {@code website_crawl} or {@code online_drive}. */
    String type();

    /** Provider id, {@code plugin_id/provider_name}. */
    String provider();
}
